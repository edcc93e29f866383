// npm run bench:search -- --dir <seeded DATA_DIR> [--requests 400] [--ssr 100]
//
// On a portal's data (seed one with `DATA_DIR=<dir> npm run seed -- --records 1000000`): the built
// server is started on it, then /api/search latency at concurrency 1 and 16 over a mix of queries is
// measured side by side with the very same Meilisearch queries sent straight to Meilisearch; then the
// SSR time of /search?q=… and the gzip size of the JavaScript and CSS a phone loads for the home page.
import { createRequire } from 'node:module'
import http from 'node:http'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { sql } from 'drizzle-orm'
import { Converter } from 'opencc-js/cn2t'
import { buildSearchQueries } from '../../server/domain/search/query'
import { readLocalEndpoint } from '../../server/utils/meiliProcess'
import { searchQuerySchema, type SearchQuery } from '../../shared/schemas/search'
import { todayInChina } from '../../shared/utils/dates'
import { closeDb, openDb, run } from '../lib/runtime'
import { freePort } from '../../server/utils/net'
import { startPortal } from './portal'

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
const log = (message: string) => process.stderr.write(`[bench:search] ${message}\n`)

type RequestInit = { method?: string, body?: string, headers?: Record<string, string> }

/** One retry when a pooled keep-alive socket was closed by the server just as it was reused. */
function request(url: string, init: RequestInit = {}): Promise<{ status: number, body: Buffer }> {
  return send(url, init).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ECONNRESET' || error.message === 'socket hang up') return send(url, init)
    throw error
  })
}

function send(url: string, init: RequestInit): Promise<{ status: number, body: Buffer }> {
  return new Promise((resolvePromise, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(init.body)
  })
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** Runs `total` calls of `call(i)` with `concurrency` in flight; returns each call's milliseconds. */
async function load(total: number, concurrency: number, call: (i: number) => Promise<void>): Promise<number[]> {
  const times: number[] = []
  let next = 0
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) {
      const i = next++
      const start = performance.now()
      await call(i)
      times.push(performance.now() - start)
    }
  }))
  return times
}

/** At least 100 queries as people type them: names, fragments, codes, document numbers, traditional forms, filters. */
async function queryMix(): Promise<SearchQuery[]> {
  const db = await openDb()
  const sample = async (column: string, n: number) => (await db.execute<{ v: string }>(sql.raw(
    `select ${column} as v from records r join subjects s on s.id = r.subject_id where r.state = 'active' and s.kind <> 'natural_person' order by md5(r.id::text) limit ${n}`,
  ))).rows.map(r => r.v).filter(Boolean)
  const names = await sample('s.name', 30)
  const codes = await sample('s.credit_code', 15)
  const numbers = await sample('r.document_number', 20)
  const toTraditional = Converter({ from: 'cn', to: 'tw' })
  const fragments = names.map(n => n.replace(/^朝阳(市|县)?/, '').slice(0, 2))
  const words = ['建材', '餐饮', '物流', '环保科技', '食品', '安全生产', '罚款', '许可', '超市', '运输']
  const raw: Partial<SearchQuery>[] = [
    ...names.map(q => ({ q })),
    ...codes.map(q => ({ q })),
    ...numbers.map(q => ({ q })),
    ...fragments.slice(0, 15).map(q => ({ q })),
    ...names.slice(0, 10).map(q => ({ q: toTraditional(q) })),
    ...words.map(q => ({ q })),
    ...words.slice(0, 5).map(q => ({ q, kind: 'penalty' as const })),
    ...words.slice(5).map(q => ({ q, year: 2025 })),
    { q: '' },
    { q: '', kind: 'blackList' },
    { q: '', sort: 'date' },
    { q: fragments[0] ?? '鑫达', page: 3 },
  ]
  await closeDb()
  return raw.map(r => searchQuerySchema.parse(r))
}

function toUrl(query: SearchQuery): string {
  const params = new URLSearchParams({ q: query.q, page: String(query.page), pageSize: String(query.pageSize), sort: query.sort })
  if (query.kind) params.set('kind', query.kind)
  if (query.year) params.set('year', String(query.year))
  return params.toString()
}

async function homeAssets(base: string): Promise<{ js: number, css: number, files: number }> {
  const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core')
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true })
  const sizes = { js: 0, css: 0, files: 0 }
  const pending: Promise<void>[] = []
  page.on('response', (response) => {
    const type = response.request().resourceType()
    if (type !== 'script' && type !== 'stylesheet') return
    pending.push(response.body().then((body) => {
      sizes[type === 'script' ? 'js' : 'css'] += gzipSync(body, { level: 9 }).length
      sizes.files++
    }, () => {}))
  })
  await page.goto(base, { waitUntil: 'networkidle' })
  await Promise.all(pending)
  await browser.close()
  return sizes
}

run(async () => {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, requests: { type: 'string', default: '400' }, ssr: { type: 'string', default: '100' } } })
  if (!values.dir) throw new Error('用法：npm run bench:search -- --dir <已导入数据的DATA_DIR>')
  const dir = resolve(values.dir)
  process.env.DATA_DIR = dir
  const requests = Number(values.requests)
  const portal = await startPortal(dir, await freePort(), log)
  try {
    const queries = await queryMix()
    const meili = readLocalEndpoint()!
    const today = todayInChina()
    const rawBodies = queries.map(q => JSON.stringify({ queries: buildSearchQueries('records', q, today) }))
    const headers = { 'authorization': `Bearer ${meili.apiKey}`, 'content-type': 'application/json' }
    const ours = (i: number) => request(`${portal.base}/api/search?${toUrl(queries[i % queries.length]!)}`).then((r) => {
      if (r.status !== 200) throw new Error(`/api/search answered ${r.status}: ${r.body.toString().slice(0, 200)}`)
    })
    const raw = (i: number) => request(`${meili.url}/multi-search`, { method: 'POST', body: rawBodies[i % rawBodies.length], headers }).then((r) => {
      if (r.status !== 200) throw new Error(`Meilisearch answered ${r.status}`)
    })
    log(`${queries.length} queries; warming up`)
    await load(queries.length, 4, ours)
    await load(queries.length, 4, raw)
    const rows: Record<string, number>[] = []
    for (const concurrency of [1, 16]) {
      // Alternating halves, so neither side profits from the other's warm caches alone.
      const a1 = await load(requests / 2, concurrency, ours)
      const b1 = await load(requests / 2, concurrency, raw)
      const a2 = await load(requests / 2, concurrency, ours)
      const b2 = await load(requests / 2, concurrency, raw)
      const o = [...a1, ...a2]
      const m = [...b1, ...b2]
      rows.push({ concurrency, oursP50: percentile(o, 50), oursP95: percentile(o, 95), rawP50: percentile(m, 50), rawP95: percentile(m, 95) })
    }
    const ssrTimes = await load(Number(values.ssr), 1, i => request(`${portal.base}/search?${toUrl(queries[i % queries.length]!)}`).then(() => {}))
    const assets = await homeAssets(portal.base)
    const stats = JSON.parse((await request(`${meili.url}/indexes/records/stats`, { headers })).body.toString()) as { numberOfDocuments: number }
    const count = stats.numberOfDocuments
    console.error('\n documents in index:', count)
    console.error(' conc | /api/search p50 / p95 (ms) | raw Meilisearch p50 / p95 (ms) | p95 target (1.3×raw+5)')
    for (const r of rows) {
      console.error(` ${String(r.concurrency).padStart(4)} | ${r.oursP50!.toFixed(1).padStart(8)} / ${r.oursP95!.toFixed(1).padEnd(8)} | ${r.rawP50!.toFixed(1).padStart(8)} / ${r.rawP95!.toFixed(1).padEnd(8)} | ${(1.3 * r.rawP95! + 5).toFixed(1)} ${r.oursP95! <= 1.3 * r.rawP95! + 5 ? 'met' : 'MISSED'}`)
    }
    console.error(` /search SSR p50: ${percentile(ssrTimes, 50).toFixed(1)} ms (target < 100) · home JS ${(assets.js / 1024).toFixed(1)} KB gzip (target < 200), CSS ${(assets.css / 1024).toFixed(1)} KB gzip, ${assets.files} files`)
    console.log(JSON.stringify({ documents: count, queries: queries.length, latency: rows, ssrP50: percentile(ssrTimes, 50), homeGzip: assets }))
  }
  finally {
    portal.stop()
  }
})
