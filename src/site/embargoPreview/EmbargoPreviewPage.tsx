import type { News } from '../../payload-types'
import { embargoLine } from '../../fields/ukTime'
import { ArticlePage } from '../pages/ArticlePage'

/** A scheduled release as a journalist with a preview link sees it: the page, under the embargo banner. */
export const EmbargoPreviewPage = ({
  release,
  onlineReportUrl,
}: {
  release: News
  onlineReportUrl?: string | null
}) => {
  return (
    <>
      <div className="embargo-banner" role="note">
        <p className="embargo-banner__line">
          EMBARGOED: not for publication until {embargoLine(release.publishAt!)}
        </p>
        <p>
          This preview is for the press under embargo. Please do not share this link or publish
          anything from it before then.
        </p>
      </div>
      <ArticlePage release={release} cta={null} related={[]} onlineReportUrl={onlineReportUrl} />
    </>
  )
}
