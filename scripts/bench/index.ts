// npm run bench -- [--records 1000000] [--runs 3] [--ingest-rows 100000] [--ingest-runs 3] [--ingest-format csv|xlsx|both]
//                   [--skip-ingest] [--skip-index] [--reuse] [--analyze] [--dir /tmp/bench-x] [--seed 1] [--raw-batch 10000]
//
// --reuse keeps the seeded database of an earlier run in the same --dir; --analyze runs ANALYZE on it
// before the index builds (PGlite has no autovacuum, so a bulk-loaded table has no planner statistics).
//
// (a) Ingest throughput: a generated penalty CSV (and the same rows as .xlsx) through ingestFile into a
//     fresh PGlite, then the same file again (every row unchanged). (b) Index build: `reindex()` (DB → documents → Meilisearch)
//     against the same documents sent straight to a fresh index over plain HTTP. Medians are reported;
//     the last stdout line is JSON. Everything lives under --dir (or DATA_DIR, or a new /tmp/bench-*).
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { once } from 'node:events'
import http from 'node:http'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { todayInChina } from '../../shared/utils/dates'
import { ingestFile } from '../../server/domain/ingest/file'
import { toSearchDocument } from '../../server/domain/search/document'
import { reindex } from '../../server/domain/search/rebuild'
import { candidatePage } from '../../server/domain/search/source'
import type { Database } from '../../server/utils/db'
import type { MeiliEndpoint } from '../../server/utils/meiliProcess'
import { applyIndexSettings, configuredEndpoint, type SearchService } from '../../server/utils/search'
import { closeDb, openDb, openSearch, run } from '../lib/runtime'
import { writeFamilyCsv } from '../seed/generate'
import { seedRecords } from '../seed/load'
import { writeFamilyXlsx } from './xlsx'

const INGEST_TARGET = 5_000
const RATIO_TARGET = 0.8
const RAW_INDEX = 'bench_raw'

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`)
const seconds = (start: number) => (performance.now() - start) / 1000
const fmt = (n: number) => Math.round(n).toLocaleString('en-US')

function median(values: number[]): number {
  if (!values.length) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function positiveInt(name: string, value: string | undefined): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} 应为正整数：${value}`)
  return n
}

/** A fresh sub-directory of the bench directory made the DATA_DIR of what follows. */
function useDataDir(base: string, name: string, fresh: boolean): string {
  const dir = join(base, name)
  if (fresh) rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  process.env.DATA_DIR = dir
  return dir
}

// ---------------------------------------------------------------------------------------------------
// (a) ingest

type IngestFormat = 'csv' | 'xlsx'
interface IngestFigures { format: IngestFormat, rows: number, fileMiB: number, writeSeconds: number, first: number[], again: number[] }

async function benchIngest(base: string, format: IngestFormat, rows: number, runs: number, seed: number, today: string): Promise<IngestFigures> {
  const file = join(base, `penalty-${rows}.${format}`)
  let start = performance.now()
  const written = await (format === 'csv' ? writeFamilyCsv : writeFamilyXlsx)(file, 'penalty', rows, { seed, today })
  const writeSeconds = seconds(start)
  log(`wrote ${fmt(written)} penalty rows to ${file} (${(statSync(file).size / 2 ** 20).toFixed(1)} MiB) in ${writeSeconds.toFixed(1)} s`)
  const figures: IngestFigures = { format, rows, fileMiB: statSync(file).size / 2 ** 20, writeSeconds, first: [], again: [] }
  for (let i = 1; i <= runs; i++) {
    useDataDir(base, `ingest-${i}`, true)
    const db = await openDb()
    start = performance.now()
    const first = await ingestFile(db, createReadStream(file), { actor: 'bench', today })
    const firstSeconds = seconds(start)
    if (first.accepted !== rows || first.rejected !== 0) throw new Error(`ingest run ${i}: ${JSON.stringify({ ...first, errors: first.errors.slice(0, 5) })}`)
    start = performance.now()
    const again = await ingestFile(db, createReadStream(file), { actor: 'bench', today })
    const againSeconds = seconds(start)
    if (again.unchanged !== rows) throw new Error(`re-ingest run ${i}: ${JSON.stringify({ ...again, errors: again.errors.slice(0, 5) })}`)
    figures.first.push(rows / firstSeconds)
    figures.again.push(rows / againSeconds)
    log(`ingest ${format} run ${i}: new ${fmt(rows / firstSeconds)} rows/s (${firstSeconds.toFixed(1)} s), unchanged ${fmt(rows / againSeconds)} rows/s (${againSeconds.toFixed(1)} s)`)
    await closeDb()
    rmSync(join(base, `ingest-${i}`), { recursive: true, force: true })
  }
  return figures
}

// ---------------------------------------------------------------------------------------------------
// (b) index build

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 })

function request(endpoint: MeiliEndpoint, method: string, path: string, body?: string, contentType = 'application/json'): Promise<unknown> {
  return new Promise((resolvePromise, reject) => {
    const req = http.request(new URL(path, endpoint.url), {
      method,
      agent,
      headers: {
        authorization: `Bearer ${endpoint.apiKey}`,
        ...(body === undefined ? {} : { 'content-type': contentType, 'content-length': Buffer.byteLength(body) }),
      },
    }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', reject)
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        const status = res.statusCode ?? 0
        if (status < 200 || status >= 300) return reject(new Error(`${method} ${path}: ${status} ${text}`))
        resolvePromise(text ? JSON.parse(text) : undefined)
      })
    })
    req.on('error', reject)
    req.end(body)
  })
}

async function waitTasks(endpoint: MeiliEndpoint, uids: number[]): Promise<void> {
  // Tasks of one index run in order: wait for each in turn, most polls fall on the one being processed.
  for (const uid of uids) {
    for (;;) {
      const task = await request(endpoint, 'GET', `/tasks/${uid}`) as { status: string, error?: { message: string } }
      if (task.status === 'succeeded') break
      if (task.status === 'failed' || task.status === 'canceled') throw new Error(`task ${uid} ${task.status}: ${task.error?.message ?? ''}`)
      await sleep(50)
    }
  }
}

/** The documents our path would send, as NDJSON on disk (candidatePage + toSearchDocument, as reindex does). */
async function prepareDocuments(db: Database, file: string, today: string): Promise<{ documents: number, seconds: number }> {
  const start = performance.now()
  const out = createWriteStream(file)
  let documents = 0
  for (let afterId = 0; ;) {
    const page = await candidatePage(db, afterId, 10_000)
    if (!page.length) break
    afterId = page.at(-1)!.id
    const lines = page.map(s => toSearchDocument(s, today)).filter(d => d !== null).map(d => JSON.stringify(d))
    documents += lines.length
    if (lines.length && !out.write(`${lines.join('\n')}\n`)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  return { documents, seconds: seconds(start) }
}

/** The raw path: a fresh index with the same settings, the NDJSON posted in batches over plain HTTP. */
async function rawBuild(search: SearchService, endpoint: MeiliEndpoint, file: string, batch: number): Promise<number> {
  const start = performance.now()
  await search.client.deleteIndex(RAW_INDEX).waitTask({ timeout: 0 })
  await applyIndexSettings(search, RAW_INDEX)
  const uids: number[] = []
  let lines: string[] = []
  const send = async () => {
    if (!lines.length) return
    const body = lines.join('\n')
    lines = []
    const task = await request(endpoint, 'POST', `/indexes/${RAW_INDEX}/documents?primaryKey=id`, body, 'application/x-ndjson') as { taskUid: number }
    uids.push(task.taskUid)
  }
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line) continue
    lines.push(line)
    if (lines.length >= batch) await send()
  }
  await send()
  await waitTasks(endpoint, uids)
  return seconds(start)
}

async function documentCount(search: SearchService, index: string): Promise<number> {
  return (await search.client.index(index).getStats()).numberOfDocuments
}

interface IndexFigures {
  records: number
  documents: number
  seed?: { seconds: number, rowsPerSecond: number }
  prepare: { seconds: number, docsPerSecond: number, ndjsonMiB: number }
  ours: number[]
  raw: number[]
}

interface IndexOptions { records: number, runs: number, seed: number, today: string, reuse: boolean, analyze: boolean, rawBatch: number }

async function benchIndex(base: string, { records, runs, seed, today, reuse, analyze, rawBatch }: IndexOptions): Promise<IndexFigures> {
  const dir = useDataDir(base, 'index', !reuse)
  const db = await openDb()
  const existing = Number((await db.execute<{ n: string }>(sql`select count(*) as n from records`)).rows[0]?.n ?? 0)
  let seedFigures: IndexFigures['seed']
  if (existing >= records) {
    log(`reusing ${fmt(existing)} records in ${dir}`)
  }
  else {
    if (existing > 0) throw new Error(`${dir} holds ${existing} records, fewer than --records ${records}: drop --reuse`)
    log(`seeding ${fmt(records)} records into ${dir} …`)
    const start = performance.now()
    let reported = 0
    const result = await seedRecords(db, records, {
      seed,
      today,
      actor: 'bench',
      onProgress: (done, total) => {
        if (done > reported && (done === total || done - reported >= Math.max(60_000, total / 10))) {
          reported = done
          log(`  seeded ${fmt(done)} / ${fmt(total)} (${fmt(done / seconds(start))} rows/s)`)
        }
      },
    })
    if (result.rejected) throw new Error(`seeding rejected ${result.rejected} rows: ${JSON.stringify(result.errors.slice(0, 5))}`)
    const took = seconds(start)
    seedFigures = { seconds: took, rowsPerSecond: records / took }
    // The bench's own database: the index is built by reindex here, not by draining the outbox.
    await db.execute(sql`truncate outbox`)
  }
  if (analyze) {
    const start = performance.now()
    await db.execute(sql`analyze`)
    log(`ANALYZE took ${seconds(start).toFixed(1)} s`)
  }

  delete process.env.MEILI_URL // always the local Meilisearch under this DATA_DIR
  const opened = await openSearch(true)
  const endpoint = configuredEndpoint()
  if (!opened || !endpoint) throw new Error('Meilisearch could not be started')
  const { search, stop } = opened
  try {
    const file = join(dir, 'documents.ndjson')
    const prepared = await prepareDocuments(db, file, today)
    const ndjsonMiB = statSync(file).size / 2 ** 20
    log(`prepared ${fmt(prepared.documents)} public documents (${ndjsonMiB.toFixed(0)} MiB NDJSON) in ${prepared.seconds.toFixed(1)} s`)
    const figures: IndexFigures = {
      records: Math.max(records, existing),
      documents: prepared.documents,
      seed: seedFigures,
      prepare: { seconds: prepared.seconds, docsPerSecond: prepared.documents / prepared.seconds, ndjsonMiB },
      ours: [],
      raw: [],
    }
    const ours = async (i: number) => {
      const start = performance.now()
      let reported = 0
      const total = await reindex(db, search, (documents) => {
        if (documents - reported >= Math.max(100_000, prepared.documents / 5)) {
          reported = documents
          log(`  reindex: ${fmt(documents)} documents (${fmt(documents / seconds(start))} docs/s)`)
        }
      })
      const took = seconds(start)
      const indexed = await documentCount(search, search.indexName)
      if (total !== prepared.documents || indexed !== prepared.documents) throw new Error(`reindex gave ${total} documents, index holds ${indexed}, expected ${prepared.documents}`)
      figures.ours.push(total / took)
      log(`run ${i} ours: ${fmt(total / took)} docs/s (${took.toFixed(1)} s)`)
    }
    const raw = async (i: number) => {
      const took = await rawBuild(search, endpoint, file, rawBatch)
      const indexed = await documentCount(search, RAW_INDEX)
      if (indexed !== prepared.documents) throw new Error(`raw index holds ${indexed} documents, expected ${prepared.documents}`)
      figures.raw.push(prepared.documents / took)
      log(`run ${i} raw:  ${fmt(prepared.documents / took)} docs/s (${took.toFixed(1)} s)`)
      await search.client.deleteIndex(RAW_INDEX).waitTask({ timeout: 0 })
    }
    for (let i = 1; i <= runs; i++) {
      // Alternate the order so neither path always runs on a warmer (or fuller) machine.
      if (i % 2) {
        await ours(i)
        await raw(i)
      }
      else {
        await raw(i)
        await ours(i)
      }
    }
    return figures
  }
  finally {
    await stop()
  }
}

// ---------------------------------------------------------------------------------------------------

function benchDirectory(requested: string | undefined): string {
  const chosen = requested ?? process.env.DATA_DIR
  const dir = chosen ? resolve(chosen) : mkdtempSync('/tmp/bench-')
  if (dir === resolve('.data')) throw new Error('不要在项目数据目录 .data 中运行基准测试：请用 --dir 或 DATA_DIR 指定临时目录')
  mkdirSync(dir, { recursive: true })
  return dir
}

run(async () => {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '3' },
      'ingest-rows': { type: 'string', default: '100000' },
      'ingest-runs': { type: 'string', default: '3' },
      'ingest-format': { type: 'string', default: 'both' },
      'raw-batch': { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      dir: { type: 'string' },
      reuse: { type: 'boolean', default: false },
      analyze: { type: 'boolean', default: false },
      'skip-ingest': { type: 'boolean', default: false },
      'skip-index': { type: 'boolean', default: false },
    },
  })
  const records = positiveInt('records', values.records)
  const runs = positiveInt('runs', values.runs)
  const ingestRows = positiveInt('ingest-rows', values['ingest-rows'])
  const ingestRuns = positiveInt('ingest-runs', values['ingest-runs'])
  const rawBatch = positiveInt('raw-batch', values['raw-batch'])
  const formats: IngestFormat[] = values['ingest-format'] === 'both' ? ['csv', 'xlsx'] : [values['ingest-format'] as IngestFormat]
  if (!formats.every(f => f === 'csv' || f === 'xlsx')) throw new Error(`--ingest-format 应为 csv、xlsx 或 both：${values['ingest-format']}`)
  const seed = Number(values.seed)
  const today = todayInChina()
  const base = benchDirectory(values.dir)
  log(`directory ${base}`)

  const ingests: IngestFigures[] = []
  if (!values['skip-ingest']) for (const format of formats) ingests.push(await benchIngest(base, format, ingestRows, ingestRuns, seed, today))
  const index = values['skip-index'] ? undefined : await benchIndex(base, { records, runs, seed, today, reuse: values.reuse, analyze: values.analyze, rawBatch })

  const table: [string, string, string][] = [['基准项目', '中位数', '各次']]
  const row = (label: string, unit: string, list: number[]) => table.push([label, `${fmt(median(list))} ${unit}`, list.map(fmt).join(' / ')])
  for (const ingest of ingests) {
    row(`导入 ${fmt(ingest.rows)} 行处罚${ingest.format.toUpperCase()}（新增）`, 'rows/s', ingest.first)
    row('同一文件再次导入（无变化）', 'rows/s', ingest.again)
  }
  if (index) {
    if (index.seed) table.push([`生成并导入 ${fmt(index.records)} 条（ingestRows）`, `${fmt(index.seed.rowsPerSecond)} rows/s`, `${index.seed.seconds.toFixed(0)} s`])
    table.push([`读库生成文档（${fmt(index.documents)} 条公开）`, `${fmt(index.prepare.docsPerSecond)} docs/s`, `${index.prepare.seconds.toFixed(1)} s`])
    row('重建索引 reindex()（库→文档→Meilisearch）', 'docs/s', index.ours)
    row('直接HTTP写入（同样文档、同样设置）', 'docs/s', index.raw)
    const ratios = index.ours.map((o, i) => o / index.raw[i]!)
    table.push(['比值 ours/raw', (median(index.ours) / median(index.raw)).toFixed(2), ratios.map(r => r.toFixed(2)).join(' / ')])
  }
  // CJK characters take two columns in a terminal.
  const width = (text: string) => [...text].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2E80 ? 2 : 1), 0)
  const widths = [0, 1, 2].map(c => Math.max(...table.map(r => width(r[c as 0 | 1 | 2]))))
  for (const r of table) console.log(r.map((cell, c) => cell + ' '.repeat(widths[c]! - width(cell))).join('  ').trimEnd())

  const ratio = index ? median(index.ours) / median(index.raw) : undefined
  const ingestFigures = (ingest: IngestFigures | undefined) => ingest && {
    rows: ingest.rows,
    fileMiB: Number(ingest.fileMiB.toFixed(1)),
    rowsPerSecond: Math.round(median(ingest.first)),
    unchangedRowsPerSecond: Math.round(median(ingest.again)),
    runs: ingest.first.map(Math.round),
    unchangedRuns: ingest.again.map(Math.round),
    target: INGEST_TARGET,
    ok: median(ingest.first) >= INGEST_TARGET,
  }
  console.log(JSON.stringify({
    directory: base,
    ingest: ingestFigures(ingests.find(i => i.format === 'csv')),
    ingestXlsx: ingestFigures(ingests.find(i => i.format === 'xlsx')),
    index: index && {
      records: index.records,
      analyzed: values.analyze,
      documents: index.documents,
      seedRowsPerSecond: index.seed && Math.round(index.seed.rowsPerSecond),
      prepareDocsPerSecond: Math.round(index.prepare.docsPerSecond),
      oursDocsPerSecond: Math.round(median(index.ours)),
      rawDocsPerSecond: Math.round(median(index.raw)),
      oursRuns: index.ours.map(Math.round),
      rawRuns: index.raw.map(Math.round),
      ratio: ratio === undefined ? undefined : Number(ratio.toFixed(3)),
      /** The median of the ratios of each run's pair, which cancels drift between runs. */
      pairedRatio: Number(median(index.ours.map((o, i) => o / index.raw[i]!)).toFixed(3)),
      target: RATIO_TARGET,
      ok: ratio !== undefined && ratio >= RATIO_TARGET,
    },
  }))
})
