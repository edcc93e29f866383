import type { Severity } from '../shared/kinds'

/**
 * How long a penalty stays public (DOMAIN.md rule 3): the one policy table. Periods are in months,
 * counted from the decision date. The credit office changes publication rules here and nowhere else.
 */
export interface PenaltyPeriod { minMonths: number, maxMonths: number }

export interface PublicationPolicy {
  /** Decisions on or after this date follow the graded regime; earlier ones the previous regime. */
  gradedRegimeSince: string
  graded: Record<Severity, PenaltyPeriod & { published: boolean }>
  previous: PenaltyPeriod & {
    /** Domains with a longer minimum, matched in the violation type, legal basis and facts. */
    specialDomains: string[]
    specialMinMonths: number
    /** Minimums by 处罚类别 where a kind needs longer; a decision with several takes the longest. */
    minMonthsByCategory: Record<string, number>
  }
  /** A severity the department did not state. */
  defaultSeverity: Severity
  /**
   * Lists a subject may ask to leave early (DOMAIN.md rule 5): months on the list, from the decision, before
   * a repair may be applied for. A list absent here is not repaired on this portal (红名单 needs none;
   * 失信被执行人 is the courts').
   */
  listRepairMinMonths: Partial<Record<'blackList' | 'watchList', number>>
}

export const publicationPolicy: PublicationPolicy = {
  gradedRegimeSince: '2026-04-01',
  graded: {
    minor: { minMonths: 0, maxMonths: 3, published: true },
    general: { minMonths: 3, maxMonths: 12, published: true },
    serious: { minMonths: 12, maxMonths: 36, published: true },
  },
  previous: {
    minMonths: 3,
    maxMonths: 36,
    specialDomains: ['特种设备', '安全生产', '消防'],
    specialMinMonths: 12,
    minMonthsByCategory: {},
  },
  defaultSeverity: 'general',
  listRepairMinMonths: { blackList: 12, watchList: 6 },
}
