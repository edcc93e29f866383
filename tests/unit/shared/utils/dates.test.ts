import { describe, expect, it } from 'vitest'
import { chinaDay, chineseDate, chineseDateTime } from '../../../../shared/utils/dates'

describe('the one date format for people', () => {
  it('writes a day as 2026年12月2日, without leading zeros', () => {
    expect(chineseDate('2026-12-02')).toBe('2026年12月2日')
    expect(chineseDate('2024-08-09')).toBe('2024年8月9日')
  })

  it('counts a moment by its day in China, whatever the zone it is written in', () => {
    // 17:30 UTC on 1 December is 01:30 on 2 December in China.
    expect(chineseDate('2026-12-01T17:30:00.000Z')).toBe('2026年12月2日')
    expect(chineseDate(new Date('2026-12-01T15:59:59Z'))).toBe('2026年12月1日')
    expect(chinaDay('2026-12-01T16:00:00Z')).toBe('2026-12-02')
  })

  it('writes a moment with its China time', () => {
    expect(chineseDateTime('2026-12-01T17:05:00.000Z')).toBe('2026年12月2日 01:05')
  })
})
