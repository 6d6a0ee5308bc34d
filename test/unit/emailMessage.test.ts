import { describe, expect, it } from 'vitest'

import { escapeHtml, messageIdFor } from '../../src/email/message'
import { headersOf } from '../../src/email/outbox'

describe('the Message-ID says what a message is', () => {
  const reset = { kind: 'password-reset', recordId: 12, version: 1764864000000 } as const

  it('is the same for the same message to the same person, however the address is written', () => {
    expect(messageIdFor({ ...reset, to: 'Ann@Northmoor.test' })).toBe(
      messageIdFor({ ...reset, to: ' ann@northmoor.test' }),
    )
  })

  it('differs by kind, record, version and recipient, and never names the recipient', () => {
    const id = messageIdFor({ ...reset, to: 'ann@northmoor.test' })
    expect(id).toMatch(/^<password-reset\.12\.1764864000000\.[0-9a-f]{16}@[^>]+>$/)
    expect(id).not.toContain('ann')
    const others = [
      messageIdFor({ ...reset, kind: 'invitation', to: 'ann@northmoor.test' }),
      messageIdFor({ ...reset, recordId: 13, to: 'ann@northmoor.test' }),
      messageIdFor({ ...reset, version: 1, to: 'ann@northmoor.test' }),
      messageIdFor({ ...reset, to: 'bob@northmoor.test' }),
    ]
    expect(new Set([id, ...others]).size).toBe(5)
  })

  it('keeps only safe characters of a record id in it', () => {
    expect(messageIdFor({ ...reset, recordId: 'a>b@c', to: 'x@y.test' })).toMatch(
      /^<password-reset\.a-b-c\./,
    )
  })
})

describe('escaping and headers', () => {
  it('escapes every character that could open markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;',
    )
  })

  it('reads a raw message’s headers, unfolding long ones, and stops at the body', () => {
    const raw =
      'Subject: A long\r\n subject line\r\nTo: ann@northmoor.test\r\n\r\nBody: not a header\r\n'
    expect(headersOf(raw)).toEqual([
      ['Subject', 'A long subject line'],
      ['To', 'ann@northmoor.test'],
    ])
  })
})
