import { describe, expect, it } from 'vitest'
import { publicationPolicy } from '../../../../config/publication'
import { chineseDate } from '../../../../shared/utils/dates'
import { repairEligibility, type RepairFacts } from '../../../../shared/utils/repair'

const facts = (over: Partial<RepairFacts> = {}): RepairFacts => ({
  kind: 'penalty', state: 'active', decisionDate: '2026-04-01', publishedOn: '2026-04-03', publicUntil: '2027-03-31', severity: 'general',
  penaltyCategories: ['罚款'], domainText: '', underObjection: false, underRepair: false, ...over,
})
const check = (over: Partial<RepairFacts>, today: string) => repairEligibility(publicationPolicy, facts(over), today)

describe('repairEligibility (DOMAIN.md rules 3 and 5), at every boundary day', () => {
  it('a general penalty: three months after the decision, not a day before', () => {
    expect(check({}, '2026-06-30')).toMatchObject({ eligible: false, repairableFrom: '2026-07-01', reason: '最短公示期未满，2026年7月1日后可申请' })
    expect(check({}, '2026-07-01')).toMatchObject({ eligible: true, reason: null, gradeLabel: '一般', ruleLabel: '按2026年规则（最短公示3个月，最长1年）', decisionDate: '2026-04-01', publicSince: '2026-04-03', publicUntil: '2027-03-31' })
  })

  it('a serious penalty: one year', () => {
    const serious = { severity: 'serious' as const, publicUntil: '2029-03-31' }
    expect(check(serious, '2027-03-31')).toMatchObject({ eligible: false, repairableFrom: '2027-04-01', gradeLabel: '严重', ruleLabel: '按2026年规则（最短公示1年，最长3年）' })
    expect(check(serious, '2027-04-01').eligible).toBe(true)
  })

  it('a minor penalty may be repaired at once', () => {
    expect(check({ severity: 'minor', decisionDate: '2026-05-10', publicUntil: '2026-08-09' }, '2026-05-10')).toMatchObject({ eligible: true, gradeLabel: '轻微', ruleLabel: '按2026年规则（最长3个月）' })
  })

  it('a penalty without a stated grade counts as general and says so', () => {
    expect(check({ severity: null }, '2026-07-01')).toMatchObject({ eligible: true, gradeLabel: '一般（部门未标注，按一般）' })
  })

  it('the regime follows the decision date: 2026-03-31 keeps the 2023 rule, 2026-04-01 is graded; the grade stays the grade', () => {
    const before = check({ decisionDate: '2026-03-31', severity: 'serious', publicUntil: '2029-03-30' }, '2026-06-30')
    expect(before).toMatchObject({ eligible: true, repairableFrom: '2026-06-30', gradeLabel: '严重', ruleLabel: '按2023年规则（最短公示3个月，最长3年）' })
    expect(check({ decisionDate: '2026-04-01', severity: 'serious', publicUntil: '2029-03-31' }, '2026-06-30').eligible).toBe(false)
  })

  it('the 2023 rule keeps one year in 特种设备, 安全生产 and 消防', () => {
    const fire = { decisionDate: '2025-06-01', severity: null, domainText: '违反《中华人民共和国消防法》第十六条', publicUntil: '2028-05-31' }
    expect(check(fire, '2026-05-31')).toMatchObject({ eligible: false, repairableFrom: '2026-06-01', gradeLabel: '一般（部门未标注，按一般）', ruleLabel: '按2023年规则（消防领域，最短公示1年，最长3年）' })
    expect(check(fire, '2026-06-01').eligible).toBe(true)
    expect(check({ ...fire, domainText: '未按规定办理特种设备使用登记' }, '2026-05-31').reason).toBe('最短公示期未满，2026年6月1日后可申请')
  })

  it('a month end carries to the shorter month: 2026-11-30 + 3 months is 2027-02-28', () => {
    expect(check({ decisionDate: '2026-11-30', publicUntil: '2027-11-29' }, '2027-02-27').eligible).toBe(false)
    expect(check({ decisionDate: '2026-11-30', publicUntil: '2027-11-29' }, '2027-02-28').eligible).toBe(true)
  })

  it('publication stops by itself after its last public day', () => {
    expect(check({}, '2027-03-31').eligible).toBe(true)
    expect(check({}, '2027-04-01')).toMatchObject({ eligible: false, reason: '公示期已满，该记录已自动停止公示，无需申请修复' })
    expect(check({ state: 'expired' }, '2026-08-01').eligible).toBe(false)
  })

  it('list entries: a black list after one year, a watch list after six months', () => {
    const black = { kind: 'blackList' as const, decisionDate: '2025-12-15', severity: null, publicUntil: null }
    expect(check(black, '2026-12-14')).toMatchObject({ eligible: false, repairableFrom: '2026-12-15', gradeLabel: null, ruleLabel: null })
    expect(check(black, '2026-12-15').eligible).toBe(true)
    const watch = { kind: 'watchList' as const, decisionDate: '2026-06-01', severity: null, publicUntil: '2027-06-01' }
    expect(check(watch, '2026-11-30').eligible).toBe(false)
    expect(check(watch, '2026-12-01').eligible).toBe(true)
  })

  it('kinds repair does not concern say why', () => {
    expect(check({ kind: 'license' }, '2027-01-01')).toMatchObject({ applies: false, eligible: false, reason: '行政许可信息无需修复', repairableFrom: null })
    expect(check({ kind: 'judgmentDefaulter' }, '2027-01-01').reason).toContain('人民法院')
    expect(check({ kind: 'inspection' }, '2027-01-01').reason).toBe('行政检查信息不适用信用修复')
  })

  it('one open objection or repair at a time; a repaired or withdrawn record is done', () => {
    expect(check({ underRepair: true }, '2026-08-01').reason).toBe('该记录的信用修复申请正在办理中')
    expect(check({ underObjection: true }, '2026-08-01').reason).toContain('异议正在处理中')
    expect(check({ state: 'repaired' }, '2026-08-01').reason).toBe('该记录已修复，不再公示')
    expect(check({ state: 'withdrawn' }, '2026-08-01').reason).toBe('该记录已撤销，不再公示')
  })

  it('writes dates the Chinese way', () => {
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日')
  })
})
