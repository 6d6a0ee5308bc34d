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
}

export const sendEmailTask: TaskConfig<{ input: Input; output: { messageId: string } }> = {
  slug: 'sendEmail',
  label: 'E-mail',
  retries: { attempts: 6, backoff: { type: 'exponential', delay: 10_000 } },
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
    try {
      await sendMessage(req.payload, message)
    } catch (error) {
      const code = (error as { code?: string; responseCode?: number }).code ?? 'error'
      req.payload.logger.warn(
        `An e-mail (${input.kind}, record ${input.recordId}) was not sent (${code}); it will be tried again.`,
      )
      throw new Error(`The mail server did not take the e-mail (${code}).`)
    }
    return { output: { messageId: message.messageId } }
  },
}
