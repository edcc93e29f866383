import { deadlines } from '../../../config/deadlines'
import type { Workflow } from '../workflow/machine'
import { officeRoles } from '../../../shared/roles'

type ObjectionState = 'submitted' | 'corrected' | 'revoked' | 'upheld' | 'withdrawn'
type ObjectionAction = 'correct' | 'revoke' | 'uphold' | 'reassign' | 'withdraw'

/**
 * 信用异议 (DOMAIN.md rule 4): the department that published the record decides within 5 working days:
 * 更正, 撤销 or 维持 (with its reason). The credit office may send a misrouted one to the right department;
 * its clock keeps running. Nothing decides itself when the deadline passes.
 */
export const objectionWorkflow: Workflow<ObjectionState, ObjectionAction> = {
  kind: 'objection',
  label: '信用异议',
  initial: 'submitted',
  initialDueInWorkingDays: deadlines.objectionWorkingDays,
  states: {
    submitted: { label: '核查中', open: true },
    corrected: { label: '已更正', open: false },
    revoked: { label: '已撤销记录', open: false },
    upheld: { label: '维持原记录', open: false },
    withdrawn: { label: '已撤回', open: false },
  },
  transitions: {
    correct: { label: '更正', from: ['submitted'], to: 'corrected', by: ['department_reviewer'], reasonRequired: true, dueInWorkingDays: null },
    revoke: { label: '撤销记录', from: ['submitted'], to: 'revoked', by: ['department_reviewer'], reasonRequired: true, dueInWorkingDays: null },
    uphold: { label: '维持', from: ['submitted'], to: 'upheld', by: ['department_reviewer'], reasonRequired: true, dueInWorkingDays: null },
    reassign: { label: '改派', from: ['submitted'], to: 'submitted', by: officeRoles, reasonRequired: true, dueInWorkingDays: 'keep' },
    withdraw: { label: '撤回', from: ['submitted'], to: 'withdrawn', by: ['applicant'], dueInWorkingDays: null },
  },
}
