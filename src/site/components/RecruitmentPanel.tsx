import type { RecruitmentCta } from '../../payload-types'
import { safeHref } from '../../richtext/slate'

/** A "join us" call to action. */
export const RecruitmentPanel = ({ cta }: { cta: RecruitmentCta }) => {
  const href = safeHref(cta.linkUrl)
  return (
    <aside className="cta" aria-labelledby="cta-heading">
      <h2 id="cta-heading">{cta.heading}</h2>
      {cta.body.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
      {href ? (
        <p>
          <a className="cta__link" href={href}>
            {cta.linkLabel}
          </a>
        </p>
      ) : null}
    </aside>
  )
}
