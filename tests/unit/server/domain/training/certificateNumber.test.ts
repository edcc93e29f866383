import { describe, expect, it } from 'vitest'
import { certificateNumberPattern } from '../../../../../shared/schemas/training'
import { certificateNumber, certificatePrefix } from '../../../../../server/domain/training/certificateNumber'
import { maskName } from '../../../../../server/domain/training/certificates'

describe('certificate numbers', () => {
  it('are PX, the China date and a six-digit serial of that day', () => {
    expect(certificateNumber('2026-12-01', 1)).toBe('PX20261201000001')
    expect(certificateNumber('2026-12-01', 999_999)).toBe('PX20261201999999')
    expect(certificateNumber('2026-12-01', 42)).toMatch(certificateNumberPattern)
    expect(certificatePrefix('2026-12-01')).toBe('PX20261201')
  })

  it('refuse a serial that does not fit', () => {
    expect(() => certificateNumber('2026-12-01', 0)).toThrow(RangeError)
    expect(() => certificateNumber('2026-12-01', 1_000_000)).toThrow(RangeError)
  })

  it('the pattern refuses malformed numbers', () => {
    for (const bad of ['PX2026120100001', 'px20261201000001', 'PX20261201000001x', 'QX20261201000001', '']) expect(certificateNumberPattern.test(bad), bad).toBe(false)
  })
})

describe('maskName', () => {
  it('keeps only the surname of a natural person', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('欧阳明月')).toBe('欧***')
    expect(maskName('李')).toBe('*')
  })
})
