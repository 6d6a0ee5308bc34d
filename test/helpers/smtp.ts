/**
 * A real SMTP server on 127.0.0.1 for a test: it speaks SMTP over TCP to Newsroom's nodemailer,
 * accepts every message and keeps it, parsed, for the test to read. Nothing of the transport
 * is mocked; `SMTP_URL` points the server under test at it.
 */
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

import { freePort } from './server'

export type Received = ParsedMail & { raw: string; envelopeTo: string[] }

export type TestSmtp = {
  url: string
  received: Received[]
  /** The first message to `to` (and matching `where`) that has arrived, waiting up to `timeoutMs` for it. */
  waitFor: (
    to: string,
    where?: (message: Received) => boolean,
    timeoutMs?: number,
  ) => Promise<Received>
  /** The messages to `to` so far. */
  to: (address: string) => Received[]
  close: () => Promise<void>
}

const addressesOf = (message: ParsedMail) =>
  [message.to]
    .flat()
    .flatMap((to) => to?.value ?? [])
    .map((entry) => (entry.address ?? '').toLowerCase())

/** What the server answers a recipient it will not take: a reply code (5xx for good, 4xx for now) and its words. */
export type Refusal = { code: number; message: string }

/**
 * `port`: listen on this one (a test that pointed Newsroom at it before the server was up).
 * `refuse`: recipients this server turns away at RCPT TO, as a real one does an unknown mailbox.
 */
export const startSmtp = async (
  port?: number,
  { refuse }: { refuse?: (address: string) => Refusal | null } = {},
): Promise<TestSmtp> => {
  const received: Received[] = []
  const server = new SMTPServer({
    // A relay on the same machine: plain SMTP, no sign-in (Newsroom insists on TLS elsewhere).
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refuse?.(address.address.toLowerCase())
      if (!refusal) return callback()
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }))
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        simpleParser(raw).then(
          (parsed) => {
            received.push(
              Object.assign(parsed, {
                raw,
                envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              }),
            )
            done()
          },
          (error: Error) => done(error),
        )
      })
    },
  })
  const listenOn = port ?? (await freePort())
  // A client that dies mid-conversation (a server killed in a test) is not the test's failure.
  server.on('error', () => undefined)
  await new Promise<void>((resolve) => server.listen(listenOn, '127.0.0.1', resolve))
  const to = (address: string) =>
    received.filter((message) => addressesOf(message).includes(address.toLowerCase()))
  return {
    url: `smtp://127.0.0.1:${listenOn}`,
    received,
    to,
    waitFor: async (address, where = () => true, timeoutMs = 20_000) => {
      const until = Date.now() + timeoutMs
      for (;;) {
        const found = to(address).find(where)
        if (found) return found
        if (Date.now() > until)
          throw new Error(
            `No e-mail to ${address} arrived within ${timeoutMs} ms (${received.length} received in all).`,
          )
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The first link in a message's text part that starts with `prefix`. */
export const linkIn = (message: Received, prefix: string): string => {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(`${escaped}\\S+`).exec(message.text ?? '')
  if (!match) throw new Error(`No link starting ${prefix} in:\n${message.text}`)
  return match[0]
}
