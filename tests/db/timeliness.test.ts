import { Readable } from 'node:stream'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestFile } from '../../server/domain/ingest/file'
import { publicationTimeliness } from '../../server/domain/records/timeliness'
import { createTestDatabase, type TestDatabase } from '../support/database'
import { MARKET, penaltyRow, toCsv } from '../support/rows'

let t: TestDatabase

beforeAll(async () => {
  t = await createTestDatabase()
  const rows = ['2026-09-21', '2026-09-22', '2026-09-23'].map((date, i) => penaltyRow({ 行政处罚决定书文号: `朝市监罚〔2026〕9${i}号`, 处罚决定日期: date }))
  await ingestFile(t.db, Readable.from([Buffer.from(toCsv(rows))]), { actor: 'test', today: '2026-11-25' })
  // All three published on Saturday 2026-10-10, a make-up working day: 9, 8 and 7 working days after their
  // decisions, Mid-Autumn (25 September) and National Day (1–7 October) not counted.
  await t.db.execute(sql`update records set published_at = '2026-10-10 10:00:00+08'`)
})
afterAll(async () => {
  await t?.close()
})

describe('publicationTimeliness (DOMAIN.md rule 2)', () => {
  it('counts working days from decision to publication per department', async () => {
    expect(await publicationTimeliness(t.db)).toEqual([{ department: MARKET.name, records: 3, onTime: 1, onTimeRate: 1 / 3, medianWorkingDays: 8 }])
    expect(await publicationTimeliness(t.db, 9)).toEqual([{ department: MARKET.name, records: 3, onTime: 3, onTimeRate: 1, medianWorkingDays: 8 }])
  })
})
