import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, addMonths, todayInChina } from '../../shared/utils/dates'
import { Client, samples, signedUp, staff } from '../support/client'
import { residentId } from '../support/ids'
import { COMPANY, MARKET, OTHER, penaltyRow } from '../support/rows'
import { ingestAccepted } from '../support/ingest'
import { startServer, type TestServer } from '../support/server'
import { startSmtp } from '../support/smtp'

const today = todayInChina()
const personId = residentId('211303', '19900101', '015')
let server: TestServer
let smtp: Awaited<ReturnType<typeof startSmtp>>
let office: Client
let applicant: Client
let stranger: Client

async function claim(client: Client, creditCode: string, requestKey: string, extra: Record<string, unknown> = {}) {
  const licence = await client.upload(samples.png, '营业执照.png')
  expect(licence.status, JSON.stringify(licence.body)).toBe(200)
  return client.post('/api/claims', { creditCode, isLegalRepresentative: true, contactPhone: '13800138000', businessLicenceFileId: licence.body.id, requestKey, ...extra })
}

beforeAll(async () => {
  smtp = await startSmtp()
  server = await startServer({ SMTP_URL: smtp.url })
  await ingestAccepted(server, MARKET.creditCode, 'penalty', [
    penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕301号', 处罚决定日期: addDays(today, -20) }),
    // Decided long ago: no longer public, still the company's own record.
    penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2022〕9号', 处罚决定日期: addMonths(today, -48) }),
    penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕302号', 处罚决定日期: addDays(today, -20), 行政相对人名称: OTHER.name, 统一社会信用代码: OTHER.creditCode }),
    penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕303号', 处罚决定日期: addDays(today, -20), 行政相对人名称: '钱七', 行政相对人类别: '自然人', 统一社会信用代码: '', 法定代表人: '', 证件类型: '身份证', 证件号码: personId }),
  ])
  office = await staff(server, 'credit_office', 'office@credit.gov.cn')
  applicant = await signedUp(server, 'agent@xinda.example.com', '张经办')
  stranger = await signedUp(server, 'agent@hongyuan.example.com', '刘经办')
})
afterAll(async () => {
  await server?.stop()
  await smtp?.stop()
})

describe('evidence uploads', () => {
  it('keeps PDF and PNG, refuses a program renamed .pdf by its content', async () => {
    expect((await applicant.upload(samples.pdf, '授权委托书.pdf')).body).toMatchObject({ mime: 'application/pdf', name: '授权委托书.pdf' })
    const spoofed = await applicant.upload(samples.exe, '营业执照.pdf')
    expect(spoofed.status).toBe(415)
    expect(spoofed.body.data.fields.file[0]).toContain('只能上传 PDF、JPG 或 PNG')
  })

  it('refuses a file over 10 MB naming the limit', async () => {
    const big = Buffer.concat([samples.pdf, Buffer.alloc(11 * 1024 * 1024)])
    const reply = await applicant.upload(big, '扫描件.pdf')
    expect(reply.status).toBe(413)
    expect(reply.body.message).toContain('10MB')
  })

  it('needs a signed-in account', async () => {
    expect((await new Client(server).upload(samples.png, 'a.png')).status).toBe(401)
  })
})

describe('回避: the credit office does not decide its own claim', () => {
  it('leaves its own claim to a colleague: no approve for the applicant, 403 and an audited refusal', async () => {
    const own = await claim(office, OTHER.creditCode, 'claim-office-own')
    expect(own.status).toBe(201)
    expect((await office.get(`/api/applications/${own.body.id}`)).body.actions.map((a: { name: string }) => a.name)).toEqual(['withdraw'])
    const approved = await office.post(`/api/applications/${own.body.id}/actions`, { action: 'approve', version: 0 })
    expect([approved.status, approved.body.message]).toEqual([403, '您是该申请的申请人或代理该主体，不能处理本申请（回避）'])
    const auditor = await staff(server, 'admin', 'auditor@credit.gov.cn')
    const refused = (await auditor.get('/api/admin/audit?action=claim.approve')).body.items.filter((e: { entityId: string }) => e.entityId === String(own.body.id))
    expect(refused).toEqual([expect.objectContaining({ success: false, detail: expect.objectContaining({ refused: '回避' }) })])
    const colleague = await staff(server, 'credit_office', 'office3@credit.gov.cn')
    expect((await colleague.get(`/api/applications/${own.body.id}`)).body.actions.map((a: { name: string }) => a.name)).toEqual(['approve', 'reject'])
    // Withdrawn, so the office acts for no subject in the tests below.
    expect((await office.post(`/api/applications/${own.body.id}/actions`, { action: 'withdraw', version: 0 })).body.state).toBe('withdrawn')
  })
})

describe('subject claim (主体认领), end to end', () => {
  let claimId: number

  it('refuses a wrong credit code and a missing power of attorney, by field', async () => {
    const bad = await claim(applicant, '91211300MA0Y2K3L8A', 'bad-code-1')
    expect(bad.body.data.fields.creditCode[0]).toContain('校验码不正确')
    const unknown = await claim(applicant, '91211300MA0Y2K3L00'.slice(0, 17) + 'X', 'bad-code-2')
    expect(unknown.status).toBe(400)
    const noAuthorization = await claim(applicant, COMPANY.creditCode, 'no-auth-1', { isLegalRepresentative: false })
    expect(noAuthorization.body.data.fields.authorizationFileId).toEqual(['非法定代表人办理须上传授权委托书'])
  })

  it('files a claim once even when the button is pressed twice', async () => {
    const licence = await applicant.upload(samples.png, '营业执照.png')
    const body = { creditCode: COMPANY.creditCode.toLowerCase(), isLegalRepresentative: true, contactPhone: '13800138000', businessLicenceFileId: licence.body.id, requestKey: 'claim-xinda-1' }
    const [first, second] = await Promise.all([applicant.post('/api/claims', body), applicant.post('/api/claims', body)])
    expect([first.status, second.status].sort()).toEqual([200, 201])
    expect(first.body.id).toBe(second.body.id)
    claimId = first.body.id
    const other = await claim(applicant, COMPANY.creditCode, 'claim-xinda-2')
    expect([other.status, other.body.message]).toEqual([409, `您对该主体的认领申请（编号${claimId}）正在审核中，请勿重复提交`])
    const mine = await applicant.get('/api/me/applications')
    expect(mine.body.items.filter((a: { id: number }) => a.id === claimId)).toHaveLength(1)
    expect(mine.body.items[0]).toMatchObject({ kindLabel: '主体认领', stateLabel: '待审核', subjectName: COMPANY.name })
    expect(mine.body.items[0].daysLeft).toBeLessThanOrEqual(3)
  })

  it('hides the claim and its files from anyone else as a 404', async () => {
    expect((await stranger.get(`/api/applications/${claimId}`)).status).toBe(404)
    expect((await stranger.get('/api/applications/999999')).status).toBe(404)
    const detail = await applicant.get(`/api/applications/${claimId}`)
    const fileId = detail.body.history[0].files[0].id
    expect((await applicant.get(`/api/files/${fileId}`)).headers.get('content-type')).toBe('image/png')
    expect((await stranger.get(`/api/files/${fileId}`)).status).toBe(404)
    expect((await stranger.post(`/api/applications/${claimId}/actions`, { action: 'withdraw', version: 0 })).status).toBe(404)
  })

  it('shows the claim in the credit office queue with its deadline and whole history', async () => {
    const queue = await office.get('/api/admin/applications?kind=claim')
    expect(queue.body.items.map((a: { id: number }) => a.id)).toContain(claimId)
    const detail = await office.get(`/api/applications/${claimId}`)
    expect(detail.body.actions.map((a: { name: string }) => a.name)).toEqual(['approve', 'reject'])
    expect(detail.body.history[0]).toMatchObject({ actionLabel: '提交申请', actorName: '张经办' })
    const file = await office.get(`/api/files/${detail.body.history[0].files[0].id}`)
    expect(file.status).toBe(200)
  })

  it('lets exactly one of two reviewers acting at once win', async () => {
    const other = await staff(server, 'credit_office', 'office2@credit.gov.cn')
    const [a, b] = await Promise.all([
      office.post(`/api/applications/${claimId}/actions`, { action: 'approve', version: 0 }),
      other.post(`/api/applications/${claimId}/actions`, { action: 'approve', version: 0 }),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const loser = a.status === 409 ? a : b
    // Either the version check or (had the second come after the first) the state check refuses it.
    expect(loser.body.message).toMatch(/已被他人处理|申请当前为“已通过”/)
    const detail = await office.get(`/api/applications/${claimId}`)
    expect(detail.body.history.map((step: { action: string }) => step.action)).toEqual(['submit', 'approve'])
    expect(detail.body.state).toBe('approved')
  })

  it('tells the applicant in the message box and by e-mail', async () => {
    const messages = await applicant.get('/api/me/messages')
    expect(messages.body.items[0]).toMatchObject({ title: '您的主体认领申请已通过', link: `/me/applications/${claimId}` })
    const mail = await smtp.waitFor('agent@xinda.example.com', '主体认领')
    expect(mail.text).toContain(COMPANY.name)
    expect((await applicant.get('/api/me')).body.unread).toBe(1)
    await applicant.post('/api/me/messages/read', {})
    expect((await applicant.get('/api/me')).body.unread).toBe(0)
  })

  it('lets the agent see all the subject’s records, also those no longer public, and nobody else', async () => {
    const me = await applicant.get('/api/me')
    expect(me.body.user.role).toBe('subject_agent')
    const subject = me.body.subjects.find((s: { creditCode: string }) => s.creditCode === COMPANY.creditCode)
    const records = await applicant.get(`/api/me/subjects/${subject.id}/records`)
    expect(records.body.records.map((r: { documentNumber: string, isPublic: boolean }) => [r.documentNumber, r.isPublic])).toEqual([
      ['朝市监罚〔2026〕301号', true],
      ['朝市监罚〔2022〕9号', false],
    ])
    expect((await stranger.get(`/api/me/subjects/${subject.id}/records`)).status).toBe(404)
    expect((await applicant.post(`/api/applications/${claimId}/actions`, { action: 'withdraw', version: 1 })).status).toBe(409)
  })

  it('refuses a rejection without a reason, and records the reason given', async () => {
    const other = await claim(stranger, OTHER.creditCode, 'claim-hongyuan-1')
    const noReason = await office.post(`/api/applications/${other.body.id}/actions`, { action: 'reject', version: 0 })
    expect(noReason.body.data.fields.reason).toEqual(['驳回须填写理由'])
    const rejected = await office.post(`/api/applications/${other.body.id}/actions`, { action: 'reject', version: 0, reason: '营业执照照片不清晰，请重新拍摄' })
    expect(rejected.body.state).toBe('rejected')
    const seen = await stranger.get(`/api/applications/${other.body.id}`)
    expect(seen.body.history[1]).toMatchObject({ reason: '营业执照照片不清晰，请重新拍摄', actorName: '市信用办' })
    expect((await stranger.get('/api/me')).body.subjects).toEqual([])
  })

  it('audits staff reads of applications and files, for the admin to see', async () => {
    const admin = await staff(server, 'admin', 'admin@credit.gov.cn')
    const audit = await admin.get(`/api/admin/audit?entity=application`)
    const actions = audit.body.items.filter((e: { entityId: string }) => e.entityId === String(claimId)).map((e: { action: string }) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['claim.submit', 'application.read', 'claim.approve']))
    const files = await admin.get('/api/admin/audit?action=file.read')
    expect(files.body.items.length).toBeGreaterThanOrEqual(2)
  })
})

describe('a natural person’s own records without an identity provider', () => {
  it('offers no 实名核验 and no way to become a person by typing a name and an ID number', async () => {
    const person = await signedUp(server, '13800138777', '钱七')
    expect((await person.get('/api/me')).body).toMatchObject({ subjects: [], identityVerification: false })
    expect((await person.get('/api/auth/oidc/start')).status).toBe(404)
    expect((await person.get('/api/auth/oidc/callback?code=x&state=y')).status).toBe(404)
    expect((await person.call('GET', '/me/identity', undefined, { accept: 'text/html' })).status).toBe(404)
    const old = await person.post('/api/me/identity', { name: '钱七', idNumber: personId })
    expect([404, 405]).toContain(old.status)
    expect((await person.get('/api/me')).body.subjects).toEqual([])
    expect(server.output()).not.toContain(personId)
  })
})
