import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Client, staff } from '../support/client'
import { MARKET, TAX, penaltyRow, toCsv } from '../support/rows'
import { startServer, type TestServer } from '../support/server'

let server: TestServer
let office: Client
let reviewer: Client
let market: { id: number, kinds: string[] }
let tax: { id: number }

function csv(rows: Record<string, string>[]) {
  const form = new FormData()
  form.append('file', new Blob([toCsv(rows)]), 'penalties.csv')
  return form
}

const ingestWith = (key: string, rows: Record<string, string>[]) =>
  fetch(`${server.url}/api/ingest`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: csv(rows) })

beforeAll(async () => {
  server = await startServer()
  office = await staff(server, 'credit_office', 'office@credit.gov.cn')
  reviewer = await staff(server, 'department_reviewer', 'reviewer@market.gov.cn', MARKET.creditCode)
  const { body } = await office.get('/api/admin/departments')
  market = body.items.find((d: { creditCode: string }) => d.creditCode === MARKET.creditCode)
  tax = body.items.find((d: { creditCode: string }) => d.creditCode === TAX.creditCode)
})
afterAll(async () => {
  await server?.stop()
})

describe('departments in the console', () => {
  it('creates a key shown once, rotates it and revokes it, each taking effect at once', async () => {
    const created = await office.post(`/api/admin/departments/${market.id}/keys`, { label: '业务系统' })
    expect(created.status).toBe(201)
    const first: string = created.body.key
    expect((await ingestWith(first, [penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕801号' })])).status).toBe(200)
    const listed = (await office.get('/api/admin/departments')).body.items.find((d: { id: number }) => d.id === market.id)
    expect(JSON.stringify(listed)).not.toContain(first)
    const keyId = listed.keys[0].id

    const rotated = await office.post(`/api/admin/departments/${market.id}/keys`, { label: '业务系统（更换）', replaces: keyId })
    expect((await ingestWith(first, [])).status).toBe(401)
    expect((await ingestWith(rotated.body.key, [penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕802号' })])).status).toBe(200)

    const newId = (await office.get('/api/admin/departments')).body.items.find((d: { id: number }) => d.id === market.id).keys[0].id
    expect((await office.call('DELETE', `/api/admin/departments/${market.id}/keys/${newId}`)).status).toBe(200)
    expect((await ingestWith(rotated.body.key, [])).status).toBe(401)
    // Another department's key id under this department is not found, not revoked.
    expect((await office.call('DELETE', `/api/admin/departments/${tax.id}/keys/${newId}`)).status).toBe(404)
  })

  it('changes what a department may publish, audited, and ingest follows', async () => {
    const key = (await office.post(`/api/admin/departments/${market.id}/keys`, {})).body.key
    const bad = await office.call('PUT', `/api/admin/departments/${market.id}/catalog`, { kinds: ['penalty', 'nonsense'] })
    expect(bad.body.data.fields['kinds.1']).toEqual(['信息类别无效'])
    const kinds = market.kinds.filter(k => k !== 'penalty')
    expect((await office.call('PUT', `/api/admin/departments/${market.id}/catalog`, { kinds })).status).toBe(200)
    const refused = await (await ingestWith(key, [penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕803号' })])).json()
    expect(refused.rejected, JSON.stringify(refused)).toBe(1)
    expect(refused.errors[0].reason).toContain('未获准报送“行政处罚”')
    await office.call('PUT', `/api/admin/departments/${market.id}/catalog`, { kinds: market.kinds })
  })
})

describe('ingest in the console', () => {
  it('takes a reviewer’s file for its own department and refuses another department', async () => {
    const own = await reviewer.call('POST', `/api/admin/ingest?department=${market.id}`, csv([penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕804号' })]))
    expect(own.body, JSON.stringify(own.body)).toMatchObject({ accepted: 1, rejected: 0 })
    const other = await reviewer.call('POST', `/api/admin/ingest?department=${tax.id}`, csv([penaltyRow()]))
    expect([other.status, other.body.message]).toEqual([403, '只能为本部门上传数据'])
    const missing = await reviewer.call('POST', '/api/admin/ingest', csv([penaltyRow()]))
    expect(missing.body.data.fields.department).toBeDefined()
  })

  it('records who uploaded and who changed a catalog, for the admin’s audit view', async () => {
    const admin = await staff(server, 'admin', 'admin@credit.gov.cn')
    const audit = await admin.get('/api/admin/audit?action=records.ingest')
    expect(audit.body.items.map((e: { actor: string }) => e.actor)).toEqual(expect.arrayContaining([expect.stringMatching(/^user:\d+:department_reviewer$/)]))
    const catalog = await admin.get('/api/admin/audit?action=catalog.update&entity=department')
    expect(catalog.body.items.map((e: { entityId: string }) => e.entityId)).toEqual([String(market.id), String(market.id)])
    const bad = await admin.get('/api/admin/audit?since=yesterday')
    expect(bad.body.data.fields.since).toEqual(['起始日期格式应为 YYYY-MM-DD'])
  })
})
