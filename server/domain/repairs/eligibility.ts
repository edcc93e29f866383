import { publicationPolicy } from '../../../config/publication'
import { todayInChina, type IsoDate } from '../../../shared/utils/dates'
import { repairEligibility, type RepairEligibility } from '../../../shared/utils/repair'
import type { records } from '../../database/schema'

type RecordRow = typeof records.$inferSelect

/**
 * A stored record's repair timeline under the policy table. `forPublic` leaves out whether a repair is
 * open: that is the subject's business, unlike the 异议处理中 mark the public is owed.
 */
export function eligibilityOf(record: RecordRow, today: IsoDate, { forPublic = false } = {}): RepairEligibility {
  return repairEligibility(publicationPolicy, {
    kind: record.kind,
    state: record.state,
    decisionDate: record.decisionDate,
    publishedOn: todayInChina(record.publishedAt),
    publicUntil: record.publicUntil,
    severity: record.severity,
    penaltyCategories: record.penaltyCategories,
    domainText: [record.violationType, record.legalBasis, record.violationFacts].filter(Boolean).join(' '),
    underObjection: record.objectionId !== null,
    underRepair: !forPublic && record.repairId !== null,
  }, today)
}
