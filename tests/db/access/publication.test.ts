import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { departments, records, subjects } from '../../../server/database/schema'
import { publicCondition } from '../../../server/domain/records/public'
import { subjectKinds, type SubjectKind } from '../../../shared/kinds'
import { isPublic, type RecordState, type VisibilityFacts } from '../../../shared/utils/publication'
import { createTestDatabase, type TestDatabase } from '../../support/database'

const today = '2026-11-25'
const states: RecordState[] = ['active', 'expired', 'withdrawn', 'repaired']
// The period's last day around today, and no period at all (a licence stays public with its status).
const ends = [null, '2026-11-24', today, '2026-11-26']

let t: TestDatabase
const cases: (VisibilityFacts & { id: number })[] = []

beforeAll(async () => {
  t = await createTestDatabase()
  const [department] = await t.db.select().from(departments).limit(1)
  const subjectOf = new Map<SubjectKind, number>()
  for (const kind of subjectKinds) {
    const [row] = await t.db.insert(subjects).values({ identityKey: `case:${kind}`, kind, name: `主体${kind}` }).returning({ id: subjects.id })
    subjectOf.set(kind, row!.id)
  }
  // Every combination the rule distinguishes: subject kind × record kind × state × end of period.
  for (const subjectKind of subjectKinds) {
    for (const kind of ['penalty', 'license'] as const) {
      for (const state of states) {
        for (const publicUntil of ends) {
          const [row] = await t.db.insert(records).values({
            kind, subjectId: subjectOf.get(subjectKind)!, departmentId: department!.id, state, publicUntil,
            subjectName: '主体', documentNumber: `${subjectKind}-${kind}-${state}-${publicUntil}`, decisionDate: '2026-01-05',
            content: '内容', authority: '机关', sourceDepartment: department!.name, contentHash: 'x',
          }).returning({ id: records.id })
          cases.push({ id: row!.id, kind, subjectKind, state, publicUntil })
        }
      }
    }
  }
})
afterAll(async () => {
  await t?.close()
})

describe('publicCondition (SQL) and isPublic (TypeScript) decide alike', () => {
  it('on every case of the table', async () => {
    const found = await t.db.select({ id: records.id }).from(records).innerJoin(subjects, eq(subjects.id, records.subjectId))
      .where(publicCondition(today))
    const bySql = new Set(found.map(r => r.id))
    const disagreements = cases.filter(c => bySql.has(c.id) !== isPublic(c, today))
      .map(c => `${c.subjectKind}/${c.kind}/${c.state}/${c.publicUntil}: SQL ${bySql.has(c.id)}`)
    expect(disagreements).toEqual([])
    // Both sides are exercised: some cases public, some not.
    expect(cases.length).toBe(subjectKinds.length * 2 * states.length * ends.length)
    expect(bySql.size).toBeGreaterThan(0)
    expect(bySql.size).toBeLessThan(cases.length)
  })
})
