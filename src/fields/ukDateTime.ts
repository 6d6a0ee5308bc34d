import type { DateField } from 'payload'

import { UK_TIME_ZONE } from './ukTime'

/** The only zone a date field offers: the picker shows and takes UK time, and says so beside it. */
export const UK_TIME_ZONE_ONLY = {
  defaultTimezone: UK_TIME_ZONE,
  supportedTimezones: [{ label: 'UK time (Europe/London)', value: UK_TIME_ZONE }],
}

/**
 * A date and time field as the admin should show it wherever the officer's laptop thinks it
 * is: picked and shown in UK time, and in list columns printed like every other admin time,
 * "24 Nov 2026, 09:00 GMT+0" (src/admin/UkDateCell.tsx).
 */
export const ukDateTime = ({ admin, ...field }: Omit<DateField, 'type'>): DateField => ({
  ...field,
  type: 'date',
  timezone: UK_TIME_ZONE_ONLY,
  admin: {
    ...admin,
    date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm', ...admin?.date },
    components: { Cell: '/src/admin/UkDateCell#UkDateCell', ...admin?.components },
  },
})
