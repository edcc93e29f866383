import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestFile } from '../../server/domain/ingest/file'
import { drainAll, enqueue, outboxLag } from '../../server/domain/search/outbox'
import { reconcile, reindex } from '../../server/domain/search/rebuild'
import type { SearchService } from '../../server/utils/search'
import { addDays, todayInChina } from '../../shared/utils/dates'
import { createTestDatabase, type TestDatabase } from '../support/database'
import { startTestSearch } from '../support/meili'
import { penaltyRow, toCsv } from '../support/rows'

let t: TestDatabase
let search: SearchService
let stop: () => Promise<void>
const recent = addDays(todayInChina(), -3)

async function indexedNumbers(): Promise<string[]> {
  const { results } = await search.records.getDocuments({ limit: 100, fields: ['documentNumber'] })
  return results.map(d => d.documentNumber).sort()
}

beforeAll(async () => {
  t = await createTestDatabase()
  ;({ search, stop } = await startTestSearch())
  const rows = [1, 2, 3].map(n => penaltyRow({ 行政处罚决定书文号: `朝市监罚〔2026〕${n}号`, 处罚决定日期: recent }))
  await ingestFile(t.db, Readable.from([Buffer.from(toCsv(rows))]), { actor: 'test' })
  await drainAll(t.db, search)
})
afterAll(async () => {
  await stop?.()
  await t?.close()
})

describe('reconcile', () => {
  it('finds missing, stale and extra documents and the drain repairs them', async () => {
    const { results } = await search.records.getDocuments({ limit: 10 })
    const [first, second] = results
    await search.records.deleteDocument(first!.id).waitTask()
    await search.records.updateDocuments([{ ...second!, content: '被篡改', rev: 'old' }]).waitTask()
    await search.records.addDocuments([{ ...second!, id: 999999, documentNumber: '不存在' }]).waitTask()
    expect(await reconcile(t.db, search)).toEqual({ missing: 1, stale: 1, extra: 1 })
    await drainAll(t.db, search)
    expect(await indexedNumbers()).toEqual(['朝市监罚〔2026〕1号', '朝市监罚〔2026〕2号', '朝市监罚〔2026〕3号'])
    expect(await reconcile(t.db, search)).toEqual({ missing: 0, stale: 0, extra: 0 })
  })
})

describe('reindex', () => {
  it('rebuilds the index from the database and swaps it in', async () => {
    await search.records.deleteAllDocuments().waitTask()
    await enqueue(t.db, [1, 2, 3])
    expect(await reindex(t.db, search)).toBe(3)
    expect(await outboxLag(t.db)).toBe(0)
    expect(await indexedNumbers()).toEqual(['朝市监罚〔2026〕1号', '朝市监罚〔2026〕2号', '朝市监罚〔2026〕3号'])
    const settings = await search.records.getSettings()
    expect(settings.localizedAttributes).toEqual([{ attributePatterns: ['subjectName', 'title', 'content', 'departmentName'], locales: ['cmn'] }])
  })
})
