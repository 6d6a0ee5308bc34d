import { DateTime } from 'luxon'

/** Every time a reader or an editor sees is UK time: Europe/London, GMT in winter, BST in summer. */
export const UK_TIME_ZONE = 'Europe/London'

const inUk = (iso: string | Date): DateTime =>
  (typeof iso === 'string' ? DateTime.fromISO(iso, { zone: 'utc' }) : DateTime.fromJSDate(iso)).setZone(UK_TIME_ZONE)

/** "12:45 19/06/2023": how UK force sites print a release's time. */
export const forceTime = (iso: string | Date): string => inUk(iso).toFormat('HH:mm dd/MM/yyyy')

/** "2023-06-19T12:45:00+01:00": ISO 8601 with the UK offset of that moment, for <time> and structured data. */
export const isoWithUkOffset = (iso: string | Date): string => inUk(iso).toISO({ suppressMilliseconds: true })!

/** "12:45 on Monday 19 June 2023": the embargo line. */
export const embargoTime = (iso: string | Date): string => inUk(iso).toFormat("HH:mm 'on' cccc d LLLL yyyy")

/** "19 June 2023": a date on its own. */
export const longDate = (iso: string | Date): string => inUk(iso).toFormat('d LLLL yyyy')

/** "GMT" or "BST" at that moment. */
export const ukZoneName = (iso: string | Date): string => (inUk(iso).isInDST ? 'BST' : 'GMT')
