import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestFile } from '../../server/domain/ingest/file'
import { headlineFigures } from '../../server/domain/records/stats'
import { createTestDatabase, type TestDatabase } from '../support/database'
import { penaltyRow, toCsv } from '../support/rows'

let t: TestDatabase

beforeAll(async () => {
  t = await createTestDatabase()
  // A first import on 2 December: all three are published this month, one was decided in November.
  const rows = ['2026-11-30', '2026-12-01', '2026-12-02'].map((date, i) => penaltyRow({ 行政处罚决定书文号: `朝市监罚〔2026〕8${i}号`, 处罚决定日期: date }))
  await ingestFile(t.db, Readable.from([Buffer.from(toCsv(rows))]), { actor: 'test', today: '2026-12-02' })
})
afterAll(async () => {
  await t?.close()
})

describe('headlineFigures (issue 15 item 18)', () => {
  it('counts this month by decision date, not by the day the portal published the records', async () => {
    expect(await headlineFigures(t.db, '2026-12-02')).toMatchObject({ decidedThisMonth: 2, publicRecords: 3, subjects: 1 })
    expect((await headlineFigures(t.db, '2027-01-05')).decidedThisMonth).toBe(0)
  })
})
