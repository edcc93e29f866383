import { publicationPolicy, type PublicationPolicy } from '../../../config/publication'
import type { RecordRow } from '../../../shared/schemas/recordRow'
import { addDays, type IsoDate } from '../../../shared/utils/dates'
import { penaltyPeriod, type RecordState } from '../../../shared/utils/publication'

export interface Publication {
  repairableFrom: IsoDate | null
  publicUntil: IsoDate | null
  state: RecordState
}

/**
 * When a new record stops being public: a penalty by the policy table, a list entry on its 有效期至,
 * licences and other actions stay public (with their status). A record already past its period
 * arrives expired and never reaches the index.
 */
export function publicationOf(row: RecordRow, today: IsoDate, policy: PublicationPolicy = publicationPolicy): Publication {
  let repairableFrom: IsoDate | null = null
  let publicUntil: IsoDate | null = null
  if (row.kind === 'penalty') {
    const period = penaltyPeriod(policy, {
      decisionDate: row.decisionDate,
      severity: row.severity ?? null,
      categories: row.penaltyCategories ?? [],
      domainText: [row.violationType, row.legalBasis, row.violationFacts].join(' '),
    })
    repairableFrom = period.repairableFrom
    publicUntil = period.published ? period.publicUntil : addDays(row.decisionDate, -1)
  }
  else if (row.kind === 'redList' || row.kind === 'blackList' || row.kind === 'watchList' || row.kind === 'judgmentDefaulter') {
    publicUntil = row.validTo ?? null
  }
  return { repairableFrom, publicUntil, state: publicUntil !== null && publicUntil < today ? 'expired' : 'active' }
}
