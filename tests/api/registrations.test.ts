import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { todayInChina } from '../../shared/utils/dates'
import { addWorkingDays } from '../../shared/utils/workingDays'
import { Client, samples } from '../support/client'
import { signInCast } from '../support/cast'
import { ingestAccepted } from '../support/ingest'
import { COMPANY, MARKET, OTHER, penaltyRow } from '../support/rows'
import { startServer, type TestServer } from '../support/server'
import { signaturePng } from '../support/signature'

const today = todayInChina()
let server: TestServer
let office: Client
let marketReviewer: Client
let taxReviewer: Client
let agent: Client
let otherAgent: Client
let anonymous: Client
let subjectId: number
let market: number
let keys = 0
const filed: Record<string, { id: number, commitmentCode: string, fileId: string }> = {}

const fieldsOf = {
  qualification: { name: '食品经营许可证', number: 'JY12113000012345', issuer: '朝阳市市场监督管理局', validUntil: '2030-06-30' },
  operation: { name: '获评守合同重信用企业', description: '2025年度被评为朝阳市守合同重信用企业。' },
  contract: { name: '朝阳市第一小学教学楼建材供货合同', counterparty: '王某某', performance: '已按约定全部履行，无违约。' },
  publicWelfare: { name: '向朝阳市慈善总会捐赠建材', date: '2026-03-15', description: '捐赠水泥200吨用于乡村学校修缮。' },
} as const
type Category = keyof typeof fieldsOf

async function fileRegistration(client: Client, category: Category, extra: Record<string, unknown> = {}) {
  const proof = await client.upload(samples.pdf, '证明材料.pdf')
  const reply = await client.post('/api/registrations', {
    subjectId, category, fields: fieldsOf[category], fileIds: [proof.body.id], commitmentConfirmed: true,
    signature: signaturePng(1 + (keys % 5)), requestKey: `registration-${category}-${++keys}`, ...extra,
  })
  return { reply, fileId: proof.body.id as string }
}

const profile = async () => (await anonymous.get(`/api/subjects/${COMPANY.creditCode}/registrations`)).body.items as { id: number, title: string, categoryLabel: string, verifiedOn: string, fields: { label: string, value: string }[] }[]
const versionOf = async (client: Client, id: number) => (await client.get(`/api/applications/${id}`)).body.version as number
const act = async (client: Client, id: number, action: string, reason?: string) =>
  client.post(`/api/applications/${id}/actions`, { action, version: await versionOf(client, id), reason })

beforeAll(async () => {
  server = await startServer()
  // The subjects exist once a department has published something about them.
  await ingestAccepted(server, MARKET.creditCode, 'penalty', [
    penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕801号' }),
    penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕802号', 行政相对人名称: OTHER.name, 统一社会信用代码: OTHER.creditCode }),
  ])
  ;({ office, marketReviewer, taxReviewer, agent, otherAgent } = await signInCast(server))
  anonymous = new Client(server)
  subjectId = (await agent.get('/api/me')).body.subjects[0].id
  const options = await agent.get(`/api/me/subjects/${subjectId}/registration-options`)
  expect(options.status).toBe(200)
  expect(options.body.commitment.title).toBe('信息真实性承诺及授权共享书')
  expect(options.body.commitment.content).toContain('真实、准确、完整')
  expect(options.body.commitment.content).toContain('共享')
  market = options.body.departments.find((d: { name: string }) => d.name === MARKET.name).id
})
afterAll(async () => {
  await server?.stop()
})

describe('信用信息自愿注册, end to end', () => {
  it('files each category with its evidence and a sealed truthfulness commitment, due in 5 working days', async () => {
    for (const category of Object.keys(fieldsOf) as Category[]) {
      const byMarket = category === 'qualification' || category === 'operation'
      const { reply, fileId } = await fileRegistration(agent, category, byMarket ? { departmentId: market } : {})
      expect(reply.status, JSON.stringify(reply.body)).toBe(201)
      filed[category] = { ...reply.body, fileId }
      const commitment = await agent.get(`/api/commitments/${reply.body.commitmentCode}`)
      expect(commitment.status).toBe(200)
      expect(commitment.body).toMatchObject({ type: 'voluntary', disclosure: 'restricted', templateTitle: '信息真实性承诺及授权共享书', acceptingBody: byMarket ? MARKET.name : '朝阳市发展和改革委员会' })
      expect(commitment.body.matter).toContain(fieldsOf[category].name)
      expect(commitment.body.verification).toMatchObject({ valid: true, differs: [] })
      // 特定范围内公开: not for the public.
      expect((await anonymous.get(`/api/commitments/${reply.body.commitmentCode}`)).status).toBe(404)
      const detail = await agent.get(`/api/applications/${reply.body.id}`)
      expect(detail.body).toMatchObject({ kind: 'registration', state: 'submitted', dueOn: addWorkingDays(today, 5) })
      expect(detail.body.context.registration.commitmentCode).toBe(reply.body.commitmentCode)
    }
    expect(await profile()).toEqual([])
  })

  it('a second press of the same submission finds the first, with the same commitment', async () => {
    const proof = await agent.upload(samples.pdf, '证明材料.pdf')
    const body = { subjectId, category: 'operation', fields: fieldsOf.operation, fileIds: [proof.body.id], commitmentConfirmed: true, signature: signaturePng(2), requestKey: 'registration-twice-01' }
    const first = await agent.post('/api/registrations', body)
    const again = await agent.post('/api/registrations', body)
    expect([first.status, again.status]).toEqual([201, 200])
    expect(again.body).toMatchObject({ id: first.body.id, commitmentCode: first.body.commitmentCode, created: false })
    expect((await act(agent, first.body.id, 'withdraw')).status).toBe(200)
  })

  it('goes to the department concerned, or to the credit office; another department never sees it', async () => {
    const queue = await marketReviewer.get('/api/admin/applications?kind=registration')
    expect(queue.status).toBe(200)
    const ids = queue.body.items.map((i: { id: number }) => i.id)
    expect(ids).toContain(filed.qualification!.id)
    expect(ids).not.toContain(filed.contract!.id)
    expect((await taxReviewer.get(`/api/applications/${filed.qualification!.id}`)).status).toBe(404)
    const officeQueue = await office.get('/api/admin/applications?kind=registration')
    expect(officeQueue.body.items.map((i: { id: number }) => i.id)).toEqual(expect.arrayContaining([filed.contract!.id, filed.publicWelfare!.id, filed.qualification!.id]))
    expect((await office.get(`/api/files/${filed.contract!.fileId}`)).status).toBe(200)
  })

  it('verified items appear on the profile as 自愿注册（已核验） with the date, public fields only', async () => {
    expect((await act(marketReviewer, filed.qualification!.id, 'verify')).status).toBe(200)
    expect((await act(office, filed.operation!.id, 'verify')).status).toBe(200)
    expect((await act(office, filed.contract!.id, 'verify')).status).toBe(200)
    const shown = await profile()
    expect(shown.map(r => r.title).sort()).toEqual([fieldsOf.contract.name, fieldsOf.operation.name, fieldsOf.qualification.name].sort())
    for (const item of shown) expect(item.verifiedOn).toBe(today)
    const qualification = shown.find(r => r.title === fieldsOf.qualification.name)!
    expect(qualification).toMatchObject({ categoryLabel: '资质证照' })
    expect(qualification.fields).toContainEqual({ key: 'validUntil', label: '有效期至', value: '2030年6月30日' })
    const contract = JSON.stringify(shown.find(r => r.title === fieldsOf.contract.name))
    expect(contract).not.toContain('王某某')
    expect(contract).not.toContain(filed.contract!.fileId)
    const mine = (await agent.get(`/api/me/subjects/${subjectId}/registrations`)).body.items
    expect(mine.find((r: { id: number }) => r.id === filed.qualification!.id)).toMatchObject({ state: 'verified', stateLabel: '已核验', verifiedOn: today })
  })

  it('a rejected item comes back to the applicant with its reason and stays off the profile', async () => {
    expect((await act(office, filed.publicWelfare!.id, 'reject')).status).toBe(400)
    expect((await act(office, filed.publicWelfare!.id, 'reject', '捐赠凭证未加盖受赠单位公章，请补充后重新注册')).status).toBe(200)
    const detail = await agent.get(`/api/applications/${filed.publicWelfare!.id}`)
    expect(detail.body.state).toBe('rejected')
    expect(detail.body.history.at(-1).reason).toContain('未加盖受赠单位公章')
    const mine = (await agent.get(`/api/me/subjects/${subjectId}/registrations`)).body.items
    expect(mine.find((r: { id: number }) => r.id === filed.publicWelfare!.id)).toMatchObject({ state: 'rejected', reason: '捐赠凭证未加盖受赠单位公章，请补充后重新注册' })
    expect((await profile()).map(r => r.title)).not.toContain(fieldsOf.publicWelfare.name)
    const again = await fileRegistration(agent, 'publicWelfare')
    expect(again.reply.status).toBe(201)
    expect((await act(office, again.reply.body.id, 'verify')).status).toBe(200)
    expect((await profile()).map(r => r.title)).toContain(fieldsOf.publicWelfare.name)
  })

  it('a withdrawn item leaves the profile at once', async () => {
    expect((await act(office, filed.operation!.id, 'withdraw')).status).toBe(403)
    expect((await act(agent, filed.operation!.id, 'withdraw')).status).toBe(200)
    expect((await profile()).map(r => r.title)).not.toContain(fieldsOf.operation.name)
    expect((await agent.get(`/api/applications/${filed.operation!.id}`)).body.state).toBe('withdrawn')
  })

  it('an update replaces a verified item only once it is verified itself', async () => {
    const fields = { ...fieldsOf.qualification, validUntil: '2031-06-30' }
    const update = await fileRegistration(agent, 'qualification', { departmentId: market, fields, replaces: filed.qualification!.id })
    expect(update.reply.status, JSON.stringify(update.reply.body)).toBe(201)
    const before = (await profile()).filter(r => r.title === fieldsOf.qualification.name)
    expect(before.map(r => r.id)).toEqual([filed.qualification!.id])
    expect((await act(marketReviewer, update.reply.body.id, 'verify')).status).toBe(200)
    const after = (await profile()).filter(r => r.title === fieldsOf.qualification.name)
    expect(after.map(r => r.id)).toEqual([update.reply.body.id])
    expect(after[0]!.fields).toContainEqual({ key: 'validUntil', label: '有效期至', value: '2031年6月30日' })
    expect((await agent.get(`/api/applications/${filed.qualification!.id}`)).body.state).toBe('superseded')
    // A withdrawn or superseded item cannot be updated again.
    const stale = await fileRegistration(agent, 'qualification', { replaces: filed.qualification!.id })
    expect(stale.reply.status).toBe(409)
    expect(stale.reply.body.data.fields.replaces[0]).toContain('已核验')
  })

  it('another subject’s agent gets 404 on the application, its files, its list and a filing for it', async () => {
    const id = filed.contract!.id
    expect((await otherAgent.get(`/api/applications/${id}`)).status).toBe(404)
    expect((await otherAgent.get(`/api/files/${filed.contract!.fileId}`)).status).toBe(404)
    expect((await otherAgent.post(`/api/applications/${id}/actions`, { action: 'withdraw', version: 0 })).status).toBe(404)
    expect((await otherAgent.get(`/api/me/subjects/${subjectId}/registrations`)).status).toBe(404)
    expect((await otherAgent.get(`/api/me/subjects/${subjectId}/registration-options`)).status).toBe(404)
    const { reply } = await fileRegistration(otherAgent, 'operation')
    expect(reply.status).toBe(404)
    expect((await anonymous.get(`/api/me/subjects/${subjectId}/registrations`)).status).toBe(401)
  })

  it('a bad filing names each field and files nothing', async () => {
    const count = (await agent.get(`/api/me/subjects/${subjectId}/registrations`)).body.items.length
    const bad = await agent.post('/api/registrations', { subjectId, category: 'contract', fields: { name: '' }, fileIds: [], signature: '', requestKey: 'registration-bad-01' })
    expect(bad.status).toBe(400)
    expect(bad.body.data.fields).toMatchObject({
      'fields.name': ['请填写合同名称'], 'fields.counterparty': ['请填写相对方'], 'fields.performance': ['请填写履约情况'],
      'fileIds': ['请上传至少一份证明材料'], 'commitmentConfirmed': ['请阅读并确认信息真实性承诺及授权共享'],
    })
    expect(bad.body.data.fields.signature[0]).toBe('请手写签名')
    const noCategory = await agent.post('/api/registrations', { subjectId, fileIds: [], requestKey: 'registration-bad-02' })
    expect(noCategory.body.data.fields.category).toEqual(['请选择注册类别'])
    const date = await fileRegistration(agent, 'publicWelfare', { fields: { ...fieldsOf.publicWelfare, date: '3月15日' } })
    expect(date.reply.body.data.fields['fields.date']).toEqual(['日期应为日期，如2026-05-01'])
    const id = await fileRegistration(agent, 'operation', { fields: { name: '捐款', description: '经办人身份证110101199003074518' } })
    expect(id.reply.body.data.fields['fields.description']).toEqual(['说明中请勿填写身份证号码'])
    const used = await fileRegistration(agent, 'operation', { fileIds: [filed.contract!.fileId] })
    expect(used.reply.status).toBe(400)
    expect(used.reply.body.data.fields.fileIds).toBeDefined()
    expect((await agent.get(`/api/me/subjects/${subjectId}/registrations`)).body.items.length).toBe(count)
  })
})
