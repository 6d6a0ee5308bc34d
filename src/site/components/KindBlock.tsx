import type { Media } from '../../payload-types'
import type { FactValue, KindDetails, Line } from '../kindFacts'
import { rootRelative } from './Picture'
import { Time } from './Time'
import { longDate } from '../../fields/ukTime'

const Value = ({ value }: { value: FactValue }) =>
  'text' in value ? (
    <>{value.text}</>
  ) : 'time' in value ? (
    <Time iso={value.time} />
  ) : (
    <time dateTime={value.day.slice(0, 10)}>{longDate(value.day)}</time>
  )

const Sentence = ({ line }: { line: Line }) => (
  <>
    {line.map((segment, i) =>
      typeof segment === 'string' ? (
        segment
      ) : (
        <a key={i} href={segment.href}>
          {segment.text}
        </a>
      ),
    )}
  </>
)

/**
 * A person's picture, whole: the site's sizes are crops to the width of a page (16:9), which
 * would cut off a face. The original, from the root as every picture on a page is (Picture.tsx).
 */
const Portrait = ({ media, caption }: { media: Media; caption?: string }) =>
  media.url ? (
    <figure className="kind-block__photo">
      <img
        src={rootRelative(media.url)}
        alt={media.alt}
        width={media.width ?? undefined}
        height={media.height ?? undefined}
        decoding="async"
      />
      {caption ? <figcaption>{caption}</figcaption> : null}
    </figure>
  ) : null

/**
 * The block an appeal, a missing or wanted person or a court result adds to its release: the
 * facts as a list of terms, the person's picture, and what to do (with the numbers as links a
 * phone can call). `pictures` is false where the words go on without the page (feeds, e-mail):
 * a copy of someone's picture there would outlive its takedown.
 */
export const KindBlock = ({
  details,
  pictures = true,
  headingLevel = 2,
}: {
  details: KindDetails
  pictures?: boolean
  headingLevel?: 2 | 3
}) => {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const Sub = headingLevel === 2 ? 'h3' : 'h4'
  const photo = pictures ? details.photo : null
  return (
    <section
      className={`kind-block kind-block--${details.kind}`}
      aria-labelledby="kind-block-heading"
    >
      <Heading id="kind-block-heading">{details.heading}</Heading>
      <div className={photo ? 'kind-block__with-photo' : undefined}>
        {photo ? <Portrait media={photo.media} caption={photo.caption} /> : null}
        {details.facts.length ? (
          <dl className="kind-block__facts">
            {details.facts.map((fact) => (
              <div key={fact.label}>
                <dt>{fact.label}</dt>
                <dd>
                  <Value value={fact.value} />
                </dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
      {details.action ? (
        <div className="kind-block__action">
          {details.action.heading ? <Sub>{details.action.heading}</Sub> : null}
          {details.action.heading ? (
            <ul>
              {details.action.lines.map((line, i) => (
                <li key={i}>
                  <Sentence line={line} />
                </li>
              ))}
            </ul>
          ) : (
            details.action.lines.map((line, i) => (
              <p key={i} className="kind-block__call">
                <Sentence line={line} />
              </p>
            ))
          )}
        </div>
      ) : null}
      {details.ended ? (
        <div className="kind-block__ended" role="note">
          <Sub>{details.ended.heading}</Sub>
          <p>
            {details.ended.label} <Time iso={details.ended.at} />. {details.ended.text}
          </p>
        </div>
      ) : null}
    </section>
  )
}
