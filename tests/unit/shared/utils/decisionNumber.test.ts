import { describe, expect, it } from 'vitest'
import { decisionNumber, decisionNumberOf, decisionSlug } from '../../../../shared/utils/decisionNumber'

describe('repair decision numbers and their URL-safe form', () => {
  it('goes both ways between 朝信修决〔2026〕7号 and 2026-7', () => {
    expect(decisionNumber(2026, 7)).toBe('朝信修决〔2026〕7号')
    expect(decisionSlug('朝信修决〔2026〕7号')).toBe('2026-7')
    expect(decisionNumberOf('2026-7')).toBe('朝信修决〔2026〕7号')
    expect(decisionNumberOf('朝信修决〔2026〕7号')).toBe('朝信修决〔2026〕7号')
  })

  it('reads nothing else as a decision number', () => {
    for (const bad of ['2026-0', '2026-07', '26-7', '2026-7x', '../2026-7', '朝信修决〔2026〕0号', '']) expect(decisionNumberOf(bad), bad).toBeNull()
    expect(decisionSlug('朝市监罚〔2026〕7号')).toBeNull()
  })
})
