'use client'
import { Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

/**
 * "Copy as email" for the media list, beside the document's buttons: puts the release on the
 * clipboard as HTML and as plain text at once (an email program takes the HTML, a plain-text
 * field the text), with the embargo line at the top while it is scheduled; and the same as
 * .txt and .html files. The words are the approved ones (GET /api/news/:id/copy/…).
 */
export const CopyForMedia = () => {
  const { id } = useDocumentInfo()
  const {
    routes: { api },
  } = useConfig().config
  const [said, setSaid] = useState<{ text: string; problem?: boolean } | null>(null)
  if (!id) return null
  const base = `${api}/news/${id}/copy`

  const copy = async () => {
    setSaid(null)
    try {
      const [text, html] = await Promise.all(
        ['txt', 'html'].map(async (format) => {
          const response = await fetch(`${base}/${format}`, { credentials: 'include' })
          if (!response.ok) throw new Error(`The server answered ${response.status}.`)
          return response.text()
        }),
      )
      if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/plain': new Blob([text!], { type: 'text/plain' }),
            'text/html': new Blob([html!], { type: 'text/html' }),
          }),
        ])
      } else {
        await navigator.clipboard.writeText(text!)
      }
      const firstLine = text!.split('\n')[0]!
      setSaid({
        text: /^(EMBARGOED|DRAFT|WITHDRAWN)/.test(firstLine)
          ? `Copied, headed “${firstLine}”. Paste it into your email.`
          : 'Copied. Paste it into your email.',
      })
    } catch (error) {
      setSaid({
        text: `Could not copy: ${(error as Error).message} Use the .txt or .html download instead.`,
        problem: true,
      })
    }
  }

  return (
    <div className="copy-for-media">
      <Button buttonStyle="secondary" size="medium" margin={false} onClick={copy}>
        Copy as email
      </Button>
      <span className="copy-for-media__downloads">
        Download{' '}
        <a href={`${base}/txt?download`} download aria-label="Download .txt">
          .txt
        </a>{' '}
        <a href={`${base}/html?download`} download aria-label="Download .html">
          .html
        </a>
      </span>
      <span
        role={said?.problem ? 'alert' : 'status'}
        aria-live="polite"
        data-testid="copy-for-media-status"
      >
        {said?.text ?? ''}
      </span>
    </div>
  )
}
