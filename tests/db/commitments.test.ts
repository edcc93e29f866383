import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp } from '../../server/domain/accounts/users'
import { commitmentOutboxLag, drainAllCommitments, reconcileCommitments, reindexCommitments } from '../../server/domain/commitments/outbox'
import { signCommitment } from '../../server/domain/commitments/sign'
import { ensureStandardTemplates, listTemplates } from '../../server/domain/commitments/templates'
import { loadDepartments } from '../../server/domain/departments'
import { ingestFile } from '../../server/domain/ingest/file'
import type { Actor } from '../../server/domain/workflow/machine'
import { subjectAgents, subjects } from '../../server/database/schema'
import type { SearchService } from '../../server/utils/search'
import { createTestDatabase, type TestDatabase } from '../support/database'
import { startTestSearch } from '../support/meili'
import { MARKET, penaltyRow, toCsv } from '../support/rows'
import { signaturePng } from '../support/signature'

let t: TestDatabase
let search: SearchService
let stop: () => Promise<void>
let agent: Actor
let subjectId: number
let market: number
let templateId: number

async function indexedCodes(): Promise<string[]> {
  const { results } = await search.commitments.getDocuments({ limit: 100, fields: ['code'] })
  return results.map(d => d.code).sort()
}

beforeAll(async () => {
  t = await createTestDatabase()
  ;({ search, stop } = await startTestSearch())
  await ingestFile(t.db, Readable.from([Buffer.from(toCsv([penaltyRow()]))]), { actor: 'test' })
  const [subject] = await t.db.select({ id: subjects.id }).from(subjects)
  subjectId = subject!.id
  agent = await signUp(t.db, { account: 'agent@example.com', name: '张经办', password: 'Chaoyang#2026' })
  await t.db.insert(subjectAgents).values({ userId: agent.id, subjectId, applicationId: 0 })
  market = (await loadDepartments(t.db)).byCreditCode.get(MARKET.creditCode)!.id
})
afterAll(async () => {
  await stop?.()
  await t?.close()
})

describe('commitments in the database', () => {
  it('puts the standard templates in place once', async () => {
    expect(await ensureStandardTemplates(t.db)).toBe(8)
    expect(await ensureStandardTemplates(t.db)).toBe(0)
    templateId = (await listTemplates(t.db)).find(x => x.type === 'voluntary' && x.domain === '通用')!.id
  })

  it('numbers commitments signed at the same time with one serial each, in order', async () => {
    const one = (i: number) => signCommitment(t.db, agent, {
      subjectId, templateId, matter: '诚信经营', acceptingDepartmentId: market, judgingDepartmentId: market,
      disclosure: i % 3 === 0 ? 'private' : 'public', signature: signaturePng(1 + (i % 4)), requestKey: `db-commit-${i}`,
    })
    const indexes = Array.from({ length: 10 }, (_, i) => i)
    // All at once: the advisory lock gives each its own serial (on PGlite the one connection queues them).
    const signed = await Promise.all(indexes.map(one))
    const serials = signed.map(s => Number(s.commitment.code.slice(14))).sort((a, b) => a - b)
    expect(serials).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(new Set(signed.map(s => s.commitment.code.slice(0, 14))).size).toBe(1)
  })

  it('indexes the public ones, reconciles drift and rebuilds', async () => {
    expect(await commitmentOutboxLag(t.db)).toBe(10)
    await drainAllCommitments(t.db, search)
    expect(await commitmentOutboxLag(t.db)).toBe(0)
    const codes = await indexedCodes()
    expect(codes).toHaveLength(6)
    const { results } = await search.commitments.getDocuments({ limit: 10 })
    await search.commitments.deleteDocument(results[0]!.id).waitTask()
    await search.commitments.updateDocuments([{ ...results[1]!, rev: 'old' }]).waitTask()
    await search.commitments.addDocuments([{ ...results[2]!, id: 999_999, code: '21130020990101000001' }]).waitTask()
    expect(await reconcileCommitments(t.db, search)).toEqual({ missing: 1, stale: 1, extra: 1 })
    await drainAllCommitments(t.db, search)
    expect(await indexedCodes()).toEqual(codes)
    expect(await reconcileCommitments(t.db, search)).toEqual({ missing: 0, stale: 0, extra: 0 })
    expect(await reindexCommitments(t.db, search)).toBe(10)
    expect(await indexedCodes()).toEqual(codes)
  })
})
