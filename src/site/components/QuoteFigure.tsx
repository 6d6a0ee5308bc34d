import type { Quote } from '../../payload-types'

/**
 * A quote as a figure: the words in a blockquote, who said it in the caption. Each
 * paragraph opens with a quotation mark and only the last one closes, as UK style has it.
 */
export const QuoteFigure = ({ quote }: { quote: Quote }) => {
  const paragraphs = quote.text
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^[“"']+|[”"']+$/g, ''),
    )
    .filter(Boolean)
  const attribution = [quote.speakerRole, quote.organisation].filter(Boolean).join(', ')
  return (
    <figure className="quote">
      <blockquote>
        {paragraphs.map((text, i) => (
          <p key={i}>
            “{text}
            {i === paragraphs.length - 1 ? '”' : ''}
          </p>
        ))}
      </blockquote>
      <figcaption>
        <span className="quote__speaker">{quote.speakerName}</span>
        {attribution ? `, ${attribution}` : ''}
      </figcaption>
    </figure>
  )
}
