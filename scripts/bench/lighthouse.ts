// npm run bench:lighthouse -- [--runs 3] [--pages /,/search,/records] [--json out.json] [--records 2000] [--dir <DATA_DIR>]
//                             [--port N] [--output <build dir, .output>]
//
// Lighthouse 12 with its mobile defaults (Moto G Power screen, simulated slow 4G and 4× CPU slowdown) in Debian's
// chromium (CHROME_PATH, else /usr/bin/chromium) against the built server (.output: run `npm run build` first;
// the bench builds nothing, it measures what was built). Demo data is seeded into a temporary DATA_DIR (or --dir,
// seeded when empty), the server starts its own Meilisearch there, and every public page is audited --runs times:
// the median of each figure is printed per page beside the budget of issue 13. Exits non-zero when a page misses
// it. Timings depend on the machine and its load: compare runs made on the same machine, at rest.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import type { SearchResult } from '../../shared/schemas/search'
import type { CommitmentSearchResult } from '../../shared/schemas/commitments'
import type { CourseSummary, LearnerCourse } from '../../shared/schemas/training'
import { freePort } from '../../server/utils/net'
import { run } from '../lib/runtime'
import { startPortal } from './portal'

/** Issue 13's budget for every public page, on Lighthouse's mobile defaults. */
const BUDGET = { perf: 95, lcpMs: 1800, tbtMs: 150, cls: 0, a11y: 100, bestPractices: 100, seo: 100, jsKB: 90 }
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

const log = (message: string) => process.stderr.write(`[bench:lighthouse] ${message}\n`)

interface Figures {
  perf: number, lcpMs: number, tbtMs: number, cls: number, a11y: number, bestPractices: number, seo: number
  /** Compressed bytes of JavaScript received while the page loads, before anyone touches it (transfer size). */
  jsKB: number
  totalKB: number
}
interface PageResult { path: string, runs: Figures[], median: Figures, failedAudits: string[], misses: string[] }

interface Audit { id: string, score: number | null, scoreDisplayMode: string, numericValue?: number, details?: { items?: Record<string, unknown>[] } }
interface Lhr {
  audits: Record<string, Audit>
  categories: Record<string, { score: number | null, auditRefs: { id: string, weight: number }[] }>
  runtimeError?: { code: string, message: string }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function figuresOf(lhr: Lhr): Figures {
  const score = (category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100)
  const requests = (lhr.audits['network-requests']?.details?.items ?? []) as { resourceType?: string, transferSize?: number, sessionTargetType?: string }[]
  // The page's own scripts: what the service worker fetches in the background to precache is not the page's to run.
  const js = requests.filter(r => r.resourceType === 'Script' && (r.sessionTargetType ?? 'page') === 'page').reduce((sum, r) => sum + (r.transferSize ?? 0), 0)
  return {
    perf: score('performance'),
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
    a11y: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    jsKB: js / 1024,
    totalKB: (lhr.audits['total-byte-weight']?.numericValue ?? Number.NaN) / 1024,
  }
}

/** The audits that cost the accessibility, best-practices and SEO scores points: what a miss is made of. */
function failedAudits(lhr: Lhr): string[] {
  return CATEGORIES.filter(c => c !== 'performance').flatMap(category => (lhr.categories[category]?.auditRefs ?? [])
    .filter(ref => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
    .map(ref => `${category}:${ref.id}`))
}

function missesOf(m: Figures): string[] {
  const misses: string[] = []
  if (m.perf < BUDGET.perf) misses.push(`perf ${m.perf} < ${BUDGET.perf}`)
  if (m.lcpMs > BUDGET.lcpMs) misses.push(`LCP ${(m.lcpMs / 1000).toFixed(1)} s > ${BUDGET.lcpMs / 1000} s`)
  if (m.tbtMs > BUDGET.tbtMs) misses.push(`TBT ${Math.round(m.tbtMs)} ms > ${BUDGET.tbtMs} ms`)
  // Lighthouse shows CLS to three decimals: 0 is what shows as 0.000.
  if (m.cls >= 0.0005) misses.push(`CLS ${m.cls.toFixed(3)} > 0`)
  if (m.a11y < BUDGET.a11y) misses.push(`a11y ${m.a11y}`)
  if (m.bestPractices < BUDGET.bestPractices) misses.push(`BP ${m.bestPractices}`)
  if (m.seo < BUDGET.seo) misses.push(`SEO ${m.seo}`)
  if (m.jsKB > BUDGET.jsKB) misses.push(`JS ${m.jsKB.toFixed(0)} KB > ${BUDGET.jsKB} KB`)
  return misses
}

/** One Lighthouse run; a run whose trace went wrong (NO_NAVSTART and the like, on a loaded machine) is run again. */
async function audit(url: string, port: number): Promise<Lhr> {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] })
    const lhr = result?.lhr as unknown as Lhr | undefined
    if (lhr && !lhr.runtimeError) return lhr
    const reason = lhr?.runtimeError ? `${lhr.runtimeError.code} ${lhr.runtimeError.message}` : 'no result'
    if (attempt === 3) throw new Error(`${decodeURI(url)}: ${reason}`)
    log(`${decodeURI(url)}: ${reason}; running it again`)
  }
}

/** Seeds demo data with the project's own seed command, into a DATA_DIR with no database yet. */
function seed(dir: string, records: number): Promise<void> {
  log(`seeding ${records} demo records into ${dir}`)
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/seed.ts', '--records', String(records)], {
      env: { ...process.env, DATA_DIR: dir }, stdio: ['ignore', 'ignore', 'inherit'],
    })
    child.on('error', reject)
    child.on('close', status => status === 0 ? resolvePromise() : reject(new Error(`演示数据生成失败（退出码 ${status}）`)))
  })
}

async function getJson<T>(base: string, path: string): Promise<T> {
  const response = await fetch(`${base}${path}`)
  if (!response.ok) throw new Error(`${path} 返回 ${response.status}`)
  return await response.json() as T
}

/**
 * Every public page of the portal, with real ids from the seeded data: a profile and a record found by a search,
 * the demo course and its first lesson, a public commitment when there is one. The console, 我的 and pages that
 * need a sign-in are not public.
 */
async function publicPages(base: string): Promise<string[]> {
  const search = await getJson<SearchResult>(base, `/api/search?q=${encodeURIComponent('建材')}`)
  const hit = search.hits.find(h => h.creditCode) ?? search.hits[0]
  if (!hit?.creditCode) throw new Error('演示数据中没有可查询的企业信用记录')
  const courses = await getJson<{ items: CourseSummary[] }>(base, '/api/training/courses')
  const course = courses.items[0] ? await getJson<LearnerCourse>(base, `/api/training/courses/${courses.items[0].id}`) : null
  const commitments = await getJson<CommitmentSearchResult>(base, '/api/commitments')
  const pages = [
    '/', `/search?q=${'建材'}`, `/subjects/${hit.creditCode}`, `/records/${hit.id}`,
    '/commitments', '/training', '/login', '/repair',
    '/lists/red', '/lists/black', '/lists/watch', '/lists/defaulters', '/publicity/licenses', '/publicity/penalties', '/objections', '/registrations', '/signup', '/reset',
  ]
  if (course) pages.push(`/training/${course.id}`)
  if (course?.lessonList[0]) pages.push(`/training/${course.id}/lessons/${course.lessonList[0].id}`)
  if (commitments.hits[0]) pages.push(`/commitments/${commitments.hits[0].code}`)
  else log('no public commitment in the demo data: /commitments/<code> not audited')
  log('no training certificate in the demo data: /certificates/<number> not audited')
  return pages
}

/** `--pages /,/search`: a page is chosen by its path, or by the path it starts with (`/search` → `/search?q=建材`). */
function chosen(filter: string | undefined, path: string): boolean {
  if (!filter) return true
  return filter.split(',').map(f => f.trim()).filter(Boolean)
    .some(f => path === f || path.startsWith(`${f}/`) || path.startsWith(`${f}?`))
}

const pad = (value: string, width: number) => value.padStart(width)

function table(results: PageResult[]): string {
  const head = ['page'.padEnd(34), pad('perf', 4), pad('LCP s', 6), pad('TBT ms', 6), pad('CLS', 5), pad('a11y', 4), pad('BP', 3), pad('SEO', 3), pad('JS KB', 6), pad('total KB', 8), ' budget']
  const lines = [head.join(' | ')]
  for (const r of results) {
    const m = r.median
    lines.push([
      decodeURIComponent(r.path).padEnd(34 - [...decodeURIComponent(r.path)].filter(c => c.charCodeAt(0) > 0x2E80).length),
      pad(String(m.perf), 4), pad((m.lcpMs / 1000).toFixed(2), 6), pad(String(Math.round(m.tbtMs)), 6), pad(m.cls.toFixed(3), 5),
      pad(String(m.a11y), 4), pad(String(m.bestPractices), 3), pad(String(m.seo), 3),
      pad(m.jsKB.toFixed(1), 6), pad(m.totalKB.toFixed(0), 8), r.misses.length ? ` MISSED: ${r.misses.join(', ')}` : ' met',
    ].join(' | '))
  }
  return lines.join('\n')
}

/** The commit measured, for the record (empty outside a git work tree). */
function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  }
  catch {
    return ''
  }
}

run(async () => {
  const { values } = parseArgs({
    options: {
      'runs': { type: 'string', default: '3' },
      'pages': { type: 'string' },
      'json': { type: 'string' },
      'records': { type: 'string', default: '2000' },
      'dir': { type: 'string' },
      'port': { type: 'string' },
      'output': { type: 'string', default: '.output' },
    },
  })
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs 应为正整数：${values.runs}`)
  const records = Number(values.records)
  if (!Number.isInteger(records) || records < 1) throw new Error(`--records 应为正整数：${values.records}`)
  const port = values.port ? Number(values.port) : await freePort()
  if (!Number.isInteger(port) || port < 1 || port > 65534) throw new Error(`--port 应为端口号：${values.port}`)
  const output = resolve(values.output)
  if (!existsSync(join(output, 'server/index.mjs'))) throw new Error(`没有找到构建产物 ${values.output}：请先运行 npm run build`)
  log(`auditing the build in ${output} of ${statSync(join(output, 'nitro.json')).mtime.toISOString()}`)

  const dir = values.dir ? resolve(values.dir) : mkdtempSync(join(tmpdir(), 'bench-lighthouse-'))
  const temporary = !values.dir
  if (!existsSync(dir) || readdirSync(dir).length === 0) await seed(dir, records)
  const portal = await startPortal(dir, port, log, output)
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
    ...(values.port ? { port: port + 1 } : {}),
  })
  const stop = () => {
    chrome.kill()
    portal.stop()
    if (temporary) rmSync(dir, { recursive: true, force: true })
  }
  // Interrupted, it still stops what it started.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop()
      process.exit(130)
    })
  }
  try {
    const pages = (await publicPages(portal.base)).filter(path => chosen(values.pages, path))
    if (!pages.length) throw new Error(`--pages 没有选中任何页面：${values.pages}`)
    const results: PageResult[] = []
    for (const path of pages) {
      const figures: Figures[] = []
      const failed = new Set<string>()
      for (let i = 1; i <= runs; i++) {
        const lhr = await audit(`${portal.base}${encodeURI(path)}`, chrome.port)
        figures.push(figuresOf(lhr))
        for (const audit of failedAudits(lhr)) failed.add(audit)
        log(`${decodeURIComponent(path)} run ${i}/${runs}: perf ${figures.at(-1)!.perf}, LCP ${(figures.at(-1)!.lcpMs / 1000).toFixed(2)} s, TBT ${Math.round(figures.at(-1)!.tbtMs)} ms`)
      }
      const keys = Object.keys(figures[0]!) as (keyof Figures)[]
      const med = Object.fromEntries(keys.map(k => [k, median(figures.map(f => f[k]))])) as unknown as Figures
      results.push({ path, runs: figures, median: med, failedAudits: [...failed].sort(), misses: missesOf(med) })
    }
    console.log(`\nLighthouse 12 mobile (simulated slow 4G, 4× CPU), median of ${runs} run(s) per page · ${new Date().toISOString()} · commit ${gitCommit()}`)
    console.log(table(results))
    const audits = results.filter(r => r.failedAudits.length)
    if (audits.length) {
      console.log('\naudits that cost points (in any run):')
      for (const r of audits) console.log(`  ${decodeURIComponent(r.path)}: ${r.failedAudits.join(', ')}`)
    }
    if (values.json) writeFileSync(values.json, `${JSON.stringify({ date: new Date().toISOString(), commit: gitCommit(), runs, budget: BUDGET, pages: results }, null, 2)}\n`)
    const missed = results.filter(r => r.misses.length)
    if (missed.length) throw new Error(`${missed.length} / ${results.length} 个页面未达到性能预算`)
    log(`all ${results.length} pages within the budget`)
  }
  finally {
    stop()
  }
})
