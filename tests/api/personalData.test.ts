import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, todayInChina } from '../../shared/utils/dates'
import { staff } from '../support/client'
import { residentId } from '../support/ids'
import { ingestAccepted } from '../support/ingest'
import { COMPANY, MARKET, penaltyRow } from '../support/rows'
import { meiliOf, startServer, waitForIndex, type TestServer } from '../support/server'

// DOMAIN.md rule 7: an ID number typed into free text reaches no public answer, page, index document or log.
const recent = addDays(todayInChina(), -7)
const spacedId = residentId('211302', '19650622', '320')
const letterId = residentId('211303', '19780914', '051')
const oldId = `${'211381'}${'570302'}${'113'}`
const spaced = `${spacedId.slice(0, 6)} ${spacedId.slice(6, 14)} ${spacedId.slice(14)}`
/** What must appear nowhere: each number's digits after the three a mask keeps. */
const secrets = [spacedId, letterId].map(id => id.slice(3, 17)).concat(oldId.slice(3))
const DOCUMENT = '朝市监罚〔2026〕911号'

let server: TestServer

/** The text with its digits only, so a number split by spaces or other characters is still found. */
function expectNoIdNumber(text: string, where: string) {
  const digits = text.replace(/[^0-9]/g, '')
  for (const secret of secrets) expect(digits, where).not.toContain(secret)
}

beforeAll(async () => {
  server = await startServer()
  await ingestAccepted(server, MARKET.creditCode, 'penalty', [penaltyRow({
    行政处罚决定书文号: DOCUMENT,
    处罚决定日期: recent,
    违法行为类型: `经办人ID${letterId}未按规定公示`,
    违法事实: `当事人委托的经办人（身份证号${spaced}）未按规定公示年度报告`,
    备注: `原经办人旧身份证${oldId}`,
  })])
  await waitForIndex(server)
})
afterAll(async () => {
  await server?.stop()
})

describe('ID numbers typed into free text', () => {
  it('are masked in the profile, the record and their pages', async () => {
    const profile = await fetch(`${server.url}/api/subjects/${COMPANY.creditCode}`).then(r => r.json() as Promise<{ records: { id: number, documentNumber: string, title: string }[] }>)
    const listed = profile.records.find(r => r.documentNumber === DOCUMENT)!
    expect(listed.title).toBe(`经办人ID211${'*'.repeat(15)}未按规定公示`)
    expectNoIdNumber(JSON.stringify(profile), 'profile API')
    const record = await fetch(`${server.url}/api/records/${listed.id}`).then(r => r.text())
    expect(record).toContain(`身份证号211${'*'.repeat(15)}`)
    expectNoIdNumber(record, 'record API')
    expectNoIdNumber(await fetch(`${server.url}/records/${listed.id}`).then(r => r.text()), 'record page')
    expectNoIdNumber(await fetch(`${server.url}/subjects/${COMPANY.creditCode}`).then(r => r.text()), 'profile page')
  })

  it('are neither in the search index nor findable by search', async () => {
    for (const q of [spaced, spacedId, letterId, oldId, spacedId.slice(6, 14)]) {
      const found = await fetch(`${server.url}/api/search?${new URLSearchParams({ q })}`).then(r => r.json() as Promise<{ total: number }>)
      expect(found.total, q).toBe(0)
    }
    const hits = await fetch(`${server.url}/api/search?${new URLSearchParams({ q: DOCUMENT })}`).then(r => r.text())
    expect(hits).toContain(DOCUMENT)
    expectNoIdNumber(hits, 'search API')
    const meili = meiliOf(server)
    const documents = await fetch(`${meili.url}/indexes/records/documents?limit=1000`, { headers: { authorization: `Bearer ${meili.apiKey}` } }).then(r => r.text())
    expect(documents).toContain(DOCUMENT)
    expectNoIdNumber(documents, 'Meilisearch documents')
    const direct = await fetch(`${meili.url}/indexes/records/search`, {
      method: 'POST', headers: { 'authorization': `Bearer ${meili.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ q: spaced }),
    }).then(r => r.json() as Promise<{ hits: unknown[] }>)
    expect(direct.hits).toEqual([])
  })
})

describe('the server log', () => {
  it('holds no ID number when a query fails with one among its parameters', async () => {
    const admin = await staff(server, 'admin', 'admin@credit.gov.cn')
    // The database refuses a NUL byte in a parameter, and Drizzle's message quotes every parameter.
    const reply = await admin.get(`/api/admin/audit?${new URLSearchParams({ actor: `${spacedId}\u0000` })}`)
    expect(reply.status).not.toBe(200)
    const page = await admin.call('GET', `/api/admin/audit?${new URLSearchParams({ actor: `${letterId}\u0000` })}`, undefined, { accept: 'text/html' })
    expect(page.status).not.toBe(200)
    expectNoIdNumber(server.output(), 'server log')
  })

  it('never holds any of them', () => {
    expectNoIdNumber(server.output(), 'server log')
  })
})
