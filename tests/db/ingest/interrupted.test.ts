import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestRows } from '../../../server/domain/ingest'
import { IngestInterruptedError } from '../../../server/domain/ingest/interrupted'
import type { RawRow } from '../../../server/domain/ingest/rows'
import { openDatabase } from '../../../server/utils/db'
import { addDays, todayInChina } from '../../../shared/utils/dates'
import { writeFamilyCsv } from '../../../scripts/seed/generate'
import { createTestDatabase, type TestDatabase } from '../../support/database'
import { keyed, penaltyRow } from '../../support/rows'

/**
 * The database goes away in the middle of a file (issue 12 §4: a killed portal under `npm run ingest`).
 * Nothing is mocked: the embedded database stops serving, or the PostgreSQL database refuses connections
 * and its sessions are terminated. The ingest must stop and say what is saved, not call good rows bad.
 */

const today = todayInChina()
const recent = addDays(today, -5)
let t: TestDatabase

const count = async () => Number((await t.db.execute<{ n: string }>(sql`select count(*) as n from records`)).rows[0]!.n)

beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(async () => {
  await t?.close()
})

describe('a database lost mid-ingest', () => {
  it('stops the ingest, says which rows are saved and from which to send again, and refuses no good row', async () => {
    // The ingest has its own connection, as `npm run ingest` beside the portal has.
    const own = await openDatabase(t.url ?? '')
    let firstBatchSaved!: () => void
    const saved = new Promise<void>((resolve) => {
      firstBatchSaved = resolve
    })
    let restore: (() => Promise<void>) | undefined
    /** 1,000 rows (rows 7 and 122 bad); before row 152, once the first batch of 100 is saved, the database goes. */
    async function* rows(): AsyncGenerator<RawRow> {
      for (let i = 0; i < 1000; i++) {
        if (i === 150) {
          await saved
          restore = await t.outage()
        }
        const bad: Record<string, string> = i === 5 || i === 120 ? { 统一社会信用代码: '91211300MA0Y2K3L8R' } : {}
        yield { row: i + 2, values: keyed('penalty', penaltyRow({ 行政处罚决定书文号: `朝市监罚〔2026〕${1000 + i}号`, 处罚决定日期: recent, ...bad })) }
      }
    }
    try {
      const error = await ingestRows(own.db, 'penalty', rows(), { actor: 'test', batchSize: 100, onProgress: () => firstBatchSaved() })
        .then(() => null, (e: unknown) => e)
      expect(error).toBeInstanceOf(IngestInterruptedError)
      const { progress, message } = error as IngestInterruptedError
      // Rows 2–102 hold the first batch of 100 (saved) and the bad row 7; row 103 opens the batch that failed.
      // Row 122 was refused too, but after that point: it is reported again when sent again.
      expect(progress).toMatchObject({
        firstRow: 2,
        resendFrom: 103,
        result: { accepted: 100, updated: 0, unchanged: 0, rejected: 1, errors: [{ row: 7, field: '统一社会信用代码', reason: expect.stringContaining('校验码') }] },
      })
      expect(message).toMatch(/^导入中断：无法写入数据库（[^）]+），已停止导入。/)
      expect(message).toContain('第2行至第102行已处理完毕：已保存100行（新增100、更新0、未变化0），1行未通过（见错误清单）。请从第103行起重新报送')
      expect(message).not.toContain('该行保存失败')
    }
    finally {
      await restore?.()
      await own.close().catch(() => {})
    }
    expect(await count()).toBe(100)
  })

  it('makes `npm run ingest` exit non-zero with the same account, and what it says is saved is in the database', { timeout: 300_000 }, async () => {
    const before = await count()
    const file = join(t.dataDir, 'penalty.csv')
    await writeFamilyCsv(file, 'penalty', 30_000, { seed: 7, today })
    const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: t.dataDir, DATABASE_URL: t.url }
    if (!t.url) delete env.DATABASE_URL
    const cli = spawn('npx', ['tsx', 'scripts/ingest.ts', file], { env })
    let stdout = ''
    let stderr = ''
    let restore: Promise<() => Promise<void>> | undefined
    cli.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    cli.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      // The CLI reports progress every 10,000 rows: the database goes at the first report.
      if (!restore && stderr.includes('已处理')) restore = t.outage()
    })
    const status = await new Promise<number | null>(resolve => cli.on('close', resolve))
    await (await restore!)()
    expect(stderr, stderr).toContain('导入中断：无法写入数据库')
    expect(status).toBe(1)
    const [, savedRows, resendFrom] = /已保存(\d+)行.*请从第(\d+)行起重新报送/.exec(stderr) ?? []
    expect(Number(savedRows)).toBeGreaterThanOrEqual(10_000)
    expect(Number(resendFrom)).toBeLessThan(30_002)
    expect(await count()).toBe(before + Number(savedRows))
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toMatchObject({ accepted: Number(savedRows), rejected: 0, errors: [] })
    expect(stdout + stderr).not.toContain('该行保存失败')
  })
})
