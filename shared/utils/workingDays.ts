import * as chineseDays from 'chinese-days'
import { addDays, type IsoDate } from './dates'

// The package is CommonJS for Node (named exports only under `default`) and ESM for bundlers.
const { isWorkday } = (chineseDays as unknown as { default?: typeof chineseDays }).default ?? chineseDays

/**
 * Chinese working days (DOMAIN.md rule 6): weekends and statutory holidays off, make-up working days
 * (调休) on, from the maintained `chinese-days` dataset (updated when the State Council publishes the
 * next year's arrangement). Deadlines of objections and repairs are counted here and nowhere else.
 */
export function isWorkingDay(date: IsoDate): boolean {
  return isWorkday(date)
}

/** The day a deadline of `days` working days falls on, counted from the day after `start`. */
export function addWorkingDays(start: IsoDate, days: number): IsoDate {
  let date = start
  for (let left = days; left > 0;) {
    date = addDays(date, 1)
    if (isWorkingDay(date)) left--
  }
  return date
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let count = 0
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
    if (isWorkingDay(date)) count++
  }
  return count
}
