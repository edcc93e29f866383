import type { PublicationPolicy } from '../../config/publication'
import type { Severity, SubjectKind, RecordKind } from '../kinds'
import { addDays, addMonths, type IsoDate } from './dates'

export interface PenaltyFacts {
  decisionDate: IsoDate
  severity: Severity | null
  categories: string[]
  /** Violation type, legal basis and facts: where a special domain (消防, 安全生产…) shows. */
  domainText: string
}

export interface PublicationPeriod {
  /** First day a repair may be applied for. */
  repairableFrom: IsoDate
  /** Last day the record is public; from the next day on it is not. */
  publicUntil: IsoDate
  /** False for a minor penalty the policy does not publish at all. */
  published: boolean
}

/** DOMAIN.md rule 3: the publication period of one penalty decision under the policy table. */
export function penaltyPeriod(policy: PublicationPolicy, facts: PenaltyFacts): PublicationPeriod {
  const end = (months: number) => addDays(addMonths(facts.decisionDate, months), -1)
  if (facts.decisionDate >= policy.gradedRegimeSince) {
    const grade = policy.graded[facts.severity ?? policy.defaultSeverity]
    return { repairableFrom: addMonths(facts.decisionDate, grade.minMonths), publicUntil: end(grade.maxMonths), published: grade.published }
  }
  const previous = policy.previous
  let minMonths = previous.minMonths
  if (previous.specialDomains.some(domain => facts.domainText.includes(domain))) {
    minMonths = Math.max(minMonths, previous.specialMinMonths)
  }
  for (const category of facts.categories) {
    minMonths = Math.max(minMonths, previous.minMonthsByCategory[category] ?? 0)
  }
  return { repairableFrom: addMonths(facts.decisionDate, minMonths), publicUntil: end(previous.maxMonths), published: true }
}

export type RecordState = 'active' | 'expired' | 'withdrawn' | 'repaired'

export interface VisibilityFacts {
  kind: RecordKind
  subjectKind: SubjectKind
  state: RecordState
  publicUntil: IsoDate | null
}

/**
 * DOMAIN.md rules 3 and 7, the one place that decides what the public sees: natural persons never,
 * a record only while active and within its period. The SQL twin is `publicCondition`
 * (server/domain/records/public.ts); tests/db/access/publication.test.ts keeps the two in step.
 */
export function isPublic(record: VisibilityFacts, today: IsoDate): boolean {
  if (record.subjectKind === 'natural_person') return false
  if (record.state !== 'active') return false
  return record.publicUntil === null || record.publicUntil >= today
}
