import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, addMonths, todayInChina } from '../../shared/utils/dates'
import { residentId } from '../support/ids'
import { MARKET, licenseRow, penaltyRow, toCsv } from '../support/rows'
import { meiliOf, startServer, waitForIndex, type TestServer } from '../support/server'

const today = todayInChina()
const recent = addDays(today, -10)
const personId = residentId('211303', '19920815', '022')
let server: TestServer
let marketKey: string

async function ingest(body: FormData | object, key = marketKey) {
  const init: RequestInit = body instanceof FormData
    ? { method: 'POST', body, headers: { authorization: `Bearer ${key}` } }
    : { method: 'POST', body: JSON.stringify(body), headers: { 'authorization': `Bearer ${key}`, 'content-type': 'application/json' } }
  const response = await fetch(`${server.url}/api/ingest`, init)
  return { status: response.status, body: await response.json() as Record<string, any> }
}

function upload(content: string | Buffer, name = 'records.csv'): FormData {
  const form = new FormData()
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name)
  return form
}

async function indexedDocuments(): Promise<Record<string, unknown>[]> {
  const meili = meiliOf(server)
  const response = await fetch(`${meili.url}/indexes/records/documents?limit=1000`, { headers: { authorization: `Bearer ${meili.apiKey}` } })
  return ((await response.json()) as { results: Record<string, unknown>[] }).results
}

beforeAll(async () => {
  server = await startServer({ INGEST_MAX_UPLOAD_MB: '1' })
  const created = await server.cli('scripts/department-key.ts', [MARKET.creditCode])
  expect(created.status, created.stderr).toBe(0)
  marketKey = created.stdout.trim().split('\n').at(-1)!
})
afterAll(async () => {
  await server?.stop()
})

describe('POST /api/ingest', () => {
  it('refuses a request without a valid department key, in Chinese', async () => {
    const missing = await fetch(`${server.url}/api/ingest`, { method: 'POST' })
    expect(missing.status).toBe(401)
    expect((await missing.json()).message).toContain('缺少接口密钥')
    const wrong = await ingest({ kind: 'penalty', records: [] }, 'dk_not-a-key')
    expect(wrong.status).toBe(401)
    expect(wrong.body.message).toContain('接口密钥无效')
  })

  it('takes a messy CSV upload, lists the bad rows and indexes the good ones, never an ID number', async () => {
    const rows = [
      penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕201号', 处罚决定日期: recent, 行政相对人名称: '朝陽鑫達建材有限公司 ' }),
      penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕202号', 处罚决定日期: recent, '罚款金额（万元）': '-3' }),
      penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕203号', 处罚决定日期: recent, 行政相对人名称: '赵六', 行政相对人类别: '自然人', 统一社会信用代码: '', 证件类型: '身份证', 证件号码: personId }),
      penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2022〕204号', 处罚决定日期: addMonths(today, -40) }),
    ]
    const { status, body } = await ingest(upload(`\uFEFF${toCsv(rows)}`))
    expect(status).toBe(200)
    expect(body).toEqual({
      accepted: 3, updated: 0, unchanged: 0, rejected: 1,
      errors: [{ row: 3, field: '罚款金额（万元）', reason: '金额“-3”不是有效数字，请以万元为单位填写数字（如0.5）' }],
    })
    await waitForIndex(server)
    const documents = await indexedDocuments()
    expect(documents.map(d => d.documentNumber)).toEqual(['朝市监罚〔2026〕201号'])
    expect(documents[0]!.subjectName).toBe('朝阳鑫达建材有限公司')
    expect(JSON.stringify(documents)).not.toContain(personId)

    const again = await ingest(upload(`\uFEFF${toCsv(rows)}`))
    expect(again.body).toMatchObject({ accepted: 0, updated: 0, unchanged: 3, rejected: 1 })
  })

  it('takes an .xlsx upload, whatever its file name says', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Sheet1')
    const row = licenseRow({ 行政许可决定文书号: '朝市监许〔2026〕301号', 许可决定日期: recent, 有效期自: recent })
    sheet.addRow(Object.keys(row))
    sheet.addRow(Object.values(row))
    const { body } = await ingest(upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'upload.bin'))
    expect(body).toEqual({ accepted: 1, updated: 0, unchanged: 0, rejected: 0, errors: [] })
  })

  it('takes JSON with the same Chinese field names and names bad parameters', async () => {
    const ok = await ingest({ kind: 'penalty', records: [penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕401号', 处罚决定日期: recent }), { 行政相对人名称: '缺字段公司' }] })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ accepted: 1, rejected: 1, errors: [{ row: 2, field: '行政相对人类别', reason: '必填项，不能为空' }] })
    const bad = await ingest({ kind: 'fine', records: 'x' })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.body.data.fields).sort()).toEqual(['kind', 'records'])
  })

  it('answers a file it cannot read with a 400 that says why, and a too-large one with a 413', async () => {
    const garbage = await ingest(upload(Buffer.from([0x00, 0xFF, 0x13, 0x37, 0x0A, 0x41])))
    expect(garbage.status).toBe(400)
    expect(garbage.body.message).toContain('无法从表头识别数据类别')
    const missingColumns = await ingest(upload('行政相对人名称,行政处罚决定书文号\n某公司,1号\n'))
    expect(missingColumns.status).toBe(400)
    expect(missingColumns.body.message).toContain('缺少必填列：行政相对人类别')
    const huge = await ingest(upload(Buffer.alloc(1024 * 1024 + 10, 0x41)))
    expect(huge.status).toBe(413)
    expect(huge.body.message).toContain('1MB')
  })
})

describe('npm run ingest beside the running portal', () => {
  it('writes through the portal’s database and reaches its index', async () => {
    const file = join(server.dataDir, 'cli.csv')
    writeFileSync(file, toCsv([penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕501号', 处罚决定日期: recent })]))
    const run = await server.cli('scripts/ingest.ts', [file, '--department', MARKET.creditCode])
    expect(run.status, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).toEqual({ accepted: 1, updated: 0, unchanged: 0, rejected: 0, errors: [] })
    await waitForIndex(server)
    expect((await indexedDocuments()).map(d => d.documentNumber)).toContain('朝市监罚〔2026〕501号')
  })
})

describe('personal data', () => {
  it('never reaches the server’s log', () => {
    expect(server.output()).not.toContain(personId)
  })
})
