import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findDepartment } from '../../server/domain/departments'
import { ingestRows } from '../../server/domain/ingest'
import { ingestFile } from '../../server/domain/ingest/file'
import { rowsFromJson } from '../../server/domain/ingest/rows'
import { expirePublications } from '../../server/domain/records/expire'
import { drainAll, outboxLag } from '../../server/domain/search/outbox'
import { addDays, addMonths, todayInChina } from '../../shared/utils/dates'
import type { SearchService } from '../../server/utils/search'
import { createTestDatabase, type TestDatabase } from '../support/database'
import { residentId } from '../support/ids'
import { startTestSearch } from '../support/meili'
import { COMPANY, licenseRow, penaltyRow, toCsv } from '../support/rows'

const today = todayInChina()
const recent = addDays(today, -20)
const personId = residentId()
const legalRepId = residentId('211302', '19700101', '017')
let t: TestDatabase
let search: SearchService
let stopSearch: () => Promise<void>

const options = { actor: 'test' }
const csv = (rows: Record<string, string>[]) => Readable.from([Buffer.from(`\uFEFF${toCsv(rows)}`)])

async function indexed(): Promise<Record<string, unknown>[]> {
  const { results } = await search.records.getDocuments({ limit: 1000 })
  return results as unknown as Record<string, unknown>[]
}

/** The messy file a department really sends: full-width digits, stray spaces, traditional characters, bad rows. */
const messyRows = [
  penaltyRow({ 行政处罚决定书文号: '朝市监罚〔２０２６〕１号 ', 处罚决定日期: recent.replaceAll('-', '/'), 法定代表人证件类型: '身份证', 法定代表人证件号码: legalRepId, 违法事实: `当事人经营者（身份证${legalRepId}）虚假宣传` }),
  penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕2号', 统一社会信用代码: '91211300MA0Y2K3L8R' }),
  penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕3号', 违法事实: '  ' }),
  penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕4号', 行政相对人名称: '朝陽宏遠環保科技有限公司', 统一社会信用代码: '91211300MA0Y2K4P2Y', 行政相对人类别: '法人及非法人組織', 处罚决定日期: recent }),
  penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕5号', 行政相对人名称: '李四', 行政相对人类别: '自然人', 统一社会信用代码: '', 证件类型: '身份证', 证件号码: personId, 处罚决定日期: recent }),
  penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕6号', 处罚决定日期: addDays(today, 3) }),
  penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2022〕7号', 处罚决定日期: addMonths(today, -40) }),
  penaltyRow({ 行政处罚决定书文号: '朝税罚〔2026〕8号', 数据来源单位: '朝阳市中级人民法院', 数据来源单位统一社会信用代码: '11211300M21008255U', 处罚决定日期: recent }),
]

beforeAll(async () => {
  t = await createTestDatabase()
  ;({ search, stop: stopSearch } = await startTestSearch())
})
afterAll(async () => {
  await stopSearch?.()
  await t?.close()
})

describe('ingest pipeline', () => {
  it('reports exactly the bad rows of a messy CSV and indexes only what is public', async () => {
    const result = await ingestFile(t.db, csv(messyRows), options)
    expect(result).toMatchObject({ accepted: 4, updated: 0, unchanged: 0, rejected: 4 })
    expect(result.errors).toEqual([
      { row: 3, field: '统一社会信用代码', reason: '统一社会信用代码第18位校验码不正确，请核对营业执照' },
      { row: 4, field: '违法事实', reason: '必填项，不能为空' },
      { row: 7, field: '处罚决定日期', reason: expect.stringContaining('晚于今天') },
      { row: 9, field: '行政处罚决定书文号', reason: '朝阳市中级人民法院未获准报送“行政处罚”信息（公共信用信息目录）' },
    ])
    await drainAll(t.db, search)
    const documents = await indexed()
    expect(documents.map(d => d.documentNumber).sort()).toEqual(['朝市监罚〔2026〕1号', '朝市监罚〔2026〕4号'])
    expect(documents.find(d => d.documentNumber === '朝市监罚〔2026〕4号')?.subjectName).toBe('朝阳宏远环保科技有限公司')
    const everything = JSON.stringify(documents)
    expect(everything).not.toContain(personId)
    expect(everything).not.toContain(legalRepId)
    expect(everything).not.toContain('李四')
    const hits = await search.records.search('鑫达', { filter: `publicUntil >= ${today.replaceAll('-', '')}` })
    expect(hits.hits).toHaveLength(1)
  })

  it('reads the same file saved as GB18030 and reports it unchanged, creating no duplicate', async () => {
    const gbk = iconv.encode(toCsv(messyRows), 'gb18030')
    const result = await ingestFile(t.db, Readable.from([gbk]), options)
    expect(result).toMatchObject({ accepted: 0, updated: 0, unchanged: 4, rejected: 4 })
    const [{ n }] = (await t.db.execute<{ n: string }>(sql`select count(*) as n from records`)).rows as [{ n: string }]
    expect(Number(n)).toBe(4)
  })

  it('reads an .xlsx with date cells and numbers, and updates a changed record', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('许可')
    const row = licenseRow({ 许可决定日期: '', 有效期自: '' })
    sheet.addRow(Object.keys(row))
    const values: unknown[] = Object.values(row)
    const headers = Object.keys(row)
    values[headers.indexOf('许可决定日期')] = new Date(`${recent}T00:00:00Z`)
    values[headers.indexOf('有效期自')] = new Date(`${recent}T00:00:00Z`)
    sheet.addRow(values)
    sheet.addRow(Object.values(licenseRow({ 行政许可决定文书号: '朝市监许〔2026〕56号', 许可决定日期: recent, 有效期自: recent, 当前状态: '过期' })))
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
    const result = await ingestFile(t.db, Readable.from([buffer]), options)
    expect(result).toEqual({ accepted: 1, updated: 0, unchanged: 0, rejected: 1, errors: [{ row: 3, field: '当前状态', reason: '当前状态“过期”无效，应为：有效、无效' }] })

    const changed = await ingestFile(t.db, csv([{ ...messyRows[0]!, 处罚内容: '警告，罚款人民币三万元' }]), options)
    expect(changed).toMatchObject({ accepted: 0, updated: 1, unchanged: 0, rejected: 0 })
    await drainAll(t.db, search)
    const hit = (await indexed()).find(d => d.documentNumber === '朝市监罚〔2026〕1号')
    expect(hit?.content).toContain('三万元')
    expect((await indexed()).some(d => d.kind === 'license')).toBe(true)
  })

  it('holds a department to its own records when the key or --department names it', async () => {
    const tax = await findDepartment(t.db, '11211300M21001221R')
    const result = await ingestFile(t.db, csv([penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕9号' })]), { ...options, department: tax })
    expect(result.errors).toEqual([{ row: 2, field: '数据来源单位统一社会信用代码', reason: '数据来源单位与提交单位（朝阳市税务局）不一致，不能代其他单位报送' }])
  })

  it('takes list entries as JSON, public until their 有效期至', async () => {
    const office = await findDepartment(t.db, '11211300M210001145')
    const { family, rows } = rowsFromJson('blackList', [{
      名称: COMPANY.name, 统一社会信用代码: COMPANY.creditCode, 认定文书号: '朝发改信〔2026〕3号', 列入原因: '拒不履行行政处罚决定',
      认定依据: '《辽宁省社会信用条例》', 列入日期: recent, 有效期至: addDays(today, 10), 认定部门: office!.name, 认定部门统一社会信用代码: office!.creditCode,
    }])
    const result = await ingestRows(t.db, family, rows, { ...options, department: office })
    expect(result).toMatchObject({ accepted: 1, rejected: 0 })
    const [row] = (await t.db.execute<{ public_until: string }>(sql`select public_until::text from records where kind = 'blackList'`)).rows
    expect(row?.public_until).toBe(addDays(today, 10))
  })

  it('refuses rows whose text a broken encoding damaged, from CSV and JSON, and stores none of them', async () => {
    const good = penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕601号', 处罚决定日期: recent })
    const damaged = { ...good, 行政处罚决定书文号: '朝市监罚〔2026〕602号', 行政相对人名称: '朝阳县盛达房地产开发有限责任公司' }
    const reason = '行政相对人名称含有无法识别的字符（文件编码损坏），请检查文件后重新报送'
    /** The file's bytes with the last byte of 房 lost, as a bad copy or a bad cut leaves it. */
    const cut = (bytes: Buffer, encoded: Buffer) => {
      const at = bytes.indexOf(encoded) + encoded.length - 1
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)])
    }
    for (const file of [
      cut(Buffer.from(`\uFEFF${toCsv([good, damaged])}`), Buffer.from('房')),
      cut(iconv.encode(toCsv([good, damaged]), 'gb18030'), iconv.encode('房', 'gb18030')),
    ]) {
      const result = await ingestFile(t.db, Readable.from([file]), options)
      expect(result.errors).toEqual([{ row: 3, field: '行政相对人名称', reason }])
    }
    const { family, rows } = rowsFromJson('penalty', [{ ...good, 行政处罚决定书文号: '朝市监罚〔2026〕603号', 违法事实: '虚假宣传\u0000' }])
    expect((await ingestRows(t.db, family, rows, options)).errors).toEqual([{ row: 1, field: '违法事实', reason: '违法事实含有无法识别的字符（文件编码损坏），请检查文件后重新报送' }])
    const stored = await t.db.execute<{ document_number: string }>(sql`select document_number from records where document_number like '朝市监罚〔2026〕60_号'`)
    expect(stored.rows.map(r => r.document_number)).toEqual(['朝市监罚〔2026〕601号'])
  })
})

describe('leaving public view', () => {
  it('expires records past their period through the scheduled task, out of the index', async () => {
    await drainAll(t.db, search)
    expect((await indexed()).some(d => d.kind === 'blackList')).toBe(true)
    const expired = await expirePublications(t.db, addDays(today, 11))
    expect(expired).toHaveLength(1)
    await drainAll(t.db, search)
    expect((await indexed()).some(d => d.kind === 'blackList')).toBe(false)
    expect(await expirePublications(t.db, addDays(today, 11))).toEqual([])
  })
})

describe('Meilisearch outage', () => {
  it('keeps ingest working and catches the index up once search is back', async () => {
    await stopSearch()
    const result = await ingestFile(t.db, csv([penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕10号', 处罚决定日期: recent })]), options)
    expect(result.accepted).toBe(1)
    await expect(drainAll(t.db, search)).rejects.toThrow()
    expect(await outboxLag(t.db)).toBeGreaterThan(0)
    ;({ search, stop: stopSearch } = await startTestSearch())
    await drainAll(t.db, search)
    expect(await outboxLag(t.db)).toBe(0)
    expect((await indexed()).map(d => d.documentNumber)).toContain('朝市监罚〔2026〕10号')
  })
})
