import type { GlobalConfig } from 'payload'

import { admins } from '../access/admins'
import { anyone } from '../access/anyone'
import { validateHttpsUrl, validateLinkUrl } from '../fields/validators'
import { DEFAULT_FOUND_NOTICE_DAYS, DEFAULT_RETENTION_MONTHS } from '../releases/kinds'
import { logoIsPublic } from './hooks/logoIsPublic'

export const DEFAULT_QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather'

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: 'Site settings',
  admin: { group: 'Administration', hideAPIURL: true },
  access: { read: anyone, update: admins },
  hooks: { afterChange: [logoIsPublic] },
  fields: [
    {
      name: 'forceName',
      label: 'Force name',
      type: 'text',
      required: true,
      defaultValue: 'Northmoor Police',
      maxLength: 120,
    },
    {
      name: 'pressOfficeAddress',
      label: 'Press office address',
      type: 'textarea',
      maxLength: 400,
      admin: {
        description:
          'At the foot of every e-mail Newsroom sends, under the force name: the press office, its postal address and phone number, one to a line.',
      },
    },
    {
      name: 'pressOfficeContact',
      label: 'Media enquiries',
      type: 'textarea',
      maxLength: 600,
      admin: {
        description:
          'Under every release sent to the media list, headed “Media enquiries”: how journalists reach the press office, in hours and out of hours. One to a line.',
      },
    },
    {
      name: 'notesToEditors',
      label: 'Notes to editors',
      type: 'textarea',
      maxLength: 2000,
      admin: {
        description:
          'Under every release sent to the media list, headed “Notes to editors”: standing notes, such as how the pictures may be used.',
      },
    },
    {
      name: 'onlineReportUrl',
      label: 'Online report form',
      type: 'text',
      validate: validateHttpsUrl,
      admin: {
        description:
          'The force’s form for reporting online (https://…). Appeals for information give it beside 101 and Crimestoppers.',
      },
    },
    {
      name: 'foundNoticeDays',
      label: 'Days a “found” notice stays',
      type: 'number',
      min: 1,
      max: 365,
      defaultValue: DEFAULT_FOUND_NOTICE_DAYS,
      admin: {
        description:
          'When a missing person is found, their appeal’s page says so (without their name) for this many days, then answers “gone”.',
      },
    },
    {
      name: 'retentionMonths',
      label: 'Months custody images and court results are kept before review',
      type: 'number',
      min: 1,
      max: 120,
      defaultValue: DEFAULT_RETENTION_MONTHS,
      admin: {
        description:
          'A custody image or a court result comes up for review this long after it goes out; its pictures come down then unless an editor keeps them, with a reason.',
      },
    },
    {
      name: 'logo',
      label: 'Force logo',
      type: 'upload',
      relationTo: 'media',
      admin: {
        description:
          'Shown on the sign-in page and at the top of the admin beside "Newsroom". A square picture reads best. Anyone may see it.',
      },
    },
    {
      name: 'betaBanner',
      label: 'Beta banner',
      type: 'group',
      fields: [
        { name: 'enabled', label: 'Show the beta banner', type: 'checkbox', defaultValue: false },
        {
          name: 'text',
          type: 'textarea',
          maxLength: 400,
          defaultValue: 'This is a new service. Your feedback will help us to improve it.',
        },
        {
          name: 'feedbackUrl',
          label: 'Feedback address',
          type: 'text',
          maxLength: 2000,
          validate: validateLinkUrl,
        },
      ],
    },
    {
      name: 'quickExit',
      label: 'Quick exit',
      type: 'group',
      admin: {
        description:
          'The button at the top of every page that takes a reader to an everyday website at once, for someone who may be watched at home.',
      },
      fields: [
        {
          name: 'label',
          label: 'Button label',
          type: 'text',
          required: true,
          defaultValue: 'Leave this site',
          maxLength: 40,
        },
        {
          name: 'url',
          label: 'Destination',
          type: 'text',
          required: true,
          defaultValue: DEFAULT_QUICK_EXIT_URL,
          maxLength: 2000,
          validate: validateHttpsUrl,
          admin: {
            description: 'An ordinary, harmless site. The BBC weather page is the usual choice.',
          },
        },
      ],
    },
    {
      name: 'defaultRecruitmentCta',
      label: 'Default recruitment call to action',
      type: 'relationship',
      relationTo: 'recruitment-ctas',
      admin: {
        description:
          'Shown on releases that have no call to action of their own, while it is running.',
      },
    },
    {
      name: 'footerLinks',
      label: 'Footer links',
      type: 'array',
      maxRows: 20,
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', required: true, maxLength: 80 },
            {
              name: 'url',
              label: 'Address',
              type: 'text',
              required: true,
              maxLength: 2000,
              validate: validateLinkUrl,
            },
          ],
        },
      ],
    },
  ],
}
