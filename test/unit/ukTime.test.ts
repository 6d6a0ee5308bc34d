import { describe, expect, it } from 'vitest'

import { embargoTime, forceTime, isoWithUkOffset, ukZoneName } from '../../src/time/ukTime'

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
