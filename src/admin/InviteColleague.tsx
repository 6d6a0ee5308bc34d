'use client'
import { Button, useAuth, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

const ROLE_CHOICES = [
  { value: 'author', label: 'Author', hint: 'writes drafts and submits them for review' },
  { value: 'editor', label: 'Editor', hint: 'also reviews, publishes and schedules' },
  { value: 'admin', label: 'Admin', hint: 'also manages users and site settings' },
]

type Problem = { message?: string; data?: { errors?: { message?: string }[] } }

const problemsOf = (body: unknown): string => {
  const errors = (body as { errors?: Problem[] } | null)?.errors ?? []
  const messages = errors.flatMap((error) =>
    error.data?.errors?.length
      ? error.data.errors.map((e) => e.message ?? '')
      : [error.message ?? ''],
  )
  return messages.filter(Boolean).join(' ') || 'The colleague could not be added.'
}

/**
 * Above the list of users, for admins: invite a colleague by name, e-mail and roles. Newsroom
 * e-mails them a link to choose their own password (valid 7 days, collections/Users/invitation.ts);
 * nobody else ever knows it.
 */
export const InviteColleague = () => {
  const { user } = useAuth()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const router = useRouter()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [said, setSaid] = useState<{ text: string; problem?: boolean } | null>(null)
  if (!(user as { roles?: string[] } | null)?.roles?.includes('admin')) return null

  const invite = async (form: HTMLFormElement) => {
    const data = new FormData(form)
    const roles = data.getAll('roles').map(String)
    setBusy(true)
    setSaid(null)
    try {
      const response = await fetch(`${api}/users`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          name: String(data.get('name') ?? ''),
          email: String(data.get('email') ?? ''),
          roles: roles.length ? roles : ['author'],
        }),
      })
      const body = await response.json().catch(() => null)
      if (!response.ok) {
        setSaid({ text: problemsOf(body), problem: true })
        return
      }
      setSaid({
        text: `Invitation sent to ${body?.doc?.email}. They choose their own password from the link, which works once, for 7 days.`,
      })
      form.reset()
      router.refresh()
    } catch {
      setSaid({ text: 'The server did not answer. Try again.', problem: true })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="invite">
      {!open ? (
        <Button buttonStyle="secondary" size="medium" onClick={() => setOpen(true)}>
          Invite a colleague
        </Button>
      ) : (
        <form
          className="invite__form"
          aria-labelledby="invite-heading"
          onSubmit={(event) => {
            event.preventDefault()
            void invite(event.currentTarget)
          }}
        >
          <h2 id="invite-heading">Invite a colleague</h2>
          <p>They get an e-mail with a link to choose their own password.</p>
          <label>
            Name
            <input name="name" required maxLength={120} autoComplete="off" />
          </label>
          <label>
            E-mail
            <input name="email" type="email" required autoComplete="off" />
          </label>
          <fieldset>
            <legend>Roles</legend>
            {ROLE_CHOICES.map((role) => (
              <label key={role.value} className="invite__role">
                <input
                  type="checkbox"
                  name="roles"
                  value={role.value}
                  defaultChecked={role.value === 'author'}
                />{' '}
                {role.label}: {role.hint}
              </label>
            ))}
          </fieldset>
          <div className="invite__buttons">
            <Button type="submit" size="medium" disabled={busy}>
              {busy ? 'Sending…' : 'Send the invitation'}
            </Button>
            <Button buttonStyle="secondary" size="medium" onClick={() => setOpen(false)}>
              Close
            </Button>
          </div>
        </form>
      )}
      {said && (
        <p
          className={said.problem ? 'invite__said invite__said--problem' : 'invite__said'}
          role="status"
        >
          {said.text}
        </p>
      )}
    </div>
  )
}
