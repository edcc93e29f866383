import { createPublicKey, verify } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commitmentTypes, type CommitmentType } from '../../shared/commitments'
import { Client } from '../support/client'
import { signInCast } from '../support/cast'
import { ingestAccepted } from '../support/ingest'
import { COMPANY, MARKET, OTHER, TAX, penaltyRow } from '../support/rows'
import { meiliOf, startServer, waitForIndex, type TestServer } from '../support/server'
import { signaturePng } from '../support/signature'
import { sqlOn } from '../support/sql'

let server: TestServer
let office: Client
let marketReviewer: Client
let taxReviewer: Client
let agent: Client
let otherAgent: Client
let anonymous: Client
let subjectId: number
let templates: { id: number, type: CommitmentType, version: number, content: string }[]
let market: number
let tax: number
const signed: Record<string, { id: number, code: string }> = {}

const templateOf = (type: CommitmentType) => templates.find(t => t.type === type)!
let keys = 0

function sign(client: Client, type: CommitmentType, extra: Record<string, unknown> = {}) {
  return client.post('/api/commitments', {
    subjectId, templateId: templateOf(type).id, matter: '食品经营许可', acceptingDepartmentId: market, judgingDepartmentId: market,
    disclosure: 'public', signature: signaturePng(1 + (keys % 5)), requestKey: `commit-${type}-${++keys}`, ...extra,
  })
}

async function indexedCodes(): Promise<string[]> {
  const meili = meiliOf(server)
  const response = await fetch(`${meili.url}/indexes/records-commitments/documents?limit=1000`, { headers: { authorization: `Bearer ${meili.apiKey}` } })
  return ((await response.json()) as { results: { code: string }[] }).results.map(d => d.code)
}

beforeAll(async () => {
  server = await startServer()
  await ingestAccepted(server, MARKET.creditCode, 'penalty', [
    penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕701号' }),
    penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕702号', 行政相对人名称: OTHER.name, 统一社会信用代码: OTHER.creditCode }),
  ])
  ;({ office, marketReviewer, taxReviewer, agent, otherAgent } = await signInCast(server))
  anonymous = new Client(server)
  subjectId = (await agent.get('/api/me')).body.subjects[0].id
  const options = await agent.get(`/api/me/subjects/${subjectId}/commitment-options`)
  expect(options.status).toBe(200)
  templates = options.body.templates
  market = options.body.departments.find((d: { name: string }) => d.name === MARKET.name).id
  tax = options.body.departments.find((d: { name: string }) => d.name === TAX.name).id
})
afterAll(async () => {
  await server?.stop()
})

describe('信用承诺: templates', () => {
  it('a fresh database has one standard template per type, filled with the subject on the signing form', async () => {
    expect(templates.map(t => t.type).sort()).toEqual([...commitmentTypes].sort())
    const options = await agent.get(`/api/me/subjects/${subjectId}/commitment-options`)
    expect(options.body.subject).toMatchObject({ name: COMPANY.name, creditCode: COMPANY.creditCode })
  })

  it('keeps the console to the credit office', async () => {
    expect((await marketReviewer.get('/api/admin/commitments/templates')).status).toBe(403)
    expect((await agent.get('/api/admin/commitments/templates')).status).toBe(403)
    const listed = await office.get('/api/admin/commitments/templates')
    expect(listed.body.items).toHaveLength(8)
    const refused = await office.post('/api/admin/commitments/templates', { type: 'other', domain: '通用', title: '重复', matter: '{matter}的承诺', content: '本单位承诺如实提供信息。', liability: '承担责任。' })
    expect(refused.status).toBe(409)
    expect(refused.body.data.fields.domain[0]).toContain('已有模板')
    const created = await office.post('/api/admin/commitments/templates', { type: 'other', domain: '建筑施工', title: '建筑施工领域信用承诺书', matter: '{subjectName}就{matter}作出承诺。', content: '本单位承诺依法依规组织施工。', liability: '如违背承诺，愿意承担相应法律责任。' })
    expect(created.status).toBe(201)
  })
})

describe('信用承诺: signing and publishing every type', () => {
  it('signs each of the seven types, seals and numbers it, and publishes it when 可向社会公开', async () => {
    for (const type of commitmentTypes) {
      const reply = await sign(agent, type)
      expect(reply.status, JSON.stringify(reply.body)).toBe(201)
      expect(reply.body.code).toMatch(/^211300\d{8}\d{6}$/)
      signed[type] = reply.body
      const page = await anonymous.get(`/api/commitments/${reply.body.code}`)
      expect(page.status).toBe(200)
      expect(page.body).toMatchObject({ type, subjectName: COMPANY.name, acceptingBody: MARKET.name, judgingDepartment: MARKET.name, fulfilment: null, breach: false })
      expect(page.body.matter).toContain('食品经营许可')
      expect(page.body.matter).toContain(COMPANY.creditCode)
      expect(page.body.content).not.toMatch(/[{}]/)
      expect(page.body.verification).toMatchObject({ valid: true, text: '签章有效，内容未被篡改', differs: [] })
    }
    const serials = Object.values(signed).map(s => Number(s.code.slice(14)))
    expect(new Set(serials).size).toBe(7)
    expect(Math.max(...serials) - Math.min(...serials)).toBe(6)
  })

  it('gives a second press of the same submission the first commitment', async () => {
    const body = { subjectId, templateId: templateOf('voluntary').id, matter: '诚信经营', acceptingDepartmentId: market, judgingDepartmentId: market, disclosure: 'public', signature: signaturePng(2), requestKey: 'commit-twice-0001' }
    const first = await agent.post('/api/commitments', body)
    const second = await agent.post('/api/commitments', body)
    expect(first.status).toBe(201)
    expect(second.status).toBe(200)
    expect(second.body.code).toBe(first.body.code)
    signed.twice = first.body
  })

  it('refuses an empty pad, a non-PNG image and missing fields, naming the field', async () => {
    const empty = await sign(agent, 'other', { signature: signaturePng(0) })
    expect(empty.status).toBe(400)
    expect(empty.body.data.fields.signature).toEqual(['请手写签名'])
    const jpeg = await sign(agent, 'other', { signature: `data:image/jpeg;base64,${Buffer.alloc(100).toString('base64')}` })
    expect(jpeg.status).toBe(400)
    expect(jpeg.body.data.fields.signature[0]).toContain('PNG')
    const fake = await sign(agent, 'other', { signature: `data:image/png;base64,${Buffer.from('MZ this is not an image at all, just bytes').toString('base64')}` })
    expect(fake.status).toBe(400)
    expect(fake.body.data.fields.signature[0]).toContain('签名图像无效')
    const withId = await sign(agent, 'other', { matter: '经办人110105199003071234办理' })
    expect(withId.body.data.fields.matter).toEqual(['承诺事由中请勿填写身份证号码'])
    const noMatter = await sign(agent, 'other', { matter: '' })
    expect(noMatter.body.data.fields.matter[0]).toContain('承诺事由')
  })

  it('gives another subject’s agent a 404, and nobody signs for a subject they do not act for', async () => {
    expect((await otherAgent.get(`/api/me/subjects/${subjectId}/commitment-options`)).status).toBe(404)
    const reply = await sign(otherAgent, 'voluntary')
    expect(reply.status).toBe(404)
    expect((await anonymous.post('/api/commitments', {})).status).toBe(401)
  })

  it('keeps 特定范围内公开 and 不可公开 to the subject’s agents, the accepting and judging departments and the credit office', async () => {
    const restricted = await sign(agent, 'certification', { disclosure: 'restricted' })
    const hidden = await sign(agent, 'incomplete_acceptance', { disclosure: 'private' })
    signed.restricted = restricted.body
    signed.hidden = hidden.body
    for (const { code } of [restricted.body, hidden.body]) {
      expect((await anonymous.get(`/api/commitments/${code}`)).status).toBe(404)
      expect((await otherAgent.get(`/api/commitments/${code}`)).status).toBe(404)
      expect((await anonymous.get(`/api/commitments/${code}/pdf`)).status).toBe(404)
      // A reviewer of a department that neither accepted nor judges it is nobody to this commitment.
      expect((await taxReviewer.get(`/api/commitments/${code}`)).status).toBe(404)
      expect((await taxReviewer.get(`/api/commitments/${code}/pdf`)).status).toBe(404)
      expect((await marketReviewer.get(`/api/commitments/${code}`)).status).toBe(200)
      expect((await agent.get(`/api/commitments/${code}`)).body.verification.valid).toBe(true)
      expect((await office.get(`/api/commitments/${code}`)).status).toBe(200)
    }
    const judgedByTax = await sign(agent, 'certification', { disclosure: 'restricted', judgingDepartmentId: tax })
    signed.judgedByTax = judgedByTax.body
    expect((await taxReviewer.get(`/api/commitments/${judgedByTax.body.code}`)).status).toBe(200)
    const acceptedByTax = await sign(agent, 'certification', { disclosure: 'private', acceptingDepartmentId: tax })
    expect((await taxReviewer.get(`/api/commitments/${acceptedByTax.body.code}`)).status).toBe(200)
  })
})

describe('信用承诺: started by a department', () => {
  it('a reviewer starts a draft for the subject; its agent signs it in 我的, with the draft’s terms', async () => {
    const refused = await marketReviewer.post('/api/admin/commitments/drafts', { creditCode: COMPANY.creditCode, templateId: templateOf('incomplete_acceptance').id, matter: '建设工程规划许可', acceptingDepartmentId: tax, judgingDepartmentId: market, disclosure: 'public' })
    expect(refused.status).toBe(403)
    expect(refused.body.data.fields.acceptingDepartmentId[0]).toContain('本部门')
    expect((await agent.post('/api/admin/commitments/drafts', {})).status).toBe(403)
    const draft = await marketReviewer.post('/api/admin/commitments/drafts', { creditCode: COMPANY.creditCode, templateId: templateOf('incomplete_acceptance').id, matter: '建设工程规划许可', acceptingDepartmentId: market, judgingDepartmentId: market, disclosure: 'restricted' })
    expect(draft.status).toBe(201)
    const mine = await agent.get('/api/me/commitments')
    expect(mine.body.drafts.map((d: { id: number }) => d.id)).toEqual([draft.body.id])
    expect((await otherAgent.get(`/api/me/commitment-drafts/${draft.body.id}`)).status).toBe(404)
    expect((await sign(otherAgent, 'other', { draftId: draft.body.id })).status).toBe(404)
    // Whatever the form sends, the draft's terms are what is signed.
    const reply = await sign(agent, 'voluntary', { draftId: draft.body.id, matter: '别的事由', disclosure: 'public' })
    expect(reply.status).toBe(201)
    expect(reply.body.disclosure).toBe('restricted')
    const page = await agent.get(`/api/commitments/${reply.body.code}`)
    expect(page.body).toMatchObject({ type: 'incomplete_acceptance', disclosure: 'restricted' })
    expect(page.body.matter).toContain('建设工程规划许可')
    expect((await agent.get('/api/me/commitments')).body.drafts).toEqual([])
    expect((await sign(agent, 'voluntary', { draftId: draft.body.id })).status).toBe(404)
    signed.drafted = reply.body
  })
})

describe('信用承诺: search', () => {
  it('indexes public commitments only: the non-public never reach Meilisearch', async () => {
    await waitForIndex(server)
    const codes = await indexedCodes()
    expect(codes).toContain(signed.approval_substitute!.code)
    expect(codes).not.toContain(signed.restricted!.code)
    expect(codes).not.toContain(signed.hidden!.code)
    expect(codes).toHaveLength(8)
    const all = await anonymous.get('/api/commitments')
    expect(all.body.total).toBe(8)
    expect(all.body.hits.map((h: { code: string }) => h.code)).not.toContain(signed.restricted!.code)
  })

  it('filters by type, department and text', async () => {
    const byType = await anonymous.get('/api/commitments?type=repair')
    expect(byType.body.hits.map((h: { code: string }) => h.code)).toEqual([signed.repair!.code])
    expect((await anonymous.get(`/api/commitments?department=${encodeURIComponent(MARKET.name)}`)).body.total).toBe(8)
    expect((await anonymous.get(`/api/commitments?department=${encodeURIComponent(TAX.name)}`)).body.total).toBe(0)
    expect((await anonymous.get(`/api/commitments?q=${encodeURIComponent('鑫达建材')}`)).body.total).toBe(8)
    expect((await anonymous.get(`/api/commitments?q=${signed.voluntary!.code}`)).body.hits[0].code).toBe(signed.voluntary!.code)
    const bad = await anonymous.get('/api/commitments?type=nonsense')
    expect(bad.status).toBe(400)
    expect(bad.body.data.fields.type).toEqual(['承诺类型无效'])
  })

  it('lists the public commitments on the subject’s profile', async () => {
    const profile = await anonymous.get(`/api/subjects/${COMPANY.creditCode}/commitments`)
    expect(profile.body.items).toHaveLength(8)
    const mine = await agent.get('/api/me/commitments')
    expect(mine.body.items).toHaveLength(13)
    expect((await otherAgent.get('/api/me/commitments')).body.items).toHaveLength(0)
  })
})

describe('信用承诺: template versions and tampering', () => {
  it('a template edit makes a new version and leaves signed commitments unchanged and verifying', async () => {
    const template = templateOf('approval_substitute')
    const before = await anonymous.get(`/api/commitments/${signed.approval_substitute!.code}`)
    const edited = await office.call('PUT', `/api/admin/commitments/templates/${template.id}`, {
      title: '告知承诺书（2027版）', matter: '{subjectName}申请办理{matter}。', content: '本单位承诺：新版承诺内容，材料真实有效。', liability: '新版违诺责任。',
    })
    expect(edited.status).toBe(200)
    expect(edited.body.currentVersion).toBe(2)
    const history = (await office.get('/api/admin/commitments/templates')).body.items.find((t: { id: number }) => t.id === template.id).history
    expect(history.map((v: { version: number }) => v.version)).toEqual([2, 1])
    const after = await anonymous.get(`/api/commitments/${signed.approval_substitute!.code}`)
    expect(after.body.content).toBe(before.body.content)
    expect(after.body.templateVersion).toBe(1)
    expect(after.body.verification.valid).toBe(true)
    const fresh = await sign(agent, 'approval_substitute')
    const page = await anonymous.get(`/api/commitments/${fresh.body.code}`)
    expect(page.body.content).toBe('本单位承诺：新版承诺内容，材料真实有效。')
    expect(page.body.templateVersion).toBe(2)
  })

  it('a row changed by one character in the database fails verification naming 承诺内容', async () => {
    const { code } = signed.industry_self_discipline!
    await sqlOn(server, `update commitments set content = replace(content, '遵守', '尊守') where code = $1`, [code])
    const page = await anonymous.get(`/api/commitments/${code}`)
    expect(page.body.verification).toMatchObject({ valid: false, differs: ['承诺内容'], text: '签章无效：承诺内容与签章时不一致' })
    const [other] = await sqlOn<{ signature: string }>(server, 'select signature from commitments where code = $1', [signed.voluntary!.code])
    await sqlOn(server, 'update commitments set signature = $1 where code = $2', [other!.signature, signed.other!.code])
    expect((await anonymous.get(`/api/commitments/${signed.other!.code}`)).body.verification.differs).toEqual(['签名图像'])
  })

  it('publishes the public key: the seal verifies independently with it', async () => {
    const reply = await fetch(`${server.url}/api/commitments/public-key`)
    const pem = await reply.text()
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----/)
    const [row] = await sqlOn<{ seal: string, key_id: string }>(server, 'select seal, key_id from commitments where code = $1', [signed.repair!.code])
    expect(reply.headers.get('x-key-id')).toBe(row!.key_id)
    const envelope = JSON.parse(Buffer.from(row!.seal, 'base64').toString('utf8'))
    expect(verify(null, Buffer.from(JSON.stringify(envelope.payload)), createPublicKey(pem), Buffer.from(envelope.signature, 'base64'))).toBe(true)
  })

  it('offers the PDF of a public commitment', async () => {
    const pdf = await anonymous.get(`/api/commitments/${signed.repair!.code}/pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-')
  })
})

describe('信用承诺: fulfilment (履行状态)', () => {
  it('is recorded by the judging department only, audited, and a breach shows everywhere', async () => {
    const { id, code } = signed.voluntary!
    expect((await taxReviewer.post(`/api/admin/commitments/${id}/fulfilment`, { status: 'partial', note: '未按承诺公示经营信息' })).status).toBe(404)
    expect((await agent.post(`/api/admin/commitments/${id}/fulfilment`, { status: 'fulfilled', note: '自己说履行了' })).status).toBe(403)
    const bad = await marketReviewer.post(`/api/admin/commitments/${id}/fulfilment`, { status: 'maybe', note: '' })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.body.data.fields).sort()).toEqual(['note', 'status'])
    const done = await marketReviewer.post(`/api/admin/commitments/${id}/fulfilment`, { status: 'partial', note: '未按承诺公示全年经营信息' })
    expect(done.status).toBe(200)
    expect((await marketReviewer.post(`/api/admin/commitments/${signed.repair!.id}/fulfilment`, { status: 'fulfilled', note: '已按承诺履行' })).status).toBe(200)
    expect((await office.post(`/api/admin/commitments/${signed.other!.id}/fulfilment`, { status: 'unfulfilled', note: '承诺事项全部未履行' })).status).toBe(200)
    const page = await anonymous.get(`/api/commitments/${code}`)
    expect(page.body).toMatchObject({ fulfilment: 'partial', breach: true, fulfilmentNote: '未按承诺公示全年经营信息' })
    // The finding is not part of what was signed: the seal still holds.
    expect(page.body.verification.valid).toBe(true)
    await waitForIndex(server)
    const breaches = await anonymous.get('/api/commitments?status=breach')
    expect(breaches.body.hits.map((h: { code: string }) => h.code).sort()).toEqual([code, signed.other!.code].sort())
    expect((await anonymous.get('/api/commitments?status=fulfilled')).body.hits.map((h: { code: string }) => h.code)).toEqual([signed.repair!.code])
    expect((await anonymous.get('/api/commitments?status=partial&type=voluntary')).body.total).toBe(1)
    const profile = await anonymous.get(`/api/subjects/${COMPANY.creditCode}/commitments`)
    expect(profile.body.items.find((c: { code: string }) => c.code === code).breach).toBe(true)
    expect((await agent.get('/api/me/commitments')).body.items.find((c: { code: string }) => c.code === code).breach).toBe(true)
    const audit = await sqlOn<{ actor: string, entity_id: string }>(server, `select actor, entity_id from audit_log where action = 'commitment.fulfilment' order by id`)
    expect(audit.map(a => a.entity_id)).toEqual([code, signed.repair!.code, signed.other!.code])
    const judged = await marketReviewer.get('/api/admin/commitments')
    expect(judged.body.items.length).toBeGreaterThan(0)
    // The tax office judges only the one commitment that named it.
    expect((await taxReviewer.get('/api/admin/commitments')).body.items.map((c: { code: string }) => c.code)).toEqual([signed.judgedByTax!.code])
  })

  it('keeps health’s index lag truthful for commitments too', async () => {
    await waitForIndex(server)
    const health = await anonymous.get('/api/health')
    expect(health.body.indexLag).toBe(0)
    expect(server.output()).not.toContain('BEGIN PRIVATE KEY')
  })
})
