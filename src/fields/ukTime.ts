import { DateTime } from 'luxon'

/** Every time a reader or an editor sees is UK time: Europe/London, GMT in winter, BST in summer. */
export const UK_TIME_ZONE = 'Europe/London'

const inUk = (iso: string | Date): DateTime =>
  (typeof iso === 'string'
    ? DateTime.fromISO(iso, { zone: 'utc' })
    : DateTime.fromJSDate(iso)
  ).setZone(UK_TIME_ZONE)

/** "12:45 19/06/2023": how UK force sites print a release's time. */
export const forceTime = (iso: string | Date): string => inUk(iso).toFormat('HH:mm dd/MM/yyyy')

/** "2023-06-19T12:45:00+01:00": ISO 8601 with the UK offset of that moment, for <time> and structured data. */
export const isoWithUkOffset = (iso: string | Date): string =>
  inUk(iso).toISO({ suppressMilliseconds: true })!

/** "12:45 on Monday 19 June 2023": the embargo line. */
export const embargoTime = (iso: string | Date): string =>
  inUk(iso).toFormat("HH:mm 'on' cccc d LLLL yyyy")

/**
 * The embargo moment as the press office writes it: "09:00 on Tuesday 24 November 2026
 * (UK time)", naming BST or GMT on the night the clocks go back, when 01:30 happens twice.
 */
export const embargoLine = (iso: string | Date): string => {
  const at = typeof iso === 'string' ? Date.parse(iso) : iso.getTime()
  const twice = [at - 3600_000, at + 3600_000].some(
    (other) => embargoTime(new Date(other)) === embargoTime(new Date(at)),
  )
  return `${embargoTime(new Date(at))} (UK time${twice ? `, ${ukZoneName(new Date(at))}` : ''})`
}

/** "19 June 2023": a date on its own. */
export const longDate = (iso: string | Date): string => inUk(iso).toFormat('d LLLL yyyy')

/** "GMT" or "BST" at that moment. */
export const ukZoneName = (iso: string | Date): string => (inUk(iso).isInDST ? 'BST' : 'GMT')

/** How the admin writes a UK time for people to read and type: "19/06/2026 09:00", 24-hour. */
export const UK_INPUT_FORMAT = 'dd/MM/yyyy HH:mm'

/** "19/06/2026 09:00" (as typed in the admin) or "2026-06-19T09:00" (the API's form) → "2026-06-19T09:00". */
const fromUkFormat = (text: string): string | null => {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text)) return text
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2})[:.](\d{2})$/.exec(text)
  if (!match) return null
  const [, day, month, year, hour, minute] = match as unknown as string[]
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}T${hour!.padStart(2, '0')}:${minute}`
}

/** A moment as the admin's embargo field shows it: "19/06/2026 09:00" in UK time. */
export const ukInputValue = (iso: string | Date): string => inUk(iso).toFormat(UK_INPUT_FORMAT)

export type WallTimeResult =
  | { ok: true; iso: string }
  | { ok: false; message: string; choices?: { zone: 'BST' | 'GMT'; iso: string }[] }

/**
 * A UK wall-clock time ("25/10/2026 01:30" as typed in the admin, or "2026-10-25T01:30") as a moment. When the clocks go forward
 * (last Sunday of March) an hour of wall-clock time does not exist; when they go back
 * (last Sunday of October) an hour happens twice, and `zone` says which one is meant.
 */
export const ukWallTimeToIso = (given: string, zone?: 'BST' | 'GMT'): WallTimeResult => {
  const local = fromUkFormat(given.trim())
  if (!local) {
    return {
      ok: false,
      message:
        'Give the date and time as dd/mm/yyyy hh:mm in UK time, 24-hour, for example 19/06/2026 09:00.',
    }
  }
  if (!DateTime.fromISO(local).isValid) {
    return {
      ok: false,
      message: `${given.trim()} is not a date and time: give it as dd/mm/yyyy hh:mm, 24-hour, for example 19/06/2026 09:00.`,
    }
  }
  const candidates = (['BST', 'GMT'] as const)
    .map((name) => ({
      zone: name,
      time: DateTime.fromISO(local, { zone: name === 'BST' ? 'UTC+1' : 'UTC' }),
    }))
    .filter(
      ({ time }) => time.isValid && inUk(time.toJSDate()).toFormat("yyyy-MM-dd'T'HH:mm") === local,
    )
  if (candidates.length === 0) {
    const day = DateTime.fromISO(local.slice(0, 10)).toFormat('cccc d LLLL yyyy')
    return {
      ok: false,
      message: `${local.slice(11)} does not exist in the UK on ${day}: the clocks go forward from 01:00 GMT to 02:00 BST. Choose a time before 01:00 or from 02:00.`,
    }
  }
  if (candidates.length === 2 && !zone) {
    return {
      ok: false,
      message: `${local.slice(11)} happens twice in the UK on that day, as the clocks go back: say whether you mean ${local.slice(11)} BST (the first) or ${local.slice(11)} GMT (an hour later).`,
      choices: candidates.map(({ zone: z, time }) => ({ zone: z, iso: time.toUTC().toISO()! })),
    }
  }
  const chosen = candidates.find((c) => !zone || c.zone === zone) ?? candidates[0]!
  if (zone && chosen.zone !== zone) {
    return { ok: false, message: `${local.slice(11)} on that day is ${chosen.zone}, not ${zone}.` }
  }
  return { ok: true, iso: chosen.time.toUTC().toISO()! }
}

/** "09:00 GMT, Tue 24 Nov 2026": a moment in the admin, in UK time with the zone named. */
export const adminTime = (iso: string | Date): string =>
  `${inUk(iso).toFormat('HH:mm')} ${ukZoneName(iso)}, ${inUk(iso).toFormat('ccc d LLL yyyy')}`

/** "2 days 3 hours", "3 hours 20 minutes", "12 minutes", "less than a minute": from now until then. */
export const timeLeft = (iso: string | Date, now: Date = new Date()): string => {
  const minutes = Math.floor((new Date(iso).getTime() - now.getTime()) / 60_000)
  if (minutes < 1) return 'less than a minute'
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  if (days > 0)
    return [unit(days, 'day'), hours ? unit(hours, 'hour') : ''].filter(Boolean).join(' ')
  if (hours > 0)
    return [unit(hours, 'hour'), mins ? unit(mins, 'minute') : ''].filter(Boolean).join(' ')
  return unit(mins, 'minute')
}
