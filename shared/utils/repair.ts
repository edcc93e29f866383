import type { PublicationPolicy } from '../../config/publication'
import { kindLabels, severityLabels, type RecordKind, type Severity } from '../kinds'
import { addMonths, chineseDate, type IsoDate } from './dates'
import { penaltyPeriod, penaltyRule, type PenaltyFacts, type RecordState } from './publication'

/** What decides whether a record may be repaired now (DOMAIN.md rules 3 and 5). */
export interface RepairFacts {
  kind: RecordKind
  state: RecordState
  decisionDate: IsoDate
  /** The day it was first published, in China. */
  publishedOn: IsoDate
  publicUntil: IsoDate | null
  severity: Severity | null
  penaltyCategories: string[] | null
  /** Violation type, legal basis and facts: where a special domain (消防, 安全生产…) shows. */
  domainText: string
  underObjection: boolean
  underRepair: boolean
}

export interface RepairEligibility {
  /** False for kinds repair does not concern (licences, red lists, court defaulters…). */
  applies: boolean
  /** A penalty's 失信严重程度 (轻微 / 一般 / 严重); null for a list entry. */
  gradeLabel: string | null
  /** Which rule's publication periods apply to a penalty, and what they are; null for a list entry. */
  ruleLabel: string | null
  /** The periods count from the decision (or the listing). */
  decisionDate: IsoDate
  publicSince: IsoDate
  repairableFrom: IsoDate | null
  publicUntil: IsoDate | null
  eligible: boolean
  /** Why not, in words the subject can act on; null when eligible. */
  reason: string | null
}

const notRepairable: Partial<Record<RecordKind, string>> = {
  license: '行政许可信息无需修复',
  redList: '守信激励名单无需修复',
  judgmentDefaulter: '失信被执行人信息由人民法院依法办理，不适用本平台信用修复',
}

const penaltyFacts = (facts: RepairFacts): PenaltyFacts => ({
  decisionDate: facts.decisionDate, severity: facts.severity, categories: facts.penaltyCategories ?? [], domainText: facts.domainText,
})
const monthsText = (months: number) => months % 12 === 0 ? `${months / 12}年` : `${months}个月`

/** The grade as the department stated it (一般 when it did not), for a penalty only. */
function gradeOf(policy: PublicationPolicy, facts: RepairFacts): string {
  const grade = severityLabels[facts.severity ?? policy.defaultSeverity]
  return facts.severity ? grade : `${grade}（部门未标注，按一般）`
}

/** Which rule's periods apply beside the grade: the graded rule by its start year, or the 2023 rule. */
function ruleOf(policy: PublicationPolicy, facts: RepairFacts): string {
  const rule = penaltyRule(policy, penaltyFacts(facts))
  const name = rule.regime === 'graded' ? `${policy.gradedRegimeSince.slice(0, 4)}年规则` : '2023年规则'
  const domain = rule.specialDomain ? `${rule.specialDomain}领域，` : ''
  const minimum = rule.minMonths > 0 ? `最短公示${monthsText(rule.minMonths)}，` : ''
  return `按${name}（${domain}${minimum}最长${monthsText(rule.maxMonths)}）`
}

/** The first day a repair may be applied for, from the one policy table; null when repair does not apply. */
export function repairableFromOf(policy: PublicationPolicy, facts: RepairFacts): IsoDate | null {
  if (facts.kind === 'penalty') {
    return penaltyPeriod(policy, penaltyFacts(facts)).repairableFrom
  }
  const months = policy.listRepairMinMonths[facts.kind as 'blackList' | 'watchList']
  return months === undefined ? null : addMonths(facts.decisionDate, months)
}

/**
 * Whether a record may be repaired on `today`, and if not why: its kind, its state, an open objection or
 * repair, or a minimum period not yet over. Publication stops by itself after `publicUntil`.
 */
export function repairEligibility(policy: PublicationPolicy, facts: RepairFacts, today: IsoDate): RepairEligibility {
  const repairableFrom = repairableFromOf(policy, facts)
  const base = { decisionDate: facts.decisionDate, publicSince: facts.publishedOn, publicUntil: facts.publicUntil, repairableFrom }
  if (repairableFrom === null) {
    const reason = notRepairable[facts.kind] ?? `${kindLabels[facts.kind]}信息不适用信用修复`
    return { ...base, applies: false, gradeLabel: null, ruleLabel: null, eligible: false, reason }
  }
  const penalty = facts.kind === 'penalty'
  const labels = { gradeLabel: penalty ? gradeOf(policy, facts) : null, ruleLabel: penalty ? ruleOf(policy, facts) : null }
  const refuse = (reason: string) => ({ ...base, ...labels, applies: true, eligible: false, reason })
  if (facts.state === 'repaired') return refuse('该记录已修复，不再公示')
  if (facts.state === 'withdrawn') return refuse('该记录已撤销，不再公示')
  if (facts.state === 'expired' || (facts.publicUntil !== null && facts.publicUntil < today)) return refuse('公示期已满，该记录已自动停止公示，无需申请修复')
  if (facts.underRepair) return refuse('该记录的信用修复申请正在办理中')
  if (facts.underObjection) return refuse('该记录的异议正在处理中，请待异议办结后再申请修复')
  if (today < repairableFrom) return refuse(`最短公示期未满，${chineseDate(repairableFrom)}后可申请`)
  return { ...base, ...labels, applies: true, eligible: true, reason: null }
}
