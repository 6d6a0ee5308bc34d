import type { News } from '../../payload-types'
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

/** An address whose release was taken down because it was published in error. */
export const GonePage = () => (
  <>
    <h1>This page has been removed</h1>
    <p>The release that was here has been removed and is no longer available.</p>
    <p>
      <a href="/news">See the latest news</a>
    </p>
  </>
)
