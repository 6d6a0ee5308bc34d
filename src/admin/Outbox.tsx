/**
 * The Outbox (/admin/outbox): every e-mail Newsroom kept instead of sending, because no mail
 * server is set (SMTP_URL). Newest first, with who it was to, its subject and when; each opens
 * as it would have arrived: its headers, its HTML part in a sandboxed frame (no scripts, no
 * access to the admin) and its text part. Admins only: these messages hold reset and
 * invitation links.
 */
import { DefaultTemplate } from '@payloadcms/next/templates'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { isAdminUser } from '../access/roles'
import { emailMode } from '../email/transport'
import { headersOf, listOutbox, readKept } from '../email/outbox'
import { adminTime } from '../fields/ukTime'

const Refused = () => (
  <div className="outbox">
    <h1>Outbox</h1>
    <p>Only admins may read the outbox.</p>
  </div>
)

const MessageView = ({ id }: { id: string }) => {
  const kept = readKept(id)
  if (!kept)
    return (
      <div className="outbox">
        <p>
          <Link href="/admin/outbox">← Outbox</Link>
        </p>
        <h1>Not in the outbox</h1>
        <p>There is no such message. It may have been removed from the server.</p>
      </div>
    )
  return (
    <div className="outbox">
      <p>
        <Link href="/admin/outbox">← Outbox</Link>
      </p>
      <h1>{kept.subject || '(no subject)'}</h1>
      <p className="outbox__meta">
        To {kept.to.join(', ')}, kept at {adminTime(kept.keptAt)}
      </p>
      <h2>Headers</h2>
      <dl className="outbox__headers">
        {headersOf(kept.raw).map(([name, value], i) => (
          <div key={i}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h2>HTML</h2>
      {kept.html ? (
        <iframe
          className="outbox__html"
          title={`The HTML part of “${kept.subject}”`}
          // No allow-* at all: the message cannot run scripts, submit forms or reach the admin.
          sandbox=""
          referrerPolicy="no-referrer"
          // Pictures sent inline (cid:) are kept beside the message and shown from there.
          srcDoc={Object.entries(kept.pictures ?? {}).reduce(
            (html, [cid, data]) => html.replaceAll(`cid:${cid}`, data),
            kept.html,
          )}
        />
      ) : (
        <p>This message has no HTML part.</p>
      )}
      <h2>Text</h2>
      <pre className="outbox__text">{kept.text || '(no text part)'}</pre>
    </div>
  )
}

const ListView = () => {
  const messages = listOutbox()
  const mode = emailMode()
  return (
    <div className="outbox">
      <h1>Outbox</h1>
      <p>
        {mode === 'outbox'
          ? 'No mail server is set (SMTP_URL), so Newsroom keeps each e-mail here instead of sending it, exactly as it would have gone out.'
          : 'E-mail kept here before a mail server was set (SMTP_URL). New e-mail is sent, not kept.'}
      </p>
      {messages.length === 0 ? (
        <p className="outbox__empty">No e-mail has been kept yet.</p>
      ) : (
        <table className="outbox__list">
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id}>
                <td>{message.to.join(', ')}</td>
                <td>
                  <Link href={`/admin/outbox?message=${encodeURIComponent(message.id)}`}>
                    {message.subject || '(no subject)'}
                  </Link>
                </td>
                <td>{adminTime(message.keptAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

export const Outbox = ({
  initPageResult,
  params,
  searchParams,
  i18n,
  payload,
}: AdminViewServerProps) => {
  const { req, permissions, visibleEntities, locale } = initPageResult
  if (!req.user) redirect('/admin/login?redirect=%2Fadmin%2Foutbox')
  const message = typeof searchParams?.message === 'string' ? searchParams.message : undefined
  return (
    <DefaultTemplate
      i18n={i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <div className="gutter--left gutter--right">
        {!isAdminUser(req.user) ? (
          <Refused />
        ) : message ? (
          <MessageView id={message} />
        ) : (
          <ListView />
        )}
      </div>
    </DefaultTemplate>
  )
}

/** In the side menu, for admins: the way to the Outbox. */
export const OutboxNavLink = ({ user }: { user?: { roles?: string[] | null } | null }) =>
  isAdminUser(user) ? (
    <Link className="nav__link outbox__nav" href="/admin/outbox">
      Outbox
    </Link>
  ) : null
