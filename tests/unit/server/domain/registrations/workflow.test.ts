import { describe, expect, it } from 'vitest'
import { registrationWorkflow } from '../../../../../server/domain/registrations/workflow'
import { availableActions, planTransition } from '../../../../../server/domain/workflow/machine'

const statusOf = (fn: () => unknown) => {
  try {
    fn()
  }
  catch (error) {
    return (error as { statusCode: number }).statusCode
  }
  return 200
}

describe('voluntary registration workflow (seed 004 §4)', () => {
  it('is filed for verification within 5 working days', () => {
    expect(registrationWorkflow.initial).toBe('submitted')
    expect(registrationWorkflow.initialDueInWorkingDays).toBe(5)
    expect(registrationWorkflow.states.submitted).toEqual({ label: '待核验', open: true })
  })

  it('the department concerned or the credit office verifies or rejects it; a rejection says why', () => {
    for (const role of ['department_reviewer', 'credit_office', 'admin'] as const) {
      expect(availableActions(registrationWorkflow, 'submitted', [role])).toEqual(['verify', 'reject'])
    }
    expect(planTransition(registrationWorkflow, 'submitted', 'verify', ['department_reviewer'], undefined, '2026-11-25')).toEqual({ to: 'verified', dueOn: null })
    expect(statusOf(() => planTransition(registrationWorkflow, 'submitted', 'reject', ['credit_office'], ' ', '2026-11-25'))).toBe(400)
    expect(planTransition(registrationWorkflow, 'submitted', 'reject', ['credit_office'], '证照已过期', '2026-11-25')).toEqual({ to: 'rejected', dueOn: null })
  })

  it('the applicant cannot verify its own item; staff cannot withdraw it', () => {
    expect(statusOf(() => planTransition(registrationWorkflow, 'submitted', 'verify', ['applicant', 'subject_agent'], undefined, '2026-11-25'))).toBe(403)
    expect(statusOf(() => planTransition(registrationWorkflow, 'verified', 'withdraw', ['credit_office'], undefined, '2026-11-25'))).toBe(403)
  })

  it('the applicant withdraws a pending or a verified item, which closes it', () => {
    expect(availableActions(registrationWorkflow, 'submitted', ['applicant', 'subject_agent'])).toEqual(['withdraw'])
    expect(availableActions(registrationWorkflow, 'verified', ['applicant', 'subject_agent'])).toEqual(['withdraw'])
    expect(planTransition(registrationWorkflow, 'verified', 'withdraw', ['applicant'], undefined, '2026-11-25')).toEqual({ to: 'withdrawn', dueOn: null })
  })

  it('a verified item is not verified twice; rejected, withdrawn and superseded ones are final', () => {
    expect(statusOf(() => planTransition(registrationWorkflow, 'verified', 'verify', ['credit_office'], undefined, '2026-11-25'))).toBe(409)
    for (const state of ['rejected', 'withdrawn', 'superseded'] as const) {
      expect(registrationWorkflow.states[state].open).toBe(false)
      expect(availableActions(registrationWorkflow, state, ['applicant', 'credit_office', 'department_reviewer', 'admin'])).toEqual([])
    }
  })
})
