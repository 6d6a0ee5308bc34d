import { ReleaseList } from '../components/ReleaseList'
import { SearchForm } from '../components/SearchForm'
import type { ReleaseCard } from '../content'

/** A page that is not there, with ways on: search, and the latest news. */
export const NotFoundPage = ({ latest }: { latest: ReleaseCard[] }) => (
  <>
    <h1>Page not found</h1>
    <p>
      If you typed the web address, check it is correct. If you pasted it, check you copied the
      whole address.
    </p>
    <p>The news you are looking for may have been moved, or may not have been published yet.</p>
    <SearchForm id="search-404" />
    {latest.length ? (
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">Latest news</h2>
        <ReleaseList releases={latest} headingLevel={3} />
      </section>
    ) : null}
  </>
)

export const ErrorPage = ({ title, message }: { title: string; message: string }) => (
  <>
    <h1>{title}</h1>
    <p>{message}</p>
    <p>
      <a href="/">Go to the latest news</a>
    </p>
  </>
)
