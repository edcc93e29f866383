import { publicationPolicy } from '../../../config/publication'
import { todayInChina, type IsoDate } from '../../../shared/utils/dates'
import { repairEligibility, type RepairEligibility } from '../../../shared/utils/repair'
import type { records } from '../../database/schema'

type RecordRow = typeof records.$inferSelect

/**
 * A stored record's repair timeline under the policy table. Without `openRepair` it leaves out whether a
 * repair is open: the public is not told (that is the subject's business, unlike 异议处理中), and filing
 * checks it inside its transaction instead.
 */
export function eligibilityOf(record: RecordRow, today: IsoDate, { openRepair = true } = {}): RepairEligibility {
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
    underRepair: openRepair && record.repairId !== null,
  }, today)
}
