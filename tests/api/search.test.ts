import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, chineseDate, todayInChina } from '../../shared/utils/dates'
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
    // Inside an attribute value (the page's description) a '<' is text, not markup: only the rest may not hold it.
    expect(page.replaceAll(/="[^"]*"/g, '=""')).not.toContain('<img src=x')
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

describe('finding things on the public pages (SSR)', () => {
  const html = (path: string) => fetch(`${server.url}${path}`).then(async r => ({ status: r.status, text: await r.text() }))
  const count = (text: string) => Number(/共 <strong>([\d,]+)<\/strong> 条/.exec(text)?.[1]?.replaceAll(',', ''))

  it('shows the four lists as tabs of one 红黑名单 page, each searchable, the old addresses as tabs', async () => {
    const tabs = ['/lists/red', '/lists/black', '/lists/watch', '/lists/defaulters']
    const kinds = ['redList', 'blackList', 'watchList', 'judgmentDefaulter'] as const
    const current = (text: string, path: string) => new RegExp(`<a[^>]*href="${path}"[^>]*aria-current="page"|<a[^>]*aria-current="page"[^>]*href="${path}"`).test(text)
    for (const [i, path] of tabs.entries()) {
      const { status, text } = await html(path)
      expect(status).toBe(200)
      expect(text).toContain('红黑名单')
      for (const other of tabs) expect(text).toContain(`href="${other}"`)
      expect(current(text, path)).toBe(true)
      const total = (await search({ kind: kinds[i]! })).total
      expect(total, kinds[i]).toBeGreaterThan(0)
      expect(count(text)).toBe(total)
      expect(text).toContain(`action="${path}"`)
    }
    expect(current((await html('/lists')).text, '/lists/red')).toBe(true)
    expect((await html('/lists/nothing')).status).toBe(404)
    // Searchable within one list: a name of a black-listed subject finds only black-list entries.
    const black = (await search({ kind: 'blackList', pageSize: '1' })).hits[0]!
    const found = await html(`/lists/black?q=${encodeURIComponent(black.subjectName)}`)
    expect(count(found.text)).toBe((await search({ kind: 'blackList', q: black.subjectName })).total)
  })

  it('never says 黑名单 twice on a black-list card', async () => {
    const { hits } = await search({ kind: 'blackList' })
    expect(hits.length).toBeGreaterThan(0)
    for (const hit of hits) expect(hit.title).not.toContain('黑名单')
  })

  it('shows licences and penalties as the two tabs of 双公示, linked from the home page', async () => {
    expect((await html('/')).text).toContain('href="/publicity"')
    const licenses = await html('/publicity')
    expect(licenses.text).toContain('双公示')
    expect(licenses.text).toContain('href="/publicity/penalties"')
    expect(count(licenses.text)).toBe((await search({ kind: 'license' })).total)
    const penalties = await html('/publicity/penalties')
    expect(penalties.text).toContain('href="/publicity/licenses"')
    expect(count(penalties.text)).toBe((await search({ kind: 'penalty' })).total)
  })

  it('says which character of a mistyped credit code is wrong', async () => {
    expect((await search({ q: '91211300MA4UH5U3NX' })).creditCodeProblem).toBe('统一社会信用代码第18位校验码不正确，请核对营业执照')
    expect((await search({ q: '91211300MA4UH5U3N' })).creditCodeProblem).toBe('统一社会信用代码应为18位，当前为17位')
    expect((await search({ q: '鑫达建材' })).creditCodeProblem).toBeUndefined()
    const { text } = await html('/search?q=91211300MA4UH5U3NX')
    expect(text).toContain('统一社会信用代码第18位校验码不正确，请核对营业执照')
    expect(text).not.toContain('统一社会信用代码为18位')
  })

  it('says that a page is past the end and links to the last page', async () => {
    const { total, pageSize } = await search({})
    const last = Math.ceil(total / pageSize)
    const { text } = await html('/search?page=999')
    expect(text).toContain('第999页超出了查询结果的范围')
    expect(text).toContain(`page=${last}"`)
    expect(text).toContain(`转到最后一页（第${last.toLocaleString('zh-CN')}页）`)
    expect(text).not.toContain('没有找到相关信用信息')
    expect((await html('/lists/black?page=999')).text).toContain('第999页超出了查询结果的范围')
  })

  it('shows dates in the one format for people', async () => {
    const { hits } = await search({ q: '朝市监罚〔2026〕801号' })
    const { text } = await html(`/records/${hits[0]!.id}`)
    expect(text).toContain(chineseDate(recent))
    expect(text).not.toContain(`>${recent}<`)
    expect((await html('/search?q=鑫达建材')).text).toContain(chineseDate(recent))
  })
})
