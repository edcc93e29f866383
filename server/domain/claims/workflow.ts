import { deadlines } from '../../../config/deadlines'
import type { Workflow } from '../workflow/machine'
import { officeRoles } from '../../../shared/roles'

type ClaimState = 'submitted' | 'approved' | 'rejected' | 'withdrawn'
type ClaimAction = 'approve' | 'reject' | 'withdraw'

/** 主体认领: the credit office checks the licence (and power of attorney) and approves or rejects with a reason. */
export const claimWorkflow: Workflow<ClaimState, ClaimAction> = {
  kind: 'claim',
  label: '主体认领',
  initial: 'submitted',
  initialDueInWorkingDays: deadlines.claimReviewWorkingDays,
  states: {
    submitted: { label: '待审核', open: true },
    approved: { label: '已通过', open: false },
    rejected: { label: '未通过', open: false },
    withdrawn: { label: '已撤回', open: false },
  },
  transitions: {
    approve: { label: '通过', from: ['submitted'], to: 'approved', by: officeRoles, dueInWorkingDays: null },
    reject: { label: '驳回', from: ['submitted'], to: 'rejected', by: officeRoles, reasonRequired: true, dueInWorkingDays: null },
    withdraw: { label: '撤回', from: ['submitted'], to: 'withdrawn', by: ['applicant'], dueInWorkingDays: null },
  },
}
