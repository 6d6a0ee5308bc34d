import type { ReactNode } from 'react'

import type { Category } from '../../payload-types'
import type { ReleaseCard } from '../content'
import { asMedia, Picture } from './Picture'
import { Published } from './Time'

export const releasePath = (slug: string) => `/news/${encodeURIComponent(slug)}`
export const categoryPath = (slug: string) => `/news/category/${encodeURIComponent(slug)}`

const asCategory = (value: unknown): Category | null =>
  value && typeof value === 'object' && 'slug' in value ? (value as Category) : null

/** One release in a list: its picture, category, headline (the link), time and summary. */
export const ReleaseItem = ({
  release,
  headingLevel = 2,
  title,
  summary,
}: {
  release: ReleaseCard
  headingLevel?: 2 | 3
  title?: ReactNode
  summary?: ReactNode
}) => {
  const image = asMedia(release.heroImage)
  const category = asCategory(release.category)
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <li className="release">
      {image ? (
        <div className="release__image">
          <Picture
            media={{ ...image, alt: '' }}
            main="card"
            sizes="(min-width: 48rem) 14rem, 100vw"
          />
        </div>
      ) : null}
      <div className="release__text">
        <Heading className="release__title">
          <a href={releasePath(release.slug)}>{title ?? release.title}</a>
        </Heading>
        <p className="release__meta">
          {release.publishAt ? <Published iso={release.publishAt} /> : null}
          {category ? <> · {category.name}</> : null}
        </p>
        {summary ??
          (release.summary ? <p className="release__summary">{release.summary}</p> : null)}
      </div>
    </li>
  )
}

export const ReleaseList = ({
  releases,
  headingLevel = 2,
}: {
  releases: ReleaseCard[]
  headingLevel?: 2 | 3
}) => (
  <ul className="releases">
    {releases.map((release) => (
      <ReleaseItem key={release.id} release={release} headingLevel={headingLevel} />
    ))}
  </ul>
)
