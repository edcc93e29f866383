import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, todayInChina } from '../../shared/utils/dates'
import { samples, staff, type Client } from '../support/client'
import { signInCast } from '../support/cast'
import { ingestAccepted } from '../support/ingest'
import { COMPANY, MARKET, OTHER, TAX, penaltyRow } from '../support/rows'
import { startServer, waitForIndex, type TestServer } from '../support/server'
import { startSmtp } from '../support/smtp'

const recent = addDays(todayInChina(), -15)
let server: TestServer
let smtp: Awaited<ReturnType<typeof startSmtp>>
let office: Client
let marketReviewer: Client
let taxReviewer: Client
let agent: Client
let otherAgent: Client
const ids: Record<string, number> = {}

async function recordId(documentNumber: string): Promise<number> {
  const found = await fetch(`${server.url}/api/search?q=${encodeURIComponent(documentNumber)}`).then(r => r.json() as Promise<{ hits: { id: number, documentNumber: string }[] }>)
  return found.hits.find(h => h.documentNumber === documentNumber)!.id
}

const search = (q: string) => fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}`).then(r => r.json() as Promise<{ total: number, hits: { id: number, underObjection: boolean }[] }>)

async function object(client: Client, record: number, key: string) {
  const receipt = await client.upload(samples.png, '缴款凭证.png')
  return client.post('/api/objections', {
    recordId: record, reason: 'wrong_information', description: '罚款金额登记有误，实际罚款一万元，见缴款凭证。', requestedCorrection: '罚款金额（万元）：1',
    contactName: '张经办', contactPhone: '13800138000', fileIds: [receipt.body.id], requestKey: key,
  })
}

const version = async (client: Client, id: number) => (await client.get(`/api/applications/${id}`)).body.version as number

beforeAll(async () => {
  smtp = await startSmtp()
  server = await startServer({ SMTP_URL: smtp.url })
  await ingestAccepted(server, MARKET.creditCode, 'penalty', ['501', '502', '503', '504', '505'].map(n => penaltyRow({ 行政处罚决定书文号: `朝市监罚〔2026〕${n}号`, 处罚决定日期: recent })))
  await ingestAccepted(server, TAX.creditCode, 'penalty', [penaltyRow({
    行政处罚决定书文号: '朝税罚〔2026〕77号', 处罚决定日期: recent, 行政相对人名称: OTHER.name, 统一社会信用代码: OTHER.creditCode,
    处罚机关: TAX.name, 处罚机关统一社会信用代码: TAX.creditCode, 数据来源单位: TAX.name, 数据来源单位统一社会信用代码: TAX.creditCode,
  })])
  await waitForIndex(server)
  for (const n of ['501', '502', '503', '504', '505']) ids[n] = await recordId(`朝市监罚〔2026〕${n}号`)
  ids.tax = await recordId('朝税罚〔2026〕77号')
  ;({ office, marketReviewer, taxReviewer, agent, otherAgent } = await signInCast(server))
})
afterAll(async () => {
  await server?.stop()
  await smtp?.stop()
})

describe('objections (信用异议), end to end', () => {
  let objection: number

  it('files one objection per record, marks the record publicly and routes it to its department', async () => {
    const [first, again] = await Promise.all([object(agent, ids['501']!, 'objection-501'), object(agent, ids['501']!, 'objection-501')])
    expect([first.status, again.status].sort()).toEqual([200, 201])
    objection = first.body.id
    expect(again.body.id).toBe(objection)
    const second = await object(agent, ids['501']!, 'objection-501-b')
    expect(second.status).toBe(409)
    expect(second.body.data.applicationId).toBe(objection)
    expect(second.body.message).toContain(`申请编号 ${objection}`)

    expect((await fetch(`${server.url}/api/records/${ids['501']}`).then(r => r.json())).underObjection).toBe(true)
    await waitForIndex(server)
    expect((await search('朝市监罚〔2026〕501号')).hits[0]).toMatchObject({ id: ids['501'], underObjection: true })

    const detail = await marketReviewer.get(`/api/applications/${objection}`)
    expect(detail.body).toMatchObject({ kindLabel: '信用异议', stateLabel: '核查中', daysLeft: expect.any(Number) })
    expect(detail.body.actions.map((a: { name: string }) => a.name)).toEqual(['correct', 'revoke', 'uphold'])
    expect(detail.body.context.record.correctable.find((f: { key: string }) => f.key === 'fineAmount').value).toBe('2')
    const inbox = await marketReviewer.get('/api/me/messages')
    expect(inbox.body.items[0]).toMatchObject({ title: '收到新的信用异议申请', link: `/admin/applications/${objection}` })
  })

  it('keeps it from everyone else: another department’s reviewer and another subject’s agent get 404', async () => {
    expect((await taxReviewer.get(`/api/applications/${objection}`)).status).toBe(404)
    expect((await taxReviewer.post(`/api/applications/${objection}/actions`, { action: 'uphold', version: 0, reason: '无误' })).status).toBe(404)
    expect((await taxReviewer.get('/api/admin/applications?kind=objection')).body.items).toEqual([])
    expect((await otherAgent.get(`/api/applications/${objection}`)).status).toBe(404)
    const fileId = (await agent.get(`/api/applications/${objection}`)).body.history[0].files[0].id
    expect((await otherAgent.get(`/api/files/${fileId}`)).status).toBe(404)
    expect((await marketReviewer.get(`/api/files/${fileId}`)).status).toBe(200)
    expect((await object(otherAgent, ids['502']!, 'not-mine')).status).toBe(404)
    // The credit office sees every objection but decides none: the department does.
    expect((await office.post(`/api/applications/${objection}/actions`, { action: 'uphold', version: 0, reason: '无误' })).status).toBe(403)
  })

  it('更正: refuses a change of the document number, then publishes the corrected version and keeps what it replaced', async () => {
    const v = await version(marketReviewer, objection)
    const wrongField = await marketReviewer.post(`/api/applications/${objection}/actions`, { action: 'correct', version: v, reason: '核实有误', corrections: { documentNumber: '朝市监罚〔2026〕999号' } })
    expect(wrongField.status).toBe(400)
    expect(wrongField.body.message).toContain('“行政处罚决定书文号”不能通过更正修改')
    const badValue = await marketReviewer.post(`/api/applications/${objection}/actions`, { action: 'correct', version: v, reason: '核实有误', corrections: { fineAmount: '-1' } })
    expect([badValue.status, badValue.body.message]).toEqual([400, expect.stringContaining('罚款金额（万元）')])

    const corrected = await marketReviewer.post(`/api/applications/${objection}/actions`, {
      action: 'correct', version: v, reason: '经核实，罚款金额登记错误，已更正为一万元。', corrections: { fineAmount: '1', content: '警告，罚款人民币一万元' },
    })
    expect(corrected.body.state).toBe('corrected')
    const record = await fetch(`${server.url}/api/records/${ids['501']}`).then(r => r.json())
    expect(record.underObjection).toBe(false)
    expect(record.fields.find((f: { key: string }) => f.key === 'content').value).toBe('警告，罚款人民币一万元')
    expect(record.history.map((h: { label: string }) => h.label)).toEqual(['主体提出异议', '经异议核查更正'])
    await waitForIndex(server)
    expect((await search('罚款人民币一万元')).hits.map(h => h.id)).toContain(ids['501'])
    expect((await search('朝市监罚〔2026〕501号')).hits[0]!.underObjection).toBe(false)
  })

  it('tells the applicant, in the box and by e-mail, with the reason', async () => {
    const seen = await agent.get(`/api/applications/${objection}`)
    expect(seen.body.context.record.replaced).toEqual([
      { label: '处罚内容', before: '警告，罚款人民币二万元', after: '警告，罚款人民币一万元' },
      { label: '罚款金额（万元）', before: '2', after: '1' },
    ])
    expect(seen.body.history.at(-1)).toMatchObject({ actionLabel: '更正', reason: '经核实，罚款金额登记错误，已更正为一万元。', actorName: '部门审核员' })
    expect((await agent.get('/api/me/messages')).body.items[0].title).toBe('您的信用异议申请已更正')
    const mail = await smtp.waitFor('agent@xinda.example.com', '信用异议')
    expect(mail.text).toContain('理由：经核实')
  })

  it('撤销: the record leaves public view and search at once', async () => {
    const filed = await object(agent, ids['502']!, 'objection-502')
    const revoked = await marketReviewer.post(`/api/applications/${filed.body.id}/actions`, { action: 'revoke', version: 0, reason: '该处罚已被复议撤销' })
    expect(revoked.body.state).toBe('revoked')
    expect((await fetch(`${server.url}/api/records/${ids['502']}`)).status).toBe(404)
    await waitForIndex(server)
    expect((await search('朝市监罚〔2026〕502号')).total).toBe(0)
    const own = await agent.get(`/api/me/records/${ids['502']}`)
    expect(own.body.record).toMatchObject({ state: 'withdrawn', isPublic: false, objectionId: null })
  })

  it('维持: needs a reason and leaves the record as it was', async () => {
    const before = await fetch(`${server.url}/api/records/${ids['503']}`).then(r => r.json())
    const filed = await object(agent, ids['503']!, 'objection-503')
    const noReason = await marketReviewer.post(`/api/applications/${filed.body.id}/actions`, { action: 'uphold', version: 0 })
    expect(noReason.body.data.fields.reason).toEqual(['维持须填写理由'])
    const upheld = await marketReviewer.post(`/api/applications/${filed.body.id}/actions`, { action: 'uphold', version: 0, reason: '经核实，记录与处罚决定书一致' })
    expect(upheld.body.state).toBe('upheld')
    const after = await fetch(`${server.url}/api/records/${ids['503']}`).then(r => r.json())
    expect(after.fields).toEqual(before.fields)
    expect(after.underObjection).toBe(false)
  })

  it('lets the credit office send a misrouted objection to another department, and the applicant withdraw it', async () => {
    const filed = await object(otherAgent, ids.tax!, 'objection-tax')
    expect((await taxReviewer.get(`/api/applications/${filed.body.id}`)).status).toBe(200)
    const { body: { items: departments } } = await office.get('/api/admin/departments')
    const market = departments.find((d: { creditCode: string }) => d.creditCode === MARKET.creditCode)
    const moved = await office.post(`/api/applications/${filed.body.id}/actions`, { action: 'reassign', version: 0, reason: '该处罚由市场监管局作出', departmentId: market.id })
    expect(moved.body.state).toBe('submitted')
    expect((await taxReviewer.get(`/api/applications/${filed.body.id}`)).status).toBe(404)
    expect((await marketReviewer.get(`/api/applications/${filed.body.id}`)).body.data.departmentName).toBe(MARKET.name)
    const withdrawn = await otherAgent.post(`/api/applications/${filed.body.id}/actions`, { action: 'withdraw', version: 1 })
    expect(withdrawn.body.state).toBe('withdrawn')
    expect((await fetch(`${server.url}/api/records/${ids.tax}`).then(r => r.json())).underObjection).toBe(false)
  })

  it('counts objections per department by outcome and working days to decide', async () => {
    const stats = await office.get('/api/admin/stats/objections')
    expect(stats.body.items).toEqual([expect.objectContaining({
      department: MARKET.name, total: 4, open: 0, overdue: 0, outcomes: { corrected: 1, revoked: 1, upheld: 1, withdrawn: 1 }, medianWorkingDays: 0, onTime: 3,
    })])
    expect((await marketReviewer.get('/api/admin/stats/objections')).status).toBe(403)
  })
})

describe('回避: nobody decides an objection they filed or whose subject they act for', () => {
  const recusal = '您是该申请的申请人或代理该主体，不能处理本申请（回避）'
  /** A reviewer of the department that published the records who also acts for their subject, COMPANY. */
  let conflicted: Client
  let admin: Client

  beforeAll(async () => {
    conflicted = await staff(server, 'department_reviewer', 'reviewer2@market.gov.cn', MARKET.creditCode)
    const licence = await conflicted.upload(samples.png, '营业执照.png')
    const claim = await conflicted.post('/api/claims', { creditCode: COMPANY.creditCode, isLegalRepresentative: true, contactPhone: '13800138000', businessLicenceFileId: licence.body.id, requestKey: 'claim-reviewer2' })
    expect((await office.post(`/api/applications/${claim.body.id}/actions`, { action: 'approve', version: 0 })).status).toBe(200)
    admin = await staff(server, 'admin', 'admin@credit.gov.cn')
  })

  const refusals = async (id: number) => (await admin.get('/api/admin/audit?entity=application')).body.items
    .filter((e: { entityId: string, success: boolean }) => e.entityId === String(id) && !e.success)

  it('refuses a reviewer the decision on his own objection about his own company, and audits the refusal', async () => {
    const filed = await object(conflicted, ids['504']!, 'objection-504-own')
    expect(filed.status).toBe(201)
    // He may still withdraw it, as its applicant; nothing a reviewer decides.
    expect((await conflicted.get(`/api/applications/${filed.body.id}`)).body.actions.map((a: { name: string }) => a.name)).toEqual(['withdraw'])
    const revoked = await conflicted.post(`/api/applications/${filed.body.id}/actions`, { action: 'revoke', version: 0, reason: '该处罚有误' })
    expect([revoked.status, revoked.body.message]).toEqual([403, recusal])
    expect((await fetch(`${server.url}/api/records/${ids['504']}`).then(r => r.json())).underObjection).toBe(true)
    expect(await refusals(filed.body.id)).toEqual([expect.objectContaining({ action: 'objection.revoke', actor: expect.stringMatching(/:department_reviewer$/), success: false })])
    // Another reviewer of the department decides it.
    const upheld = await marketReviewer.post(`/api/applications/${filed.body.id}/actions`, { action: 'uphold', version: 0, reason: '经核实，记录与处罚决定书一致' })
    expect(upheld.body.state).toBe('upheld')
  })

  it('refuses him an objection that another agent of his company filed: no actions, 403 on deciding', async () => {
    const filed = await object(agent, ids['505']!, 'objection-505')
    const detail = await conflicted.get(`/api/applications/${filed.body.id}`)
    expect([detail.status, detail.body.actions]).toEqual([200, []])
    const decided = await conflicted.post(`/api/applications/${filed.body.id}/actions`, { action: 'uphold', version: 0, reason: '无误' })
    expect([decided.status, decided.body.message]).toEqual([403, recusal])
    expect(await refusals(filed.body.id)).toEqual([expect.objectContaining({ action: 'objection.uphold', success: false })])
    expect((await marketReviewer.get(`/api/applications/${filed.body.id}`)).body.actions.map((a: { name: string }) => a.name)).toEqual(['correct', 'revoke', 'uphold'])
  })
})
