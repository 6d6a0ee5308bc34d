import type { CollectionConfig } from 'payload'

import { INLINE_BLOCK_COLLECTIONS } from '../src/richtext/slate'
import { AlertDeliveries } from './AlertDeliveries'
import { AlertRuns } from './AlertRuns'
import { AuditLog } from './AuditLog'
import { Categories } from './Categories'
import { ContentChanges } from './ContentChanges'
import { EmbargoLifts } from './EmbargoLifts'
import { Media } from './Media'
import { MediaContacts } from './MediaContacts'
import { MediaLists } from './MediaLists'
import { MediaSends } from './MediaSends'
import { News } from './News'
import { PreviewLinks } from './PreviewLinks'
import { Quotes } from './Quotes'
import { RecruitmentCtas } from './RecruitmentCtas'
import { Redirects } from './Redirects'
import { ReportLinks } from './ReportLinks'
import { Subscribers } from './Subscribers'
import { Takedowns } from './Takedowns'
import { Users } from './Users'

/**
 * For the press office: a document without a title yet is headed "New release", "New quote"…
 * (src/admin/NewDocumentTitle.tsx), not by its id; and no document shows Payload's "API" tab.
 */
const forThePressOffice = (collection: CollectionConfig): CollectionConfig => {
  const edit = collection.admin?.components?.edit
  const before = edit?.beforeDocumentControls ?? []
  return {
    ...collection,
    admin: {
      ...collection.admin,
      hideAPIURL: true,
      components: {
        ...collection.admin?.components,
        edit: {
          ...edit,
          beforeDocumentControls: ['/src/admin/NewDocumentTitle#NewDocumentTitle', ...before],
        },
      },
    },
  }
}

/**
 * The content model, in the order the admin lists it. A release's body may embed a quote or
 * a report link as a block, and nothing else: the editor's block button offers only those.
 */
export const collections: CollectionConfig[] = [
  News,
  PreviewLinks,
  Quotes,
  ReportLinks,
  RecruitmentCtas,
  Media,
  Categories,
  MediaContacts,
  MediaLists,
  MediaSends,
  Redirects,
  AuditLog,
  Users,
  Subscribers,
  AlertRuns,
  EmbargoLifts,
  AlertDeliveries,
  Takedowns,
  ContentChanges,
]
  .map((collection) =>
    (INLINE_BLOCK_COLLECTIONS as readonly string[]).includes(collection.slug)
      ? collection
      : { ...collection, admin: { ...collection.admin, enableRichTextRelationship: false } },
  )
  .map(forThePressOffice)
