import Link from 'next/link'
import type { Payload, TypedUser } from 'payload'

import type { News, PreviewLink, User } from '../payload-types'
import { isAdminUser, isEditorUser } from '../access/roles'
import { emailMode } from '../email/transport'
import { adminTime, timeLeft } from '../fields/ukTime'
import { deskReleases, dueForReview } from './deskReleases'

type Props = { payload: Payload; user?: TypedUser | null }

const editPath = (id: number | string) => `/admin/collections/news/${id}`
const personName = (value: unknown) =>
  value && typeof value === 'object' ? ((value as User).name ?? (value as User).email) : null

const Section = ({
  id,
  title,
  count,
  empty,
  children,
}: {
  id: string
  title: string
  count: number
  empty: string
  children: React.ReactNode
}) => (
  <section className="desk__section" aria-labelledby={id}>
    <h2 id={id} className="desk__heading">
      {title} <span className="desk__count">({count})</span>
    </h2>
    {count === 0 ? (
      <p className="desk__empty">{empty}</p>
    ) : (
      <ul className="desk__list">{children}</ul>
    )}
  </section>
)

type AuditEvent = {
  release?: number | string | { id: number | string } | null
  action: string
  note?: string | null
  actorName?: string | null
  at: string
}

const releaseIdOf = (event: AuditEvent) =>
  String(typeof event.release === 'object' && event.release ? event.release.id : event.release)

/**
 * The comms officer's desk, above the admin's collection cards: their own drafts and what was
 * returned to them with the editor's note, what lifts next and how soon (with its preview
 * links, for the editors who may read them), what waits for a second pair of eyes, what went
 * out lately, what was withdrawn, and for the editors the pictures due for review this week.
 * Everything is read with the signed-in person's own access, so each role sees what it may,
 * and nothing it may not is asked for.
 */
export const DeskDashboard = async ({ payload, user }: Props) => {
  if (!user) return null
  const now = new Date().toISOString()
  const { upcoming, inReview, recent, withdrawn, mine } = await deskReleases(
    payload,
    user,
    new Date(now),
  )
  // Only an editor may keep pictures past their review: an author's desk does not list them.
  const due = isEditorUser(user) ? await dueForReview(payload, user, new Date(now)) : null

  // Preview links are for editors only (collections/PreviewLinks): an author's desk shows the
  // embargo without them rather than asking for what it may not read.
  const links =
    upcoming.docs.length && isEditorUser(user)
      ? (
          await payload.find({
            collection: 'preview-links',
            where: {
              and: [
                { release: { in: upcoming.docs.map((r) => r.id) } },
                { revokedAt: { exists: false } },
                { expiresAt: { greater_than: now } },
              ],
            },
            sort: 'expiresAt',
            limit: 200,
            depth: 0,
            user,
            overrideAccess: false,
          })
        ).docs
      : null
  const linksFor = (release: Pick<News, 'id'>) =>
    (links ?? []).filter((link: PreviewLink) => String(link.release) === String(release.id))

  // A draft was returned when the last thing the workflow did to it was "Return to the author".
  const lastEvents = mine.docs.length
    ? ((
        await payload.find({
          collection: 'audit-log',
          where: { release: { in: mine.docs.map((r) => r.id) } },
          sort: '-at',
          limit: 200,
          depth: 0,
          user,
          overrideAccess: false,
          select: {
            release: true,
            action: true,
            note: true,
            actorName: true,
            at: true,
          },
        })
      ).docs as AuditEvent[])
    : []
  const lastEventOf = new Map<string, AuditEvent>()
  for (const event of lastEvents)
    if (!lastEventOf.has(releaseIdOf(event))) lastEventOf.set(releaseIdOf(event), event)
  const returnOf = (release: Pick<News, 'id'>) => {
    const event = lastEventOf.get(String(release.id))
    return event?.action === 'return' ? event : undefined
  }
  const returned = mine.docs.filter((release) => returnOf(release))
  const drafts = mine.docs.filter((release) => !returnOf(release))

  return (
    <div className="desk">
      <h1 className="desk__title">Press desk</h1>
      {isAdminUser(user) && emailMode() === 'off' && (
        <p className="desk__notice" role="status">
          <strong>E-mail is off.</strong> No mail server is set (SMTP_URL), so Newsroom sends no
          e-mail: no password resets, invitations or notifications. See docs/deploy.md.
        </p>
      )}
      <div className="desk__grid">
        {returned.length > 0 && (
          <Section id="desk-returned" title="Returned to you" count={returned.length} empty="">
            {returned.map((release) => {
              const event = returnOf(release)!
              return (
                <li key={release.id} className="desk__item">
                  <Link href={editPath(release.id)}>{release.title || 'Untitled release'}</Link>
                  <p className="desk__meta">
                    Returned{event.actorName ? ` by ${event.actorName}` : ''} at{' '}
                    {adminTime(event.at)}
                  </p>
                  {event.note && <p className="desk__note">{event.note}</p>}
                </li>
              )
            })}
          </Section>
        )}
        <Section
          id="desk-drafts"
          title="Your drafts"
          count={drafts.length}
          empty="You have no drafts. Start one with “Create new” under Releases."
        >
          {drafts.map((release) => (
            <li key={release.id} className="desk__item">
              <Link href={editPath(release.id)}>{release.title || 'Untitled release'}</Link>
              <p className="desk__meta">Last saved at {adminTime(release.updatedAt)}</p>
            </li>
          ))}
        </Section>
        <Section
          id="desk-upcoming"
          title="Upcoming embargoes"
          count={upcoming.totalDocs}
          empty="Nothing is scheduled."
        >
          {upcoming.docs.map((release) => {
            const previews = linksFor(release)
            return (
              <li key={release.id} className="desk__item">
                <Link href={editPath(release.id)}>{release.title}</Link>
                <p className="desk__meta">
                  <strong>Lifts in {timeLeft(release.publishAt!)}</strong>, at{' '}
                  {adminTime(release.publishAt!)}
                </p>
                {links && (
                  <p className="desk__meta">
                    {previews.length === 0
                      ? 'No preview links.'
                      : previews.map((link: PreviewLink, i: number) => (
                          <span key={link.id}>
                            {i > 0 ? '; ' : 'Preview links: '}
                            {link.label || 'Unnamed'} (
                            {link.lastUsedAt
                              ? `last used ${adminTime(link.lastUsedAt)}`
                              : 'not used yet'}
                            , expires {adminTime(link.expiresAt)})
                          </span>
                        ))}
                  </p>
                )}
              </li>
            )
          })}
        </Section>
        <Section
          id="desk-review"
          title="Waiting for review"
          count={inReview.totalDocs}
          empty="Nothing is waiting for review."
        >
          {inReview.docs.map((release) => (
            <li key={release.id} className="desk__item">
              <Link href={editPath(release.id)}>{release.title}</Link>
              <p className="desk__meta">
                Submitted
                {personName(release.review?.submittedBy)
                  ? ` by ${personName(release.review?.submittedBy)}`
                  : ''}
                {release.review?.submittedAt ? ` at ${adminTime(release.review.submittedAt)}` : ''}
              </p>
            </li>
          ))}
        </Section>
        {due && (
          <Section
            id="desk-due-for-review"
            title="Pictures due for review this week"
            count={due.totalDocs}
            empty="No pictures are due for review in the next seven days."
          >
            {due.docs.map((release) => (
              <li key={release.id} className="desk__item">
                <Link href={editPath(release.id)}>{release.title}</Link>
                <p className="desk__meta">
                  Its pictures come down at {adminTime(release.after!.reviewAt!)} unless an editor
                  keeps them, with a reason: Workflow, “Keep the pictures past their review”.
                </p>
              </li>
            ))}
          </Section>
        )}
        <Section
          id="desk-recent"
          title="Recently published"
          count={recent.docs.length}
          empty="Nothing has been published yet."
        >
          {recent.docs.map((release) => (
            <li key={release.id} className="desk__item">
              <Link href={editPath(release.id)}>{release.title}</Link>
              <p className="desk__meta">Published at {adminTime(release.publishAt!)}</p>
            </li>
          ))}
        </Section>
        <Section
          id="desk-withdrawn"
          title="Withdrawn"
          count={withdrawn.docs.length}
          empty="Nothing has been withdrawn."
        >
          {withdrawn.docs.map((release) => (
            <li key={release.id} className="desk__item">
              <Link href={editPath(release.id)}>{release.title}</Link>
              <p className="desk__meta">
                Withdrawn
                {release.withdrawal?.withdrawnAt
                  ? ` at ${adminTime(release.withdrawal.withdrawnAt)}`
                  : ''}
                {release.withdrawal?.reason ? `: ${release.withdrawal.reason}` : ''}
              </p>
            </li>
          ))}
        </Section>
      </div>
    </div>
  )
}
