import { deadlines } from '../../../config/deadlines'
import type { Workflow } from '../workflow/machine'
import { officeRoles } from '../../../shared/roles'

type RepairState = 'submitted' | 'returned' | 'accepted' | 'repaired' | 'rejected' | 'withdrawn'
type RepairAction = 'accept' | 'return' | 'refuse' | 'resubmit' | 'approve' | 'reject' | 'withdraw'

/**
 * 信用修复 (DOMAIN.md rule 5): the credit office's 初审 within 3 working days (complete? eligible?) accepts,
 * returns it for completion, or refuses it; the department that made the finding then decides (谁认定谁修复).
 * A returned application is fixed and resubmitted by its applicant, and the first-review clock starts again.
 */
export const repairWorkflow: Workflow<RepairState, RepairAction> = {
  kind: 'repair',
  label: '信用修复',
  initial: 'submitted',
  initialDueInWorkingDays: deadlines.repairReviewWorkingDays,
  states: {
    submitted: { label: '初审中', open: true },
    returned: { label: '待补正材料', open: true },
    accepted: { label: '认定部门审核中', open: true },
    repaired: { label: '已修复', open: false },
    rejected: { label: '不予修复', open: false },
    withdrawn: { label: '已撤回', open: false },
  },
  transitions: {
    accept: { label: '初审通过', from: ['submitted'], to: 'accepted', by: officeRoles, dueInWorkingDays: deadlines.repairDecisionWorkingDays },
    return: { label: '退回补正', from: ['submitted'], to: 'returned', by: officeRoles, reasonRequired: true, dueInWorkingDays: null },
    refuse: { label: '不予受理', from: ['submitted'], to: 'rejected', by: officeRoles, reasonRequired: true, dueInWorkingDays: null },
    resubmit: { label: '补正后重新提交', from: ['returned'], to: 'submitted', by: ['applicant'], dueInWorkingDays: deadlines.repairReviewWorkingDays },
    approve: { label: '同意修复', from: ['accepted'], to: 'repaired', by: ['department_reviewer'], dueInWorkingDays: null },
    reject: { label: '不予修复', from: ['accepted'], to: 'rejected', by: ['department_reviewer'], reasonRequired: true, dueInWorkingDays: null },
    withdraw: { label: '撤回', from: ['submitted', 'returned', 'accepted'], to: 'withdrawn', by: ['applicant'], dueInWorkingDays: null },
  },
}
