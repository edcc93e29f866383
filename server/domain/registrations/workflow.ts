import { deadlines } from '../../../config/deadlines'
import type { Workflow } from '../workflow/machine'
import { staffRoles } from '../../../shared/roles'

export type RegistrationState = 'submitted' | 'verified' | 'rejected' | 'withdrawn' | 'superseded'
type RegistrationAction = 'verify' | 'reject' | 'withdraw'

/**
 * 信用信息自愿注册 (seed 004 §4): the department concerned verifies within its deadline; the credit office
 * may always verify too (it runs the portal and handles those without a department), while another
 * department's reviewers never see the application at all. Verified items are public until the subject
 * withdraws them or a verified update supersedes them (the `superseded` state is set by that update's
 * effects, not by an action of its own).
 */
export const registrationWorkflow: Workflow<RegistrationState, RegistrationAction> = {
  kind: 'registration',
  label: '自愿注册',
  initial: 'submitted',
  initialDueInWorkingDays: deadlines.registrationWorkingDays,
  states: {
    submitted: { label: '待核验', open: true },
    verified: { label: '已核验', open: false },
    rejected: { label: '已退回', open: false },
    withdrawn: { label: '已撤回', open: false },
    superseded: { label: '已被更新', open: false },
  },
  transitions: {
    verify: { label: '核验通过', from: ['submitted'], to: 'verified', by: staffRoles, dueInWorkingDays: null },
    reject: { label: '退回', from: ['submitted'], to: 'rejected', by: staffRoles, reasonRequired: true, dueInWorkingDays: null },
    // Withdrawing a verified item takes it off the public profile at once: the profile reads only `verified`.
    withdraw: { label: '撤回', from: ['submitted', 'verified'], to: 'withdrawn', by: ['applicant'], dueInWorkingDays: null },
  },
}
