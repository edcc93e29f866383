import { toHalfWidth } from './text'

/** Calendar dates travel as 'YYYY-MM-DD' strings: a decision date has no time zone. */
export type IsoDate = string

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

export function isoDate(year: number, month: number, day: number): IsoDate | null {
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null
  if (year < 1900 || year > 2200) return null
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

// Excel counts days from 1899-12-30 (it believes 1900 was a leap year).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)

export function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 120000) return null
  const d = new Date(EXCEL_EPOCH + Math.floor(serial) * 86400000)
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

/** Accepts YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日, a time part after the date, and Excel serials. */
export function parseDate(input: string | number | Date): IsoDate | null {
  if (input instanceof Date) {
    return Number.isNaN(input.getTime()) ? null : isoDate(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate())
  }
  if (typeof input === 'number') return fromExcelSerial(input)
  const text = toHalfWidth(input).trim()
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(text)
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
  if (/^\d{5}(?:\.\d+)?$/.test(text)) return fromExcelSerial(Number(text))
  return null
}

/** Adds calendar months; a day past the new month's end falls on its last day (01-31 + 1 month = 02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const total = (m - 1) + months
  const year = y + Math.floor(total / 12)
  const month = ((total % 12) + 12) % 12 + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86400000
  return new Date(t).toISOString().slice(0, 10)
}

/** Today in China (UTC+8), where the decision dates are. */
export function todayInChina(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 8 * 3600000).toISOString().slice(0, 10)
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The calendar day in China of a day ('2026-03-05' stays itself) or of a moment (a timestamp or a Date). */
export function chinaDay(value: IsoDate | string | Date): IsoDate {
  return typeof value === 'string' && DAY.test(value) ? value : todayInChina(new Date(value))
}

/**
 * The one date format for people, on pages and in PDFs alike: 2026年3月5日. A moment counts by its day in
 * China, whatever the time zone of the browser or server.
 */
export function chineseDate(value: IsoDate | string | Date): string {
  const [y, m, d] = chinaDay(value).split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** A moment for people: 2026年3月5日 09:05, China time. */
export function chineseDateTime(value: string | Date): string {
  const china = new Date(new Date(value).getTime() + 8 * 3600000).toISOString()
  return `${chineseDate(value)} ${china.slice(11, 16)}`
}
