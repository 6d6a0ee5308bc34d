import type { ScheduledChange } from '../../src/embargo/nextChange'

/** The next scheduled change at `at` (Infinity: none), affecting every page. */
export const everyPageAt = (at: number): ScheduledChange => ({ at, following: at })
