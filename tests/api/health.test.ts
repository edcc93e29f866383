import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalMeili, type LocalMeili } from '../../server/utils/meiliProcess'
import { addDays, todayInChina } from '../../shared/utils/dates'
import { MARKET, penaltyRow } from '../support/rows'
import { startServer, waitForIndex, type TestServer } from '../support/server'

// Meilisearch of the test's own, handed to the portal as MEILI_URL, so the test can stop and restart it.
const meiliDir = mkdtempSync(join(tmpdir(), 'credit-meili-'))
let meili: LocalMeili
let server: TestServer
let key: string

async function health() {
  const response = await fetch(`${server.url}/api/health`)
  return { status: response.status, body: await response.json() as { status: string, db: string, search: string, indexLag: number } }
}

beforeAll(async () => {
  process.env.DATA_DIR = meiliDir
  meili = await startLocalMeili()
  server = await startServer({ MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.apiKey })
  key = (await server.cli('scripts/department-key.ts', [MARKET.creditCode])).stdout.trim().split('\n').at(-1)!
})
afterAll(async () => {
  await server?.stop()
  await meili?.stop()
  rmSync(meiliDir, { recursive: true, force: true })
})

describe('GET /api/health', () => {
  it('is ok with database and search up', async () => {
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', db: 'ok', search: 'ok', indexLag: 0 } })
  })

  it('stays degraded-but-working while Meilisearch is down, and the index catches up after', async () => {
    await meili.stop()
    const record = penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕601号', 处罚决定日期: addDays(todayInChina(), -5) })
    const response = await fetch(`${server.url}/api/ingest`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'penalty', records: [record] }),
    })
    expect(await response.json()).toMatchObject({ accepted: 1 })
    const down = await health()
    expect(down.body).toMatchObject({ status: 'degraded', db: 'ok', search: 'unavailable', indexLag: 1 })

    meili = await startLocalMeili({ port: meili.port })
    await waitForIndex(server)
    const search = await fetch(`${meili.url}/indexes/records/search`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${meili.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ q: '朝市监罚〔2026〕601号' }),
    }).then(r => r.json() as Promise<{ hits: { documentNumber: string }[] }>)
    expect(search.hits.map(h => h.documentNumber)).toContain('朝市监罚〔2026〕601号')
  })
})
