import type { Field, FieldAccess, GroupField } from 'payload'

import { contentUnlessWithdrawn } from '../../src/access/contentUnlessWithdrawn'
import { nobody } from '../../src/access/nobody'
import { staffField } from '../../src/access/staff'
import { ukDateTime } from '../../src/fields/ukDateTime'
import { KIND_LABELS, KINDS, type Kind } from '../../src/releases/kinds'

const when =
  (kind: Kind) =>
  (data: Record<string, unknown> | undefined): boolean =>
    (data?.kind ?? 'news') === kind

/** The kind is chosen when a release is written; once it has gone out, its fields mean what they meant. */
const kindUntilPublished: FieldAccess = ({ doc }) =>
  !doc || (doc as { publishAt?: string | null }).publishAt == null

const content = { read: contentUnlessWithdrawn }

const reference = (description: string): Field => ({
  name: 'reference',
  label: 'Reference number',
  type: 'text',
  maxLength: 60,
  access: content,
  admin: { description },
})

/**
 * What each kind of release says beyond the news itself, each shown only for its kind. Their
 * words are content like the body: reviewed, approved as submitted, hidden from the public once
 * a release is withdrawn. What happens after publication is the workflow's (`after`, below).
 */
export const kindField: Field = {
  name: 'kind',
  type: 'select',
  // Not required: a client that has never heard of kinds (GraphQL's schema would otherwise ask
  // for one) writes news, as before.
  defaultValue: 'news',
  index: true,
  options: KINDS.map((kind) => ({ label: KIND_LABELS[kind], value: kind })),
  access: { update: kindUntilPublished },
  admin: {
    components: { Field: '/src/admin/KindField#KindField' },
    description:
      'Chosen when the release is written. An appeal, a missing or wanted person or a court result gets a block of its own on the page, and what happens after (found, arrested, charged, closed) in the Workflow dialog.',
  },
}

export const kindGroups: Field[] = [
  {
    name: 'appeal',
    label: 'Appeal for information',
    type: 'group',
    admin: { condition: when('appeal') },
    fields: [
      reference('The crime reference: people calling 101 or reporting online quote it.'),
      ukDateTime({ name: 'happenedAt', label: 'When it happened', access: content }),
      {
        name: 'happenedWhere',
        label: 'Where it happened',
        type: 'text',
        maxLength: 200,
        access: content,
      },
      {
        name: 'whatWeNeed',
        label: 'What we want to know',
        type: 'textarea',
        maxLength: 1000,
        access: content,
        admin: { description: 'Shown above the ways to answer: 101, online, Crimestoppers, 999.' },
      },
    ],
  },
  {
    name: 'missingPerson',
    label: 'Missing person',
    type: 'group',
    admin: {
      condition: when('missing-person'),
      description:
        'Everything here, the photo with it, is removed from the site and deleted when the person is found ("Found" in the Workflow dialog). Do not put their name in the headline or the hero image: use these fields.',
    },
    fields: [
      { name: 'name', type: 'text', maxLength: 120, access: content },
      { name: 'age', type: 'number', min: 0, max: 130, access: content },
      {
        name: 'description',
        label: 'Description (height, build, clothing)',
        type: 'textarea',
        maxLength: 1000,
        access: content,
      },
      ukDateTime({ name: 'lastSeenAt', label: 'Last seen (when)', access: content }),
      {
        name: 'lastSeenWhere',
        label: 'Last seen (where)',
        type: 'text',
        maxLength: 200,
        access: content,
      },
      reference('The reference to quote when calling 999 or 101.'),
      { name: 'photo', type: 'upload', relationTo: 'media', access: content },
    ],
  },
  {
    name: 'wanted',
    label: 'Wanted person',
    type: 'group',
    admin: {
      condition: when('wanted'),
      description:
        'The photo is removed from the site and deleted when the person is arrested ("Arrested" in the Workflow dialog).',
    },
    fields: [
      { name: 'name', type: 'text', maxLength: 120, access: content },
      { name: 'age', type: 'number', min: 0, max: 130, access: content },
      {
        name: 'area',
        label: 'Area they are known to go to',
        type: 'text',
        maxLength: 200,
        access: content,
      },
      {
        name: 'wantedFor',
        label: 'Wanted for',
        type: 'textarea',
        maxLength: 1000,
        access: content,
      },
      reference('The reference to quote when calling 999 or 101.'),
      { name: 'photo', type: 'upload', relationTo: 'media', access: content },
    ],
  },
  {
    name: 'courtResult',
    label: 'Court result',
    type: 'group',
    admin: {
      condition: when('court-result'),
      description:
        'A custody image is reviewed after the time in the site settings (12 months unless set) and taken down then, unless an editor keeps it longer, with a reason.',
    },
    fields: [
      {
        name: 'defendantName',
        label: 'Defendant’s name',
        type: 'text',
        maxLength: 120,
        access: content,
      },
      {
        name: 'defendantAge',
        label: 'Defendant’s age',
        type: 'number',
        min: 10,
        max: 130,
        access: content,
      },
      {
        name: 'defendantTown',
        label: 'Defendant’s town',
        type: 'text',
        maxLength: 120,
        access: content,
      },
      { name: 'court', type: 'text', maxLength: 200, access: content },
      { name: 'offences', type: 'textarea', maxLength: 2000, access: content },
      { name: 'sentence', type: 'textarea', maxLength: 1000, access: content },
      {
        name: 'sentencedOn',
        label: 'Sentenced on',
        type: 'date',
        access: content,
        admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' } },
      },
      {
        name: 'custodyImage',
        label: 'Custody image',
        type: 'upload',
        relationTo: 'media',
        access: content,
      },
    ],
  },
]

export const followUpOfField: Field = {
  name: 'followUpOf',
  label: 'Follows up',
  type: 'relationship',
  relationTo: 'news',
  access: content,
  admin: {
    position: 'sidebar',
    description:
      'The earlier release this one updates ("UPDATE: man charged"). Once this one is out, the earlier one links to it.',
  },
}

/**
 * What happened after publication, written only by the workflow (src/workflow/plans.ts):
 * the appeal closed, the person found or arrested, the case active, the pictures taken down,
 * the review date of what is kept only for a time. The public reads what the page says
 * (closed, arrested); the proceedings and the review are the staff's.
 */
export const afterField: GroupField = {
  name: 'after',
  label: 'What happened after',
  type: 'group',
  access: { create: nobody, update: nobody },
  admin: {
    position: 'sidebar',
    readOnly: true,
    condition: (data) =>
      Boolean(
        data?.after?.appealClosedAt ||
        data?.after?.foundAt ||
        data?.after?.arrestedAt ||
        data?.after?.activeProceedingsSince ||
        data?.after?.reviewAt,
      ),
  },
  fields: [
    ukDateTime({ name: 'appealClosedAt', label: 'Appeal closed' }),
    ukDateTime({ name: 'foundAt', label: 'Found' }),
    ukDateTime({ name: 'arrestedAt', label: 'Arrested' }),
    ukDateTime({
      name: 'activeProceedingsSince',
      label: 'Active proceedings since',
      access: { read: staffField },
    }),
    {
      name: 'activeProceedingsNote',
      label: 'Active proceedings',
      type: 'text',
      access: { read: staffField },
    },
    ukDateTime({ name: 'picturesTakenDownAt', label: 'Pictures taken down' }),
    ukDateTime({
      name: 'reviewAt',
      label: 'Review of what is kept',
      access: { read: staffField },
      admin: {
        description:
          'A custody image or a court result is reviewed then: its pictures come down unless an editor keeps them, with a reason.',
      },
    }),
  ],
}
