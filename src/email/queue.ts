import type { Payload, PayloadRequest } from 'payload'

/** The job queue e-mail goes out from (src/email/sendTask.ts), polled every second. */
export const EMAIL_QUEUE = 'email'

/** What a queued e-mail is about: the message itself is made when it is sent. */
export type EmailJob = { kind: string; recordId: string; recipientId?: string }

/**
 * Queues an e-mail; with `req`, in the request's transaction, so that it goes out once that has
 * committed (and never, if it is undone).
 */
export const queueEmail = (payload: Payload, input: EmailJob, req?: PayloadRequest) =>
  payload.jobs.queue({ task: 'sendEmail', queue: EMAIL_QUEUE, input, req })
