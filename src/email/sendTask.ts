/**
 * E-mail goes out from a background task, never from inside the request that caused it: the
 * task is queued in the request's transaction, so it exists exactly when what it tells of was
 * saved, and runs after the commit, so a slow or failing mail server neither holds up nor
 * undoes the person's work. A failure is logged without the message's content and tried again.
 *
 * The task holds what the message is about (its kind and record), not the message: it is made
 * when it is sent, from the record as it is then.
 */
import type { PayloadRequest, TaskConfig } from 'payload'

import { invitationMessage } from '../../collections/Users/invitation'
import { alreadySubscribedMessage, confirmationMessage } from '../alerts/messages'
import { mediaSendMessage, recordMediaSend, type SendOutcome } from '../mediaList/message'
import { liftFailedMessage, previewOpenedMessage, workflowMessage } from '../workflow/notify'
import { sendMessage, type Message } from './message'

import { EMAIL_QUEUE, type EmailJob } from './queue'

export { EMAIL_QUEUE }

type Input = EmailJob

/** Each kind of queued e-mail, made from its record when sent; null when it is no longer due. */
const MAKERS: Record<string, (req: PayloadRequest, input: Input) => Promise<Message | null>> = {
  invitation: (req, input) => invitationMessage(req, input.recordId),
  workflow: (req, input) => workflowMessage(req, input.recordId, input.recipientId ?? ''),
  'lift-failed': (req, input) => liftFailedMessage(req, input.recordId, input.recipientId ?? ''),
  'preview-opened': (req, input) =>
    previewOpenedMessage(req, input.recordId, input.recipientId ?? ''),
  'alert-confirm': (req, input) => confirmationMessage(req, input.recordId),
  'alert-known': (req, input) => alreadySubscribedMessage(req, input.recordId),
  'media-send': (req, input) => mediaSendMessage(req, input.recordId),
}

/**
 * The kinds that keep a log of their own of how each message went (the media list's send log),
 * told the mail server's answer, each problem before a retry, and the last failure. For them a
 * permanent refusal (a 5xx answer) is the end, not tried again: the journalist's mail server
 * has said no, and would say it six times more.
 */
const OUTCOMES: Record<
  string,
  (req: PayloadRequest, input: Input, outcome: SendOutcome) => Promise<void>
> = {
  'media-send': (req, input, outcome) => recordMediaSend(req, input.recordId, outcome),
}

const ATTEMPTS = 6

type MailError = { code?: string; responseCode?: number; response?: string; message?: string }

export const sendEmailTask: TaskConfig<{ input: Input; output: { messageId: string } }> = {
  slug: 'sendEmail',
  label: 'E-mail',
  retries: { attempts: ATTEMPTS, backoff: { type: 'exponential', delay: 10_000 } },
  // After the last retry (Payload's own test for it, as in the lift job), the log says it failed.
  onFail: async ({ input, req, taskStatus }) => {
    if (taskStatus?.complete || (taskStatus?.totalTried ?? 0) < ATTEMPTS) return
    // totalTried counts the tries before this one, which failed too.
    const job = input as Input
    await OUTCOMES[job.kind]?.(req, job, {
      status: 'failed',
      tries: (taskStatus?.totalTried ?? ATTEMPTS) + 1,
    })
  },
  inputSchema: [
    { name: 'kind', type: 'text', required: true },
    { name: 'recordId', type: 'text', required: true },
    { name: 'recipientId', type: 'text' },
  ],
  outputSchema: [{ name: 'messageId', type: 'text' }],
  handler: async ({ input, req }) => {
    const make = MAKERS[input.kind]
    if (!make) throw new Error(`There is no e-mail of the kind "${input.kind}".`)
    const message = await make(req, input)
    if (!message) return { output: { messageId: 'not sent: no longer due' } }
    const record = OUTCOMES[input.kind]
    let sent: { response?: string } | undefined
    try {
      sent = (await sendMessage(req.payload, message)) as { response?: string } | undefined
    } catch (error) {
      const { code = 'error', responseCode, response, message: words } = error as MailError
      if (record && responseCode && responseCode >= 500 && responseCode < 600) {
        await record(req, input, {
          status: 'refused',
          response: response ?? String(responseCode),
          // Refused at RCPT TO: the mail server will not take mail for this address at all.
          addressRefused: code === 'EENVELOPE',
        })
        return { output: { messageId: `refused (${responseCode}): ${message.messageId}` } }
      }
      req.payload.logger.warn(
        `An e-mail (${input.kind}, record ${input.recordId}) was not sent (${code}); it will be tried again.`,
      )
      await record?.(req, input, { status: 'retrying', response: response ?? words ?? code })
      throw new Error(`The mail server did not take the e-mail (${code}).`)
    }
    await record?.(req, input, {
      status: 'accepted',
      response: sent?.response || 'Accepted.',
    })
    return { output: { messageId: message.messageId } }
  },
}
