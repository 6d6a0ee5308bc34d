import { describe, expect, it } from 'vitest'

import { isPublicNow } from '../../src/releases/state'
import {
  adminTime,
  embargoLine,
  embargoTime,
  forceTime,
  isoWithUkOffset,
  timeLeft,
  ukWallTimeToIso,
  ukZoneName,
} from '../../src/fields/ukTime'

describe('times as UK force sites show them', () => {
  it('prints HH:mm DD/MM/YYYY in UK time', () => {
    expect(forceTime('2023-06-19T11:45:00.000Z')).toBe('12:45 19/06/2023')
    expect(forceTime('2023-12-19T12:45:00.000Z')).toBe('12:45 19/12/2023')
  })

  it('gives the ISO 8601 time with the UK offset of that moment', () => {
    expect(isoWithUkOffset('2023-06-19T11:45:00.000Z')).toBe('2023-06-19T12:45:00+01:00')
    expect(isoWithUkOffset('2023-12-19T12:45:00.000Z')).toBe('2023-12-19T12:45:00+00:00')
  })

  it('follows the clocks going forward on the last Sunday of March (01:00 GMT becomes 02:00 BST)', () => {
    expect(forceTime('2026-03-29T00:59:00.000Z')).toBe('00:59 29/03/2026')
    expect(ukZoneName('2026-03-29T00:59:00.000Z')).toBe('GMT')
    expect(forceTime('2026-03-29T01:00:00.000Z')).toBe('02:00 29/03/2026')
    expect(isoWithUkOffset('2026-03-29T01:30:00.000Z')).toBe('2026-03-29T02:30:00+01:00')
    expect(ukZoneName('2026-03-29T01:00:00.000Z')).toBe('BST')
  })

  it('follows the clocks going back on the last Sunday of October (01:30 happens twice)', () => {
    expect(isoWithUkOffset('2026-10-25T00:30:00.000Z')).toBe('2026-10-25T01:30:00+01:00')
    expect(isoWithUkOffset('2026-10-25T01:30:00.000Z')).toBe('2026-10-25T01:30:00+00:00')
    expect(forceTime('2026-10-25T00:30:00.000Z')).toBe('01:30 25/10/2026')
    expect(forceTime('2026-10-25T01:30:00.000Z')).toBe('01:30 25/10/2026')
  })

  it('writes the embargo line with the weekday and the month in words', () => {
    expect(embargoTime('2026-11-24T00:01:00.000Z')).toBe('00:01 on Tuesday 24 November 2026')
    expect(embargoTime('2026-07-01T09:30:00.000Z')).toBe('10:30 on Wednesday 1 July 2026')
  })
})

describe('UK wall-clock times entered by editors', () => {
  it('turns an ordinary summer or winter time into the right moment', () => {
    expect(ukWallTimeToIso('2026-06-19T09:00')).toEqual({
      ok: true,
      iso: '2026-06-19T08:00:00.000Z',
    })
    expect(ukWallTimeToIso('2026-12-19T09:00')).toEqual({
      ok: true,
      iso: '2026-12-19T09:00:00.000Z',
    })
  })

  it('refuses 01:30 on the Sunday the clocks go forward, which does not exist, and says why', () => {
    const result = ukWallTimeToIso('2026-03-29T01:30')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toContain(
      'does not exist in the UK on Sunday 29 March 2026',
    )
  })

  it('asks which 01:30 is meant on the Sunday the clocks go back, and takes BST or GMT', () => {
    const result = ukWallTimeToIso('2026-10-25T01:30')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.choices).toEqual([
      { zone: 'BST', iso: '2026-10-25T00:30:00.000Z' },
      { zone: 'GMT', iso: '2026-10-25T01:30:00.000Z' },
    ])
    expect(ukWallTimeToIso('2026-10-25T01:30', 'BST')).toEqual({
      ok: true,
      iso: '2026-10-25T00:30:00.000Z',
    })
    expect(ukWallTimeToIso('2026-10-25T01:30', 'GMT')).toEqual({
      ok: true,
      iso: '2026-10-25T01:30:00.000Z',
    })
  })

  it('refuses a time that is not in the expected form', () => {
    expect(ukWallTimeToIso('tomorrow at nine').ok).toBe(false)
  })
})

describe('the embargo line', () => {
  it('reads as the press office writes it', () => {
    expect(embargoLine('2026-11-24T09:00:00.000Z')).toBe(
      '09:00 on Tuesday 24 November 2026 (UK time)',
    )
  })

  it('names BST or GMT for 01:30 on the night the clocks go back, which happens twice', () => {
    expect(embargoLine('2027-10-31T00:30:00.000Z')).toBe(
      '01:30 on Sunday 31 October 2027 (UK time, BST)',
    )
    expect(embargoLine('2027-10-31T01:30:00.000Z')).toBe(
      '01:30 on Sunday 31 October 2027 (UK time, GMT)',
    )
    expect(embargoLine('2027-03-28T01:30:00.000Z')).toBe('02:30 on Sunday 28 March 2027 (UK time)')
  })
})

describe('the public rule across the clock changes', () => {
  it('lifts a 01:30 BST embargo at 00:30 UTC and a 01:30 GMT one an hour later', () => {
    const bst = { _status: 'published', publishAt: '2027-10-31T00:30:00.000Z' }
    expect(isPublicNow(bst, new Date('2027-10-31T00:29:59.000Z'))).toBe(false)
    expect(isPublicNow(bst, new Date('2027-10-31T00:30:00.000Z'))).toBe(true)
    const gmt = { _status: 'published', publishAt: '2027-10-31T01:30:00.000Z' }
    expect(isPublicNow(gmt, new Date('2027-10-31T01:29:59.000Z'))).toBe(false)
    expect(isPublicNow(gmt, new Date('2027-10-31T01:30:00.000Z'))).toBe(true)
  })
})

describe('times in the admin', () => {
  it('names the zone, GMT or BST, with the UK time', () => {
    expect(adminTime('2026-11-24T09:00:00.000Z')).toBe('09:00 GMT, Tue 24 Nov 2026')
    expect(adminTime('2026-06-24T08:00:00.000Z')).toBe('09:00 BST, Wed 24 Jun 2026')
    // 01:30 twice on the night the clocks go back: told apart by the zone.
    expect(adminTime('2026-10-25T00:30:00.000Z')).toBe('01:30 BST, Sun 25 Oct 2026')
    expect(adminTime('2026-10-25T01:30:00.000Z')).toBe('01:30 GMT, Sun 25 Oct 2026')
  })

  it('says how long is left until an embargo lifts', () => {
    const now = new Date('2026-11-23T12:00:00.000Z')
    expect(timeLeft('2026-11-23T12:00:30.000Z', now)).toBe('less than a minute')
    expect(timeLeft('2026-11-23T12:01:00.000Z', now)).toBe('1 minute')
    expect(timeLeft('2026-11-23T15:20:00.000Z', now)).toBe('3 hours 20 minutes')
    expect(timeLeft('2026-11-23T13:00:00.000Z', now)).toBe('1 hour')
    expect(timeLeft('2026-11-25T15:00:00.000Z', now)).toBe('2 days 3 hours')
  })
})
