import { describe, expect, it } from 'vitest'
import { repairWorkflow } from '../../../../../server/domain/repairs/workflow'
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

describe('repair workflow (DOMAIN.md rule 5)', () => {
  it('初审 by the credit office: accept gives the department 7 working days, a return stops the clock', () => {
    expect(availableActions(repairWorkflow, 'submitted', ['credit_office'])).toEqual(['accept', 'return', 'refuse'])
    // From Friday 2026-09-25: three days to 09-30, the National Day week off, then 10-08, 10-09, the make-up Saturday 10-10 and 10-12.
    expect(planTransition(repairWorkflow, 'submitted', 'accept', ['credit_office'], undefined, '2026-09-25')).toEqual({ to: 'accepted', dueOn: '2026-10-12' })
    expect(planTransition(repairWorkflow, 'submitted', 'return', ['admin'], '缺少整改报告', '2026-11-25')).toEqual({ to: 'returned', dueOn: null })
  })

  it('a returned application is the applicant’s to resubmit, and the first review starts again', () => {
    expect(availableActions(repairWorkflow, 'returned', ['applicant', 'subject_agent'])).toEqual(['resubmit', 'withdraw'])
    expect(availableActions(repairWorkflow, 'returned', ['credit_office'])).toEqual([])
    expect(planTransition(repairWorkflow, 'returned', 'resubmit', ['applicant'], undefined, '2026-11-25')).toEqual({ to: 'submitted', dueOn: '2026-11-30' })
  })

  it('谁认定谁修复: only the department’s reviewers decide, a rejection says why', () => {
    expect(availableActions(repairWorkflow, 'accepted', ['department_reviewer'])).toEqual(['approve', 'reject'])
    expect(statusOf(() => planTransition(repairWorkflow, 'accepted', 'approve', ['credit_office'], undefined, '2026-11-25'))).toBe(403)
    expect(statusOf(() => planTransition(repairWorkflow, 'accepted', 'reject', ['department_reviewer'], '', '2026-11-25'))).toBe(400)
    expect(statusOf(() => planTransition(repairWorkflow, 'submitted', 'approve', ['department_reviewer'], undefined, '2026-11-25'))).toBe(409)
  })

  it('closes for good once decided', () => {
    for (const state of ['repaired', 'rejected', 'withdrawn'] as const) {
      expect(repairWorkflow.states[state].open).toBe(false)
      expect(availableActions(repairWorkflow, state, ['applicant', 'credit_office', 'department_reviewer', 'admin'])).toEqual([])
    }
  })
})
