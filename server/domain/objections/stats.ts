import type { ObjectionStats } from '../../../shared/schemas/objections'
import { todayInChina } from '../../../shared/utils/dates'
import type { Database } from '../../utils/db'
import { decisionStats } from '../workflow/stats'
import { objectionWorkflow } from './workflow'

/** For the credit office: objections per department, by outcome, with time to decide in working days. */
export function objectionStats(db: Database, today = todayInChina()): Promise<ObjectionStats[]> {
  return decisionStats(db, {
    workflow: objectionWorkflow,
    decisions: ['correct', 'revoke', 'uphold'],
    outcomes: ['corrected', 'revoked', 'upheld', 'withdrawn'],
    onTimeWorkingDays: objectionWorkflow.initialDueInWorkingDays,
  }, today)
}
