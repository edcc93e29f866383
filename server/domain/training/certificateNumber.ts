import type { IsoDate } from '../../../shared/utils/dates'

/** Pure: `PX` + YYYYMMDD + the day's serial in six digits, e.g. PX20261201000001. */
export function certificateNumber(day: IsoDate, serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 1 || serial > 999_999) throw new RangeError(`certificate serial out of range: ${serial}`)
  return `PX${day.replaceAll('-', '')}${String(serial).padStart(6, '0')}`
}

/** The prefix all of one day's numbers share, to find the day's last serial. */
export const certificatePrefix = (day: IsoDate) => `PX${day.replaceAll('-', '')}`
