import { describe, expect, it } from 'vitest'
import { publicationPolicy } from '../../../../config/publication'
import { isPublic, penaltyPeriod } from '../../../../shared/utils/publication'

const penalty = (decisionDate: string, severity: 'minor' | 'general' | 'serious' | null = null, domainText = '', categories = ['罚款']) =>
  penaltyPeriod(publicationPolicy, { decisionDate, severity, categories, domainText })

describe('penaltyPeriod (DOMAIN.md rule 3)', () => {
  it('grades decisions from 2026-04-01 on', () => {
    expect(penalty('2026-04-01')).toEqual({ repairableFrom: '2026-07-01', publicUntil: '2027-03-31', published: true })
    expect(penalty('2026-04-01', 'serious')).toEqual({ repairableFrom: '2027-04-01', publicUntil: '2029-03-31', published: true })
    expect(penalty('2026-05-10', 'minor')).toEqual({ repairableFrom: '2026-05-10', publicUntil: '2026-08-09', published: true })
  })

  it('keeps the 2023 rule for decisions before 2026-04-01', () => {
    expect(penalty('2026-03-31', 'serious')).toEqual({ repairableFrom: '2026-06-30', publicUntil: '2029-03-30', published: true })
    expect(penalty('2025-06-01', null, '违反《中华人民共和国消防法》')).toMatchObject({ repairableFrom: '2026-06-01', publicUntil: '2028-05-31' })
    expect(penalty('2025-06-01', null, '安全生产违法行为')).toMatchObject({ repairableFrom: '2026-06-01' })
  })

  it('takes the longest minimum when a decision has several penalty kinds', () => {
    const policy = { ...publicationPolicy, previous: { ...publicationPolicy.previous, minMonthsByCategory: { 吊销许可证件: 24 } } }
    expect(penaltyPeriod(policy, { decisionDate: '2025-01-10', severity: null, categories: ['罚款', '吊销许可证件'], domainText: '' }).repairableFrom).toBe('2027-01-10')
  })
})

describe('isPublic (DOMAIN.md rules 3 and 7)', () => {
  const base = { kind: 'penalty' as const, subjectKind: 'legal_entity' as const, state: 'active' as const, publicUntil: '2026-11-25' }
  it('shows an active record through its last public day and not after', () => {
    expect(isPublic(base, '2026-11-25')).toBe(true)
    expect(isPublic(base, '2026-11-26')).toBe(false)
    expect(isPublic({ ...base, publicUntil: null }, '2099-01-01')).toBe(true)
  })
  it('never shows a natural person, a withdrawn, repaired or expired record', () => {
    expect(isPublic({ ...base, subjectKind: 'natural_person' }, '2026-01-01')).toBe(false)
    for (const state of ['withdrawn', 'repaired', 'expired'] as const) expect(isPublic({ ...base, state }, '2026-01-01')).toBe(false)
  })
})
