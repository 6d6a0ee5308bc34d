import type { Api } from './api'

export const FIXTURE_REASON = 'Published by the test suite as a fixture.'

type Answer = { status: number; body: any }

/** The body of an answer that went through, or an error naming the step and what the server said. */
export function ok(response: Answer, what: string): any
export function ok(response: Promise<Answer>, what: string): Promise<any>
export function ok(response: Answer | Promise<Answer>, what: string): any {
  const check = (answer: Answer) => {
    if (answer.status >= 300)
      throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`)
    return answer.body
  }
  return response instanceof Promise ? response.then(check) : check(response)
}

/** A draft release, made through the API as an editor would. */
export const createDraft = async (api: Api, data: Record<string, unknown>) =>
  ok(
    await api.post('/api/news?draft=true', { summary: 'A summary.', ...data, _status: 'draft' }),
    'create draft',
  ).doc

/**
 * A release taken through the workflow by one person (submit, then approve or schedule,
 * forcing the second pair of eyes with a recorded reason). A past publishAt backdates it
 * (admins only); a future one schedules it.
 */
export const publishRelease = async (
  api: Api,
  data: Record<string, unknown>,
  { publishAt }: { publishAt?: string } = {},
) => {
  const { publishAt: fromData, ...content } = data as { publishAt?: string }
  const at = publishAt ?? fromData
  const draft = await createDraft(api, content)
  ok(await api.post(`/api/news/${draft.id}/workflow/submit`, {}), 'submit')
  const future = at && Date.parse(at) > Date.now()
  const result = ok(
    await api.post(`/api/news/${draft.id}/workflow/${future ? 'schedule' : 'approve'}`, {
      publishAt: at,
      force: true,
      forceReason: FIXTURE_REASON,
    }),
    future ? 'schedule' : 'approve',
  )
  return result.doc
}

export const transition = (
  api: Api,
  id: number | string,
  action: string,
  body: Record<string, unknown> = {},
) => api.post(`/api/news/${id}/workflow/${action}`, body)
