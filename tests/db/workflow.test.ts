import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaffUser, signUp } from '../../server/domain/accounts/users'
import { claimWorkflow } from '../../server/domain/claims/workflow'
import { objectionWorkflow } from '../../server/domain/objections/workflow'
import { loadDepartments } from '../../server/domain/departments'
import { ingestFile } from '../../server/domain/ingest/file'
import { createApplication, historyOf, transition, visibleApplication } from '../../server/domain/workflow/applications'
import { reviewQueue } from '../../server/domain/workflow/queue'
import type { Actor } from '../../server/domain/workflow/machine'
import { and, eq } from 'drizzle-orm'
import { auditLog, messages, subjectAgents, subjects } from '../../server/database/schema'
import { reportOverdue } from '../../server/domain/workflow/overdue'
import { createTestDatabase, type TestDatabase } from '../support/database'
import { MARKET, TAX, penaltyRow, toCsv } from '../support/rows'

let t: TestDatabase
let applicant: Actor
let marketReviewer: Actor
let taxReviewer: Actor
let office: Actor
let subjectId: number

const refusal = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a refusal') }, (error: { statusCode: number, message: string }) => error)

beforeAll(async () => {
  t = await createTestDatabase()
  await ingestFile(t.db, Readable.from([Buffer.from(toCsv([penaltyRow({ 处罚决定日期: '2026-11-02' })]))]), { actor: 'test', today: '2026-11-25' })
  const [subject] = await t.db.select({ id: subjects.id }).from(subjects)
  subjectId = subject!.id
  const departments = await loadDepartments(t.db)
  const password = 'Chaoyang#2026'
  applicant = await signUp(t.db, { account: 'agent@example.com', name: '张经办', password })
  marketReviewer = await createStaffUser(t.db, { account: 'r@market.gov.cn', name: '市场审核', password, role: 'department_reviewer', departmentId: departments.byCreditCode.get(MARKET.creditCode)!.id }, 'test')
  taxReviewer = await createStaffUser(t.db, { account: 'r@tax.gov.cn', name: '税务审核', password, role: 'department_reviewer', departmentId: departments.byCreditCode.get(TAX.creditCode)!.id }, 'test')
  office = await createStaffUser(t.db, { account: 'office@credit.gov.cn', name: '信用办', password, role: 'credit_office' }, 'test')
})
afterAll(async () => {
  await t?.close()
})

describe('the review-workflow core', () => {
  it('routes an application to one department: its reviewers see it, another department’s get a 404', async () => {
    const { application } = await createApplication(t.db, {
      workflow: claimWorkflow, subjectId, applicant, departmentId: marketReviewer.departmentId, data: {}, fileIds: [], requestKey: 'routed-1',
    }, new Date('2026-11-25T02:00:00Z'))
    // Filed on Wednesday 25 November: 3 working days is Monday 30 November.
    expect(application.dueOn).toBe('2026-11-30')
    expect((await visibleApplication(t.db, marketReviewer, application.id)).access).toBe('staff')
    expect((await visibleApplication(t.db, office, application.id)).access).toBe('staff')
    expect(await refusal(visibleApplication(t.db, taxReviewer, application.id))).toMatchObject({ statusCode: 404 })
    const queue = (actor: Actor) => reviewQueue(t.db, actor, { status: 'open', page: 1 }, '2026-11-25').then(q => q.items.map(i => i.id))
    expect(await queue(marketReviewer)).toContain(application.id)
    expect(await queue(taxReviewer)).not.toContain(application.id)
  })

  it('lets only the first of two decisions on the same version through, and records it once', async () => {
    const { application } = await createApplication(t.db, {
      workflow: claimWorkflow, subjectId, applicant, departmentId: null, data: {}, fileIds: [], requestKey: 'race-1',
    })
    const seen = await visibleApplication(t.db, office, application.id)
    const approved = await transition(t.db, claimWorkflow, seen, office, { action: 'approve', version: 0 })
    expect(approved).toMatchObject({ state: 'approved', version: 1, dueOn: null })
    // The second reviewer still holds version 0 and the state it saw then.
    expect(await refusal(transition(t.db, claimWorkflow, seen, office, { action: 'reject', version: 0, reason: '材料不全' })))
      .toMatchObject({ statusCode: 409, message: '该申请已被他人处理或已更新，请刷新后查看最新状态' })
    expect((await historyOf(t.db, application.id)).map(step => [step.action, step.toState])).toEqual([['submit', 'submitted'], ['approve', 'approved']])
  })

  it('rolls the whole step back when a named file is not the actor’s', async () => {
    const { application } = await createApplication(t.db, {
      workflow: claimWorkflow, subjectId, applicant, departmentId: null, data: {}, fileIds: [], requestKey: 'files-1',
    })
    expect(await refusal(transition(t.db, claimWorkflow, await visibleApplication(t.db, office, application.id), office, { action: 'approve', version: 0, fileIds: ['00000000-0000-4000-8000-000000000000'] })))
      .toMatchObject({ statusCode: 400, message: '附件无效或已被使用，请重新上传' })
    expect((await visibleApplication(t.db, office, application.id)).application).toMatchObject({ state: 'submitted', version: 0 })
  })
})

describe('回避 (segregation of duties)', () => {
  it('finds how the actor stands to an application in the same query, and refuses and audits a recused decision', async () => {
    const { application } = await createApplication(t.db, {
      workflow: objectionWorkflow, subjectId, applicant, departmentId: marketReviewer.departmentId, data: {}, fileIds: [], requestKey: 'recusal-1',
    })
    expect((await visibleApplication(t.db, marketReviewer, application.id)).standing).toEqual({ applicant: false, agent: false })
    await t.db.insert(subjectAgents).values({ userId: marketReviewer.id, subjectId, applicationId: application.id })
    const found = await visibleApplication(t.db, marketReviewer, application.id)
    expect(found).toMatchObject({ access: 'staff', standing: { applicant: false, agent: true } })
    expect(await refusal(transition(t.db, objectionWorkflow, found, marketReviewer, { action: 'revoke', version: 0, reason: '有误' })))
      .toMatchObject({ statusCode: 403, message: '您是该申请的申请人或代理该主体，不能处理本申请（回避）' })
    const refused = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, String(application.id)), eq(auditLog.success, false)))
    expect(refused).toEqual([expect.objectContaining({ action: 'objection.revoke', actor: `user:${marketReviewer.id}:department_reviewer` })])
    expect((await visibleApplication(t.db, office, application.id)).application).toMatchObject({ state: 'submitted', version: 0 })
  })
})

describe('overdue applications', () => {
  it('are reported to the credit office once a day, and nothing decides itself', async () => {
    const { application } = await createApplication(t.db, {
      workflow: claimWorkflow, subjectId, applicant, departmentId: null, data: {}, fileIds: [], requestKey: 'late-1',
    }, new Date('2026-11-16T02:00:00Z'))
    // Filed Monday 16 November, due Thursday 19: on Wednesday 25 it is 4 working days late.
    expect(application.dueOn).toBe('2026-11-19')
    expect(await reportOverdue(t.db, null, '2026-11-25')).toBeGreaterThanOrEqual(1)
    expect(await reportOverdue(t.db, null, '2026-11-25')).toBeGreaterThanOrEqual(1)
    const inbox = await t.db.select().from(messages).where(eq(messages.userId, office.id))
    expect(inbox).toHaveLength(1)
    expect(inbox[0]!.title).toBe('超期未办结申请提醒（2026年11月25日）')
    expect(inbox[0]!.body).toContain(`编号${application.id} 主体认领`)
    expect(inbox[0]!.body).toContain('已超期4个工作日')
    expect((await visibleApplication(t.db, office, application.id)).application.state).toBe('submitted')
  })
})
