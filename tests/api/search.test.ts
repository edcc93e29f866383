import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, todayInChina } from '../../shared/utils/dates'
import type { SearchResult } from '../../shared/schemas/search'
import { residentId } from '../support/ids'
import { COMPANY, MARKET, licenseRow, penaltyRow } from '../support/rows'
import { startServer, waitForIndex, type TestServer } from '../support/server'

const recent = addDays(todayInChina(), -7)
const personId = residentId('211381', '19880101', '045')
const XSS_NAME = '<img src=x onerror=alert(1)>朝阳测试有限公司'
const XSS_CODE = '91211300MA0Y2K5T0H'
let server: TestServer

async function get(path: string) {
  const response = await fetch(`${server.url}${path}`)
  return { status: response.status, body: await response.json() as any }
}
const search = async (query: Record<string, string>) => (await get(`/api/search?${new URLSearchParams(query)}`)).body as SearchResult

beforeAll(async () => {
  server = await startServer()
  const key = (await server.cli('scripts/department-key.ts', [MARKET.creditCode])).stdout.trim().split('\n').at(-1)!
  const post = (kind: string, records: object[]) => fetch(`${server.url}/api/ingest`, {
    method: 'POST',
    headers: { 'authorization': `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind, records }),
  }).then(r => r.json())
  await post('penalty', [
    penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕801号', 处罚决定日期: recent }),
    penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕802号', 处罚决定日期: recent, 违法行为类型: '未按规定公示年度报告' }),
    penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕803号', 处罚决定日期: recent, 行政相对人名称: '钱七', 行政相对人类别: '自然人', 统一社会信用代码: '', 证件类型: '身份证', 证件号码: personId }),
    penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕804号', 处罚决定日期: recent, 行政相对人名称: XSS_NAME, 统一社会信用代码: XSS_CODE }),
  ])
  await post('license', [licenseRow({ 行政许可决定文书号: '朝市监许〔2026〕805号', 许可决定日期: recent, 有效期自: recent })])
  // Enough synthetic records that totals pass 1,000, through the running portal.
  const seeded = await server.cli('scripts/seed.ts', ['--records', '1500'])
  expect(seeded.status, seeded.stderr).toBe(0)
  await waitForIndex(server, 60_000)
})
afterAll(async () => {
  await server?.stop()
})

describe('GET /api/search', () => {
  it('counts exactly, beyond 1,000 hits', async () => {
    const all = await search({})
    const stats = (await get('/api/stats')).body
    expect(all.total).toBeGreaterThan(1000)
    expect(all.total).toBe(stats.publicRecords)
    const penalties = await search({ kind: 'penalty' })
    expect(penalties.total).toBe(all.facets.kind.penalty)
  })

  it('pages without overlap and returns facets by kind, department and year', async () => {
    const first = await search({ q: COMPANY.name, pageSize: '2' })
    const second = await search({ q: COMPANY.name, pageSize: '2', page: '2' })
    expect(first.pageSize).toBe(2)
    expect(second.page).toBe(2)
    expect(first.hits.map(h => h.id)).not.toEqual(expect.arrayContaining(second.hits.map(h => h.id)))
    expect(first.facets.department[MARKET.name]).toBeGreaterThanOrEqual(3)
    expect(Object.keys(first.facets.year)).toContain(recent.slice(0, 4))
  })

  it('puts the exact document number first and highlights matches', async () => {
    const result = await search({ q: '朝市监罚〔2026〕802号' })
    expect(result.total).toBe(1)
    expect(result.hits[0]!.documentNumber).toBe('朝市监罚〔2026〕802号')
    const named = await search({ q: '鑫达建材' })
    expect(named.hits[0]!.highlight.subjectName).toContain('<mark>')
  })

  it('finds simplified names from traditional characters', async () => {
    const traditional = await search({ q: '鑫達建材' })
    const simplified = await search({ q: '鑫达建材' })
    expect(traditional.total).toBeGreaterThan(0)
    expect(traditional.total).toBe(simplified.total)
  })

  it('does not pad the count with hits that miss a word', async () => {
    expect((await search({ q: '鑫达 不存在的词语组合' })).total).toBe(0)
  })

  it('answers a credit code with the subject, for the page to open its profile', async () => {
    const result = await search({ q: COMPANY.creditCode.toLowerCase() })
    expect(result.creditCode).toBe(COMPANY.creditCode)
    expect(result.hits.every(h => h.creditCode === COMPANY.creditCode)).toBe(true)
  })

  it('never shows a natural person or an ID number', async () => {
    expect((await search({ q: '钱七' })).total).toBe(0)
    expect((await search({ q: personId })).total).toBe(0)
    expect(JSON.stringify(await search({ q: '朝市监罚〔2026〕803号' }))).not.toContain(personId)
  })

  it('escapes markup in a company name', async () => {
    const result = await search({ q: '朝阳测试有限公司' })
    expect(result.hits[0]!.highlight.subjectName).toContain('&lt;img src=x onerror=alert(1)&gt;')
    const page = await fetch(`${server.url}/subjects/${XSS_CODE}`).then(r => r.text())
    expect(page).not.toContain('<img src=x')
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('names a bad parameter in a 400', async () => {
    const { status, body } = await get('/api/search?pageSize=51&year=abc')
    expect(status).toBe(400)
    expect(body.data.fields).toEqual({ year: ['年份应为数字'], pageSize: ['每页最多50条'] })
  })
})

describe('GET /api/subjects/:creditCode and /api/records/:id', () => {
  it('gives the profile with every public record, never an ID number', async () => {
    const { status, body } = await get(`/api/subjects/${COMPANY.creditCode}`)
    expect(status).toBe(200)
    expect(body.subject).toEqual({ name: COMPANY.name, creditCode: COMPANY.creditCode, kind: 'legal_entity', legalRepresentative: '王建国' })
    expect(body.records.map((r: { documentNumber: string }) => r.documentNumber)).toEqual(expect.arrayContaining(['朝市监罚〔2026〕801号', '朝市监罚〔2026〕802号', '朝市监许〔2026〕805号']))
    const record = await get(`/api/records/${body.records[0].id}`)
    expect(record.body.fields.find((f: { label: string }) => f.label === '统一社会信用代码').value).toBe(COMPANY.creditCode)
    expect(record.body.fields.some((f: { key: string }) => f.key === 'idNumber' || f.key === 'legalRepIdNumber')).toBe(false)
  })

  it('says which check digit is wrong, and 404s unknown subjects and non-public records', async () => {
    const wrong = await get(`/api/subjects/${COMPANY.creditCode.slice(0, 17)}R`)
    expect(wrong.status).toBe(404)
    expect(wrong.body.message).toBe('统一社会信用代码第18位校验码不正确，请核对营业执照')
    expect((await get('/api/subjects/91211300MA0Y2K3L9U')).status).toBe(404)
    const person = await search({ q: '朝市监罚〔2026〕803号' })
    expect(person.total).toBe(0)
    expect((await get('/api/records/999999999')).status).toBe(404)
    expect((await get('/api/records/abc')).status).toBe(404)
  })
})
