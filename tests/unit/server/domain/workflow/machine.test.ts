import { describe, expect, it } from 'vitest'
import { claimWorkflow } from '../../../../../server/domain/claims/workflow'
import { objectionWorkflow } from '../../../../../server/domain/objections/workflow'
import { availableActions, partiesOf, planTransition, refusedForRecusal, type Actor } from '../../../../../server/domain/workflow/machine'
import { daysLeft } from '../../../../../server/domain/workflow/queue'

const refusal = (fn: () => unknown) => {
  try {
    fn()
  }
  catch (error) {
    const { statusCode, message, data } = error as { statusCode: number, message: string, data?: { fields: Record<string, string[]> } }
    return { statusCode, message, fields: Object.keys(data?.fields ?? {}) }
  }
  throw new Error('expected a refusal')
}

describe('workflow state machine (claims)', () => {
  it('lets the credit office approve a submitted claim and closes its deadline', () => {
    expect(planTransition(claimWorkflow, 'submitted', 'approve', ['credit_office'], undefined, '2026-11-25')).toEqual({ to: 'approved', dueOn: null })
  })

  it('refuses a rejection without a reason, naming the field', () => {
    expect(refusal(() => planTransition(claimWorkflow, 'submitted', 'reject', ['admin'], '  ', '2026-11-25')))
      .toEqual({ statusCode: 400, message: '驳回须填写理由', fields: ['reason'] })
  })

  it('refuses a second decision on a closed claim with its current state', () => {
    expect(refusal(() => planTransition(claimWorkflow, 'approved', 'reject', ['credit_office'], '材料不全', '2026-11-25')))
      .toMatchObject({ statusCode: 409, message: '申请当前为“已通过”，不能驳回' })
  })

  it('refuses an action to a party it does not belong to', () => {
    expect(refusal(() => planTransition(claimWorkflow, 'submitted', 'approve', ['applicant', 'public'], undefined, '2026-11-25')).statusCode).toBe(403)
    expect(refusal(() => planTransition(claimWorkflow, 'submitted', 'withdraw', ['credit_office'], undefined, '2026-11-25')).statusCode).toBe(403)
    expect(refusal(() => planTransition(claimWorkflow, 'submitted', 'approve', ['department_reviewer'], undefined, '2026-11-25')).statusCode).toBe(403)
  })

  it('refuses an unknown action by name', () => {
    expect(refusal(() => planTransition(claimWorkflow, 'submitted', 'delete', ['admin'], undefined, '2026-11-25')))
      .toEqual({ statusCode: 400, message: '无效的操作：delete', fields: ['action'] })
  })

  it('lists the actions each party has now', () => {
    const applicant = partiesOf({ id: 7, role: 'public', departmentId: null }, { applicant: true, agent: false })
    expect(applicant).toEqual(['applicant', 'public'])
    expect(availableActions(claimWorkflow, 'submitted', applicant)).toEqual(['withdraw'])
    expect(availableActions(claimWorkflow, 'submitted', ['credit_office'])).toEqual(['approve', 'reject'])
    expect(availableActions(claimWorkflow, 'rejected', ['credit_office'])).toEqual([])
  })

  it('counts days left in working days, negative when overdue', () => {
    expect(daysLeft('2026-11-27', '2026-11-25')).toBe(2)
    expect(daysLeft('2026-11-30', '2026-11-27')).toBe(1) // over a weekend
    expect(daysLeft('2026-11-25', '2026-11-25')).toBe(0)
    expect(daysLeft('2026-11-20', '2026-11-25')).toBe(-3)
  })
})

describe('回避: staff do not decide what they filed or whose subject they act for', () => {
  const reviewer: Actor = { id: 3, role: 'department_reviewer', departmentId: 1 }
  const office: Actor = { id: 4, role: 'credit_office', departmentId: null }
  const agent: Actor = { id: 5, role: 'subject_agent', departmentId: null }
  const neither = { applicant: false, agent: false }

  it('leaves a reviewer who acts for the subject only what an agent may do', () => {
    expect(partiesOf(reviewer, { applicant: false, agent: true })).toEqual(['subject_agent'])
    expect(availableActions(objectionWorkflow, 'submitted', partiesOf(reviewer, { applicant: false, agent: true }))).toEqual([])
    expect(refusedForRecusal(objectionWorkflow, 'revoke', reviewer, { applicant: false, agent: true })).toBe(true)
  })

  it('leaves a staff applicant only what an applicant may do', () => {
    expect(partiesOf(reviewer, { applicant: true, agent: true })).toEqual(['applicant', 'subject_agent'])
    expect(availableActions(objectionWorkflow, 'submitted', partiesOf(reviewer, { applicant: true, agent: true }))).toEqual(['withdraw'])
    expect(availableActions(claimWorkflow, 'submitted', partiesOf(office, { applicant: true, agent: false }))).toEqual(['withdraw'])
    expect(refusedForRecusal(claimWorkflow, 'approve', office, { applicant: true, agent: false })).toBe(true)
    expect(refusedForRecusal(claimWorkflow, 'withdraw', office, { applicant: true, agent: false })).toBe(false)
  })

  it('changes nothing for staff with no part in it, nor for the subject’s own agents', () => {
    expect(partiesOf(office, neither)).toEqual(['credit_office'])
    expect(refusedForRecusal(claimWorkflow, 'approve', office, neither)).toBe(false)
    expect(partiesOf(agent, { applicant: true, agent: true })).toEqual(['applicant', 'subject_agent'])
    // An action the role never had is refused as before (403, not 回避).
    expect(refusedForRecusal(claimWorkflow, 'approve', reviewer, { applicant: false, agent: true })).toBe(false)
  })
})
