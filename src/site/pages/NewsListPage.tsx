import type { Category } from '../../payload-types'
import { categoryPath, ReleaseList } from '../components/ReleaseList'
import { Pagination } from '../components/Pagination'
import type { Page, ReleaseCard } from '../content'

/** The latest releases, newest first, a page at a time: the home page, /news and each category. */
export const NewsListPage = ({
  heading,
  releases,
  basePath,
  categories,
  current,
}: {
  heading: string
  releases: Page<ReleaseCard>
  basePath: string
  categories: Category[]
  current?: Category
}) => (
  <>
    <h1>
      {heading}
      {releases.page > 1 ? <span className="visually-hidden">, page {releases.page}</span> : null}
    </h1>
    {releases.docs.length ? <ReleaseList releases={releases.docs} /> : <p>There is no news here yet.</p>}
    <Pagination basePath={basePath} page={releases.page} hasNext={releases.hasNext} />
    {categories.length ? (
      <nav className="topics" aria-labelledby="topics-heading">
        <h2 id="topics-heading">News by topic</h2>
        <ul>
          {categories.map((category) => (
            <li key={category.id}>
              <a href={categoryPath(category.slug)} aria-current={current?.id === category.id ? 'page' : undefined}>
                {category.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    ) : null}
  </>
)
