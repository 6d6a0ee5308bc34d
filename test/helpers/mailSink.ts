/**
 * One real SMTP server for the whole test run, started by the global setup, which the shared
 * servers (test/helpers/sharedServer.ts) send their e-mail to. It writes each message it accepts
 * to a folder, one file a message; the test files, in their own processes, read that folder.
 * Files that use a shared server make their people under addresses of their own, so each reads
 * only what was sent to them.
 *
 * A file with a server of its own starts its own SMTP server instead (test/helpers/smtp.ts).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

import { freePort } from './server'
import type { Received } from './smtp'

const SMTP_URL = 'NEWSROOM_TEST_SMTP_URL'

/** The shared sink refuses every address at this domain at RCPT TO (550), as for a mailbox that does not exist. */
export const REFUSED_DOMAIN = 'refused.test'

/** …and puts off every address at this one (451, try again later), as a busy or greylisting server does. */
export const DEFERRED_DOMAIN = 'later.test'
const MAIL_DIR = 'NEWSROOM_TEST_MAIL_DIR'

/** For the global setup: the sink, its address and folder put in the environment the workers inherit. */
export const startMailSink = async (dir: string) => {
  fs.mkdirSync(dir, { recursive: true })
  let count = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // As a real server answers at RCPT TO: a mailbox that does not exist (REFUSED_DOMAIN) is
    // refused for good, with a 550; one it cannot take now (DEFERRED_DOMAIN) is put off, a 451.
    onRcptTo(address, _session, done) {
      const to = address.address.toLowerCase()
      if (to.endsWith(`@${REFUSED_DOMAIN}`))
        return done(
          Object.assign(new Error(`5.1.1 <${to}>: no such mailbox here`), { responseCode: 550 }),
        )
      if (to.endsWith(`@${DEFERRED_DOMAIN}`))
        return done(
          Object.assign(new Error(`4.3.0 <${to}>: try again later`), { responseCode: 451 }),
        )
      done()
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const name = `${Date.now()}-${String(++count).padStart(6, '0')}-${crypto.randomBytes(3).toString('hex')}`
        const envelope = session.envelope.rcptTo.map((r) => r.address.toLowerCase())
        try {
          // Written whole, then renamed: a reader never sees half a message.
          fs.writeFileSync(
            path.join(dir, `${name}.partial`),
            JSON.stringify({ envelopeTo: envelope, raw: Buffer.concat(chunks).toString('utf8') }),
          )
          fs.renameSync(path.join(dir, `${name}.partial`), path.join(dir, `${name}.json`))
          done()
        } catch (error) {
          done(error as Error)
        }
      })
    },
  })
  const port = await freePort()
  // A client that dies mid-conversation (a server killed in a test) is not the test's failure.
  server.on('error', () => undefined)
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  process.env[SMTP_URL] = `smtp://127.0.0.1:${port}`
  process.env[MAIL_DIR] = dir
  return () => new Promise<void>((resolve) => server.close(() => resolve()))
}

/** The shared sink's address, for a shared server's SMTP_URL. */
export const mailSinkUrl = () => process.env[SMTP_URL]

export type Mailbox = {
  /** The first message to `to` (and matching `where`) that has arrived, waiting up to `timeoutMs` for it. */
  waitFor: (
    to: string,
    where?: (message: Received) => boolean,
    timeoutMs?: number,
  ) => Promise<Received>
  /** The messages to `to` so far, oldest first. */
  to: (address: string) => Promise<Received[]>
}

/** What the shared sink has received, read from its folder (in a test file's process). */
export const sharedMailbox = (): Mailbox => {
  const dir = process.env[MAIL_DIR]
  if (!dir) throw new Error(`sharedMailbox needs the global setup to have set ${MAIL_DIR}`)
  const parsed = new Map<string, Promise<Received>>()
  const read = (name: string) => {
    let message = parsed.get(name)
    if (!message) {
      const { envelopeTo, raw } = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as {
        envelopeTo: string[]
        raw: string
      }
      message = simpleParser(raw).then((mail) => Object.assign(mail, { raw, envelopeTo }))
      parsed.set(name, message)
    }
    return message
  }
  const to = async (address: string) => {
    const wanted = address.toLowerCase()
    const names = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
    const messages = await Promise.all(names.map(read))
    return messages.filter((message) => message.envelopeTo.includes(wanted))
  }
  return {
    to,
    waitFor: async (address, where = () => true, timeoutMs = 20_000) => {
      const until = Date.now() + timeoutMs
      for (;;) {
        const found = (await to(address)).find(where)
        if (found) return found
        if (Date.now() > until)
          throw new Error(
            `No e-mail to ${address} reached the shared SMTP server within ${timeoutMs} ms.`,
          )
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    },
  }
}
