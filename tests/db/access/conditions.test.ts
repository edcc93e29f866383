import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { departments, records, subjectAgents, subjects, users } from '../../../server/database/schema'
import { createStaffUser, signUp } from '../../../server/domain/accounts/users'
import { reviewsForDepartment } from '../../../server/domain/access/departments'
import { inStaffScope } from '../../../server/domain/access/staff'
import { actingAs, actsForSubject } from '../../../server/domain/access/subjects'
import { ownRecord, ownRecords, ownSubject } from '../../../server/domain/me'
import { objectionWorkflow } from '../../../server/domain/objections/workflow'
import { createApplication } from '../../../server/domain/workflow/applications'
import type { Actor } from '../../../server/domain/workflow/machine'
import { reviewQueue } from '../../../server/domain/workflow/queue'
import { createTestDatabase, type TestDatabase } from '../../support/database'
import { MARKET, TAX } from '../../support/rows'

let t: TestDatabase
const password = 'Chaoyang#2026'
let agent: Actor, person: Actor, nobody: Actor, reviewer: Actor, strayReviewer: Actor, office: Actor, officeAgent: Actor
let company: number, other: number, citizen: number
let market: number, tax: number
let companyRecord: number, otherRecord: number, citizenRecord: number

const refusal = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a refusal') }, (error: { statusCode: number }) => error)

async function subject(kind: 'legal_entity' | 'natural_person', name: string) {
  const [row] = await t.db.insert(subjects).values({ identityKey: `access:${name}`, kind, name }).returning({ id: subjects.id })
  return row!.id
}

async function record(subjectId: number, documentNumber: string) {
  const [row] = await t.db.insert(records).values({
    kind: 'penalty', subjectId, departmentId: market, subjectName: '主体', documentNumber, decisionDate: '2026-11-02',
    content: '内容', authority: MARKET.name, sourceDepartment: MARKET.name, contentHash: 'x',
  }).returning({ id: records.id })
  return row!.id
}

beforeAll(async () => {
  t = await createTestDatabase()
  const byCode = async (code: string) => (await t.db.select({ id: departments.id }).from(departments).where(eq(departments.creditCode, code)))[0]!.id
  market = await byCode(MARKET.creditCode)
  tax = await byCode(TAX.creditCode)
  company = await subject('legal_entity', '朝阳甲公司')
  other = await subject('legal_entity', '朝阳乙公司')
  citizen = await subject('natural_person', '张三')
  companyRecord = await record(company, '朝市监罚〔2026〕1号')
  otherRecord = await record(other, '朝市监罚〔2026〕2号')
  citizenRecord = await record(citizen, '朝市监罚〔2026〕3号')
  agent = await signUp(t.db, { account: 'agent@example.com', name: '张经办', password })
  person = await signUp(t.db, { account: 'person@example.com', name: '张三', password })
  nobody = await signUp(t.db, { account: 'nobody@example.com', name: '李四', password })
  reviewer = await createStaffUser(t.db, { account: 'r@market.gov.cn', name: '市场审核', password, role: 'department_reviewer', departmentId: market }, 'test')
  strayReviewer = await createStaffUser(t.db, { account: 'r2@market.gov.cn', name: '无部门审核', password, role: 'department_reviewer', departmentId: market }, 'test')
  await t.db.update(users).set({ departmentId: null }).where(eq(users.id, strayReviewer.id))
  office = await createStaffUser(t.db, { account: 'office@credit.gov.cn', name: '信用办', password, role: 'credit_office' }, 'test')
  officeAgent = await createStaffUser(t.db, { account: 'office2@credit.gov.cn', name: '信用办经办', password, role: 'credit_office' }, 'test')
  await t.db.insert(subjectAgents).values([
    { userId: agent.id, subjectId: company, applicationId: 0 },
    { userId: officeAgent.id, subjectId: company, applicationId: 0 },
  ])
  await t.db.update(users).set({ personSubjectId: citizen }).where(eq(users.id, person.id))
})
afterAll(async () => {
  await t?.close()
})

/** The condition's value for each subject id, and for a NULL column. */
async function table(condition: (column: ReturnType<typeof sql>) => ReturnType<typeof sql>, ids: number[]) {
  const out: Record<string, unknown> = {}
  for (const id of ids) {
    const [row] = await t.db.execute<{ v: unknown }>(sql`select ${condition(sql`${id}::bigint`)} as v`).then(r => r.rows)
    out[id] = row!.v
  }
  const [none] = await t.db.execute<{ v: unknown }>(sql`select ${condition(sql`null::bigint`)} as v`).then(r => r.rows)
  out.null = none!.v
  return out
}

describe('actsForSubject: a subject this user acts for', () => {
  it('is true for an agent’s claimed subject and the verified person, a plain false otherwise (NULL column too)', async () => {
    const ids = [company, other, citizen]
    expect(await table(c => actsForSubject(agent.id, c), ids)).toEqual({ [company]: true, [other]: false, [citizen]: false, null: false })
    expect(await table(c => actsForSubject(person.id, c), ids)).toEqual({ [company]: false, [other]: false, [citizen]: true, null: false })
    // An account verified as nobody has a NULL person: still false, never NULL.
    expect(await table(c => actsForSubject(nobody.id, c), ids)).toEqual({ [company]: false, [other]: false, [citizen]: false, null: false })
  })

  it('says how: as the person or as an agent', async () => {
    expect(await table(c => actingAs(agent.id, c), [company, citizen])).toEqual({ [company]: 'agent', [citizen]: null, null: null })
    expect(await table(c => actingAs(person.id, c), [company, citizen])).toEqual({ [company]: null, [citizen]: 'person', null: null })
  })
})

describe('reviewsForDepartment and inStaffScope: a department this reviewer belongs to', () => {
  it('is true only for a reviewer’s own department', async () => {
    expect(await table(c => reviewsForDepartment(reviewer.id, c), [market, tax])).toEqual({ [market]: true, [tax]: false, null: false })
    expect(await table(c => reviewsForDepartment(strayReviewer.id, c), [market, tax])).toEqual({ [market]: false, [tax]: false, null: false })
    // The credit office is city-wide by its role, not a reviewer of any one department.
    expect(await table(c => reviewsForDepartment(office.id, c), [market, tax])).toEqual({ [market]: false, [tax]: false, null: false })
  })

  it('puts every department in the office’s scope, the own one in a reviewer’s, none in a business’s', async () => {
    expect(await table(c => inStaffScope(office, c), [market, tax])).toEqual({ [market]: true, [tax]: true, null: true })
    expect(await table(c => inStaffScope(reviewer, c), [market, tax])).toEqual({ [market]: true, [tax]: false, null: false })
    expect(await table(c => inStaffScope(agent, c), [market, tax])).toEqual({ [market]: false, [tax]: false, null: false })
  })
})

describe('single-item reads decide ownership in the query', () => {
  it('finds the own subject and record, and answers 404 for another’s', async () => {
    expect((await ownSubject(t.db, agent.id, company)).id).toBe(company)
    expect(await refusal(ownSubject(t.db, agent.id, other))).toMatchObject({ statusCode: 404 })
    expect(await refusal(ownSubject(t.db, nobody.id, citizen))).toMatchObject({ statusCode: 404 })
    const own = await ownRecord(t.db, agent.id, companyRecord, '2026-11-25')
    expect([own.record.id, own.subject]).toEqual([companyRecord, expect.objectContaining({ id: company, via: 'agent' })])
    expect(await refusal(ownRecord(t.db, agent.id, otherRecord))).toMatchObject({ statusCode: 404 })
    expect(await refusal(ownRecord(t.db, agent.id, citizenRecord))).toMatchObject({ statusCode: 404 })
    const mine = await ownRecords(t.db, person.id, citizen, '2026-11-25')
    expect([mine.subject.via, mine.records.map(r => r.id)]).toEqual(['person', [citizenRecord]])
    expect(await refusal(ownRecords(t.db, person.id, company))).toMatchObject({ statusCode: 404 })
  })
})

describe('回避 in the review queue', () => {
  it('does not offer staff what they filed or whose subject they act for; colleagues get it', async () => {
    const file = (applicant: Actor, subjectId: number, key: string) => createApplication(t.db, {
      workflow: objectionWorkflow, subjectId, applicant, departmentId: market, data: {}, fileIds: [], requestKey: key,
    }).then(r => r.application.id)
    const byAgent = await file(agent, company, 'q-1')
    const byOffice = await file(office, other, 'q-2')
    const queue = (actor: Actor) => reviewQueue(t.db, actor, { status: 'open', page: 1 }, '2026-11-25').then(q => q.items.map(i => i.id))
    expect(await queue(office)).toEqual(expect.arrayContaining([byAgent]))
    expect(await queue(office)).not.toContain(byOffice)
    expect(await queue(officeAgent)).toEqual(expect.arrayContaining([byOffice]))
    expect(await queue(officeAgent)).not.toContain(byAgent)
    expect((await queue(reviewer)).sort()).toEqual([byAgent, byOffice].sort())
    expect(await queue(strayReviewer)).toEqual([])
  })
})
