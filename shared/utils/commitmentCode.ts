import { todayInChina } from './dates'

/** 承诺编码: 6-digit administrative division + YYYYMMDD (China date) + 6-digit serial of that day. */
export const commitmentCodePattern = /^\d{6}\d{8}\d{6}$/

/** The code's first 14 characters: division and day, shared by every commitment of that day. */
export function commitmentCodePrefix(division: string, signedAt: Date): string {
  if (!/^\d{6}$/.test(division)) throw new Error(`division must be 6 digits: ${division}`)
  return `${division}${todayInChina(signedAt).replaceAll('-', '')}`
}

export function commitmentCode(division: string, signedAt: Date, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 999_999) throw new Error(`serial out of range: ${serial}`)
  return `${commitmentCodePrefix(division, signedAt)}${String(serial).padStart(6, '0')}`
}

export function isCommitmentCode(value: string): boolean {
  if (!commitmentCodePattern.test(value)) return false
  const [y, m, d] = [value.slice(6, 10), value.slice(10, 12), value.slice(12, 14)].map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d && Number(value.slice(14)) > 0
}
