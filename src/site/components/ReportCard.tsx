import type { ReportLink } from '../../payload-types'
import { longDate } from '../../fields/ukTime'
import { safeHref } from '../../richtext/slate'

const gradeClass = (grade: string) => `grade grade--${grade.toLowerCase().replace(/\s+/g, '-')}`

/** An external report the release points to, with its findings and the link to read it. */
export const ReportCard = ({ report, headingId }: { report: ReportLink; headingId: string }) => {
  const href = safeHref(report.url)
  return (
    <section className="report" aria-labelledby={headingId}>
      <h2 id={headingId}>{report.title}</h2>
      <p className="report__meta">
        {report.publisher}
        {report.publishedOn ? <>, published {longDate(report.publishedOn)}</> : null}
      </p>
      {report.summary ? <p>{report.summary}</p> : null}
      {report.findings?.length ? (
        <table className="report__findings">
          <caption>What the inspectors found</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">Grade</th>
            </tr>
          </thead>
          <tbody>
            {report.findings.map((finding, i) => (
              <tr key={finding.id ?? i}>
                <th scope="row">{finding.area}</th>
                <td>
                  <span className={gradeClass(finding.grade)}>{finding.grade}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {href ? (
        <p>
          {/* The name says which report; a visually hidden part would be read with a space before its colon. */}
          <a
            className="report__link"
            href={href}
            aria-label={`Read the full report on the ${report.publisher} website: ${report.title}`}
          >
            Read the full report on the {report.publisher} website
          </a>
        </p>
      ) : null}
    </section>
  )
}
