import type { Reference } from '../../src/access/references'

/** How a release points at shared content; the access rules of that content follow these. */
export const releaseReferences = {
  quotes: [{ field: 'quotes', pick: (release) => release.quotes }],
  'report-links': [{ field: 'reportLinks', pick: (release) => release.reportLinks }],
  media: [
    { field: 'heroImage', pick: (release) => release.heroImage },
    { field: 'meta.image', pick: (release) => (release.meta as { image?: unknown } | undefined)?.image },
  ],
} satisfies Record<string, Reference[]>
