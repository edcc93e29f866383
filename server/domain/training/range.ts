/** The bytes a `Range` header asks for, inclusive; `null` means the whole file, `'unsatisfiable'` a 416. */
export type ByteRange = { start: number, end: number } | null | 'unsatisfiable'

/**
 * Pure: one `bytes=` range (a video player asks for one at a time). Several ranges or a unit we do not
 * know are answered with the whole file, which RFC 9110 allows; a range wholly past the end is a 416.
 */
export function parseRange(header: string | undefined, size: number): ByteRange {
  if (!header) return null
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!m || (m[1] === '' && m[2] === '')) return null
  if (m[1] === '') {
    // A suffix: the last N bytes.
    const length = Number(m[2])
    if (length === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - length), end: size - 1 }
  }
  const start = Number(m[1])
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  if (start >= size || start > end) return 'unsatisfiable'
  return { start, end }
}
