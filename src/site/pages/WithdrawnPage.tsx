import type { News } from '../../payload-types'
import { FOUND_NOTICE, FOUND_TITLE } from '../../releases/kinds'
import { Time } from '../components/Time'

/** A withdrawn release: its title and the notice with the reason. Its content is no longer shown. */
export const WithdrawnPage = ({ release }: { release: News }) => (
  <article className="article">
    <h1>{release.title}</h1>
    <div className="notice notice--withdrawn" role="note">
      <h2>This release has been withdrawn</h2>
      <p>
        Withdrawn <Time iso={release.withdrawal!.withdrawnAt!} />
        {release.withdrawal?.reason ? `: ${release.withdrawal.reason}` : '.'}
      </p>
      {release.publishAt ? (
        <p>
          It was first published <Time iso={release.publishAt} />.
        </p>
      ) : null}
    </div>
  </article>
)

/**
 * A missing person's appeal once they are found: the short notice and nothing else, not even
 * the word "withdrawn" (the person did nothing wrong, and the appeal was not a mistake). The
 * workflow has already deleted everything the appeal said about them.
 */
export const FoundPage = () => (
  <article className="article">
    <h1>{FOUND_TITLE}</h1>
    <p className="notice notice--found" role="note">
      {FOUND_NOTICE}
    </p>
  </article>
)

/**
 * An address whose release was taken down because it was published in error, or whose
 * "found" notice has stood for its days.
 */
export const GonePage = () => (
  <>
    <h1>This page has been removed</h1>
    <p>The release that was here has been removed and is no longer available.</p>
    <p>
      <a href="/news">See the latest news</a>
    </p>
  </>
)
