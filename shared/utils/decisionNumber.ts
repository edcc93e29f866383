/**
 * 信用修复决定书文号, 朝信修决〔2026〕7号: the year and that year's serial. Its public verification page
 * is found by a URL-safe form of the same two numbers, /repair-decisions/2026-7.
 */
const PREFIX = '朝信修决'
const NUMBER = new RegExp(`^${PREFIX}〔(\\d{4})〕([1-9]\\d{0,6})号$`)
const SLUG = /^(\d{4})-([1-9]\d{0,6})$/

export function decisionNumber(year: string | number, serial: number): string {
  return `${PREFIX}〔${year}〕${serial}号`
}

/** The path segment of a decision number, or null for something that is not one. */
export function decisionSlug(number: string): string | null {
  const match = NUMBER.exec(number)
  return match ? `${match[1]}-${match[2]}` : null
}

/** The decision number a path segment names; the full number typed as it is printed is read too. */
export function decisionNumberOf(slug: string): string | null {
  const match = SLUG.exec(slug.trim())
  if (match) return decisionNumber(match[1]!, Number(match[2]))
  return NUMBER.test(slug.trim()) ? slug.trim() : null
}
