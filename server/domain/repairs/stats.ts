import { deadlines } from '../../../config/deadlines'
import type { RepairStats } from '../../../shared/schemas/repairs'
import { todayInChina } from '../../../shared/utils/dates'
import type { Database } from '../../utils/db'
import { decisionStats } from '../workflow/stats'
import { repairWorkflow } from './workflow'

/**
 * For the credit office: repairs per finding department, by outcome, with working days from filing to the
 * decision (初审 refusals included); on time within both stages' deadlines. A return for completion restarts
 * the first stage, so an application returned once may count late.
 */
export function repairStats(db: Database, today = todayInChina()): Promise<RepairStats[]> {
  return decisionStats(db, {
    workflow: repairWorkflow,
    decisions: ['approve', 'reject', 'refuse'],
    outcomes: ['repaired', 'rejected', 'withdrawn'],
    onTimeWorkingDays: deadlines.repairReviewWorkingDays + deadlines.repairDecisionWorkingDays,
  }, today)
}
