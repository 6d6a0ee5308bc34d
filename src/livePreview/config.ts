import type { RootLivePreviewConfig } from 'payload'

import { siteUrl } from '../config/env'

/** Where the public site renders a release's latest saved version for the admin (src/livePreview/route.tsx). */
export const livePreviewPath = (id: number | string) =>
  `/live-preview/news/${encodeURIComponent(String(id))}`

/** Payload's live preview for releases: the public page template, at a phone's width and a desktop's. */
export const livePreview: RootLivePreviewConfig = {
  collections: ['news'],
  url: ({ data }) => (data?.id ? `${siteUrl()}${livePreviewPath(data.id as number)}` : null),
  breakpoints: [
    { name: 'mobile', label: 'Mobile', width: 375, height: 667 },
    { name: 'desktop', label: 'Desktop', width: 1280, height: 800 },
  ],
}
