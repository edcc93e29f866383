import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addMonths, todayInChina } from '../../shared/utils/dates'
import { addWorkingDays } from '../../shared/utils/workingDays'
import { Client, samples } from '../support/client'
import { signInCast } from '../support/cast'
import { ingestAccepted } from '../support/ingest'
import { COMPANY, MARKET, OTHER, TAX, penaltyRow } from '../support/rows'
import { certified } from '../support/training'
import { startServer, waitForIndex, type TestServer } from '../support/server'
import { signaturePng } from '../support/signature'
import { startSmtp } from '../support/smtp'

const today = todayInChina()
/** Dates relative to today keep the test true on any day: under either regime these are (not) yet repairable. */
const fourMonthsAgo = addMonths(today, -4)
const thirteenMonthsAgo = addMonths(today, -13)
const twoMonthsAgo = addMonths(today, -2)
let server: TestServer
let smtp: Awaited<ReturnType<typeof startSmtp>>
let office: Client
let marketReviewer: Client
let taxReviewer: Client
let agent: Client
let otherAgent: Client
let subjectId: number
let certificate: string
let othersCertificate: string
const ids: Record<string, number> = {}

const search = (q: string) => fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}`).then(r => r.json() as Promise<{ total: number, hits: { id: number, documentNumber: string }[] }>)
const publicRecord = (id: number) => fetch(`${server.url}/api/records/${id}`)
const version = async (client: Client, id: number) => (await client.get(`/api/applications/${id}`)).body.version as number

async function apply(client: Client, recordIds: number[], key: string, extra: Record<string, unknown> = {}) {
  const proof = await client.upload(samples.pdf, '罚款缴纳凭证.pdf')
  return client.post('/api/repairs', {
    subjectId, recordIds, measures: '已于本月缴清全部罚款，并完成整改，建立了广告发布审核制度。', proofFileIds: [proof.body.id],
    commitmentConfirmed: true, signature: signaturePng(3), contactName: '张经办', contactPhone: '13800138000', requestKey: key, ...extra,
  })
}

beforeAll(async () => {
  smtp = await startSmtp()
  server = await startServer({ SMTP_URL: smtp.url })
  await ingestAccepted(server, MARKET.creditCode, 'penalty', [
    penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕601号', 处罚决定日期: fourMonthsAgo, 失信严重程度: '一般' }),
    penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕602号', 处罚决定日期: fourMonthsAgo }),
    penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕603号', 处罚决定日期: thirteenMonthsAgo, 失信严重程度: '严重' }),
    penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕604号', 处罚决定日期: twoMonthsAgo, 失信严重程度: '严重' }),
  ])
  const byTax = { 处罚决定日期: fourMonthsAgo, 处罚机关: TAX.name, 处罚机关统一社会信用代码: TAX.creditCode, 数据来源单位: TAX.name, 数据来源单位统一社会信用代码: TAX.creditCode }
  await ingestAccepted(server, TAX.creditCode, 'penalty', [
    penaltyRow({ ...byTax, 行政处罚决定书文号: '朝税罚〔2026〕88号' }),
    penaltyRow({ ...byTax, 行政处罚决定书文号: '朝税罚〔2026〕89号', 行政相对人名称: OTHER.name, 统一社会信用代码: OTHER.creditCode }),
  ])
  await waitForIndex(server)
  for (const n of ['601', '602', '603', '604']) ids[n] = (await search(`朝市监罚〔2026〕${n}号`)).hits.find(h => h.documentNumber === `朝市监罚〔2026〕${n}号`)!.id
  ids.tax = (await search('朝税罚〔2026〕88号')).hits[0]!.id
  ;({ office, marketReviewer, taxReviewer, agent, otherAgent } = await signInCast(server))
  subjectId = (await agent.get('/api/me')).body.subjects[0].id
  certificate = await certified(office, agent, subjectId)
  othersCertificate = await certified(office, otherAgent, (await otherAgent.get('/api/me')).body.subjects[0].id)
})
afterAll(async () => {
  await server?.stop()
  await smtp?.stop()
})

describe('credit repair (信用修复), end to end', () => {
  let repair: number

  it('shows each record’s timeline: grade, the rule whose periods apply, and whether it may be repaired now', async () => {
    const general = await publicRecord(ids['601']!).then(r => r.json())
    expect(general.repair).toMatchObject({ applies: true, eligible: true, gradeLabel: '一般', repairableFrom: addMonths(fourMonthsAgo, 3), reason: null })
    expect(general.repair.ruleLabel).toMatch(/^按20(23|26)年规则（最短公示3个月，最长(1|3)年）$/)
    const recent = await publicRecord(ids['604']!).then(r => r.json())
    expect(recent.repair).toMatchObject({ applies: true, eligible: false, gradeLabel: '严重', repairableFrom: addMonths(twoMonthsAgo, 12) })
    expect(recent.repair.reason).toMatch(/^最短公示期未满，\d{4}年\d{1,2}月\d{1,2}日后可申请$/)
    const own = await agent.get(`/api/me/subjects/${subjectId}/records`)
    expect(own.body.records.find((r: { id: number }) => r.id === ids['603']).repair.eligible).toBe(true)
  })

  it('refuses what is not repairable, with the reason and the field', async () => {
    const early = await apply(agent, [ids['604']!], 'repair-early')
    expect([early.status, early.body.data.fields.recordIds[0]]).toEqual([409, expect.stringContaining('最短公示期未满')])
    const mixed = await apply(agent, [ids['601']!, ids.tax!], 'repair-mixed')
    expect([mixed.status, mixed.body.message]).toEqual([400, expect.stringContaining('请按认定部门分别申请')])
    const noProof = await agent.post('/api/repairs', { subjectId, recordIds: [ids['601']], measures: '已缴清罚款并整改完毕。', proofFileIds: [], contactName: '张经办', contactPhone: '13800138000', requestKey: 'repair-bad' })
    expect(noProof.status).toBe(400)
    expect(noProof.body.data.fields.proofFileIds).toEqual(['请上传已履行义务的证明材料（如罚款缴纳凭证、整改报告）'])
    expect(noProof.body.data.fields.commitmentConfirmed).toEqual(['请阅读并确认信用修复承诺书'])
    expect(noProof.body.data.fields.signature).toEqual(['请手写签名'])
  })

  it('asks for what the finding department requires, set by the credit office', async () => {
    const { body: { items } } = await office.get('/api/admin/departments')
    const market = items.find((d: { creditCode: string }) => d.creditCode === MARKET.creditCode)
    const requirements = { certificate: true, documents: ['营业执照'] }
    expect((await marketReviewer.call('PUT', `/api/admin/departments/${market.id}/repair-requirements`, requirements)).status).toBe(403)
    expect((await office.call('PUT', `/api/admin/departments/${market.id}/repair-requirements`, requirements)).status).toBe(200)
    const options = await agent.get(`/api/me/subjects/${subjectId}/repair`)
    expect(options.body.requirements[market.id]).toEqual({ departmentName: MARKET.name, ...requirements })
    expect(options.body.certificates).toEqual([{ number: certificate, courseTitle: '信用修复专题培训', issuedOn: today }])
    const noCertificate = await apply(agent, [ids['601']!], 'repair-nocert')
    expect(noCertificate.body.data.fields.certificateNumber).toEqual(['认定部门要求提交信用修复培训证明，请先完成修复培训'])
    const notOurs = await apply(agent, [ids['601']!], 'repair-notours', { certificateNumber: othersCertificate })
    expect(notOurs.body.data.fields.certificateNumber).toEqual(['未找到本主体的该培训证明，请核对编号'])
    const missing = await apply(agent, [ids['601']!], 'repair-nodoc', { certificateNumber: certificate })
    expect(missing.body.data.fields['documentFileIds.营业执照']).toEqual(['认定部门要求提交：营业执照'])
  })

  it('files one application for two records, once, however often it is pressed, and tells the credit office', async () => {
    const licence = await agent.upload(samples.png, '营业执照.png')
    const extra = { certificateNumber: certificate, documentFileIds: { 营业执照: licence.body.id } }
    const [first, again] = await Promise.all([apply(agent, [ids['601']!, ids['602']!], 'repair-1', extra), apply(agent, [ids['601']!, ids['602']!], 'repair-1', extra)])
    expect([first.status, again.status].sort()).toEqual([200, 201])
    repair = first.body.id
    expect(again.body.id).toBe(repair)
    const licence2 = await agent.upload(samples.png, '营业执照.png')
    const twice = await apply(agent, [ids['602']!], 'repair-1b', { certificateNumber: certificate, documentFileIds: { 营业执照: licence2.body.id } })
    expect([twice.status, twice.body.data.fields.recordIds[0]]).toEqual([409, '朝市监罚〔2026〕602号：该记录的信用修复申请正在办理中'])
    // Which application holds it, for the wizard and the record page to link to (issue 15 item 6).
    expect(twice.body.data.applicationId).toBe(repair)
    expect((await agent.get(`/api/me/records/${ids['602']}`)).body.record).toMatchObject({ repairId: repair, repair: { eligible: false, reason: '该记录的信用修复申请正在办理中' } })
    const detail = await agent.get(`/api/applications/${repair}`)
    expect(detail.body).toMatchObject({ kindLabel: '信用修复', stateLabel: '初审中', dueOn: addWorkingDays(today, 3) })
    expect(detail.body.context.repair.records.map((r: { documentNumber: string }) => r.documentNumber)).toEqual(['朝市监罚〔2026〕601号', '朝市监罚〔2026〕602号'])
    expect(detail.body.context.repair.certificate).toEqual({ number: certificate, courseTitle: '信用修复专题培训', issuedOn: today })
    // The 信用修复型 commitment is signed, sealed and published with the filing, as any commitment is.
    const { commitmentCode, commitmentText } = detail.body.context.repair
    expect(commitmentText).toContain(`${COMPANY.name}（统一社会信用代码：${COMPANY.creditCode}）就${MARKET.name}行政处罚（朝市监罚〔2026〕601号）、${MARKET.name}行政处罚（朝市监罚〔2026〕602号）申请信用修复`)
    const published = await fetch(`${server.url}/api/commitments/${commitmentCode}`).then(r => r.json())
    expect(published).toMatchObject({ code: commitmentCode, type: 'repair', subjectName: COMPANY.name, acceptingBody: MARKET.name, judgingDepartment: MARKET.name, disclosure: 'public' })
    expect(published.verification.valid).toBe(true)
    expect(detail.body.history[0].files.map((f: { name: string }) => f.name)).toEqual(['营业执照.png', '罚款缴纳凭证.pdf'])
    expect((await office.get('/api/me/messages')).body.items[0]).toMatchObject({ title: '收到新的信用修复申请', link: `/admin/applications/${repair}` })
    // Still public while it is decided: only approval stops publication.
    expect((await publicRecord(ids['601']!)).status).toBe(200)
  })

  it('keeps it from another subject’s agent and another department’s reviewer', async () => {
    expect((await otherAgent.get(`/api/applications/${repair}`)).status).toBe(404)
    expect((await otherAgent.get(`/api/applications/${repair}/decision.pdf`)).status).toBe(404)
    expect((await otherAgent.get(`/api/me/subjects/${subjectId}/repair`)).status).toBe(404)
    expect((await apply(otherAgent, [ids['603']!], 'not-mine')).status).toBe(404)
    expect((await taxReviewer.get(`/api/applications/${repair}`)).status).toBe(404)
    expect((await new Client(server).get(`/api/applications/${repair}/decision.pdf`)).status).toBe(401)
  })

  it('初审 returns it for completion with what is missing; the resubmission restarts the clock', async () => {
    const noReason = await office.post(`/api/applications/${repair}/actions`, { action: 'return', version: await version(office, repair) })
    expect(noReason.body.data.fields.reason).toEqual(['退回补正须填写理由'])
    const returned = await office.post(`/api/applications/${repair}/actions`, { action: 'return', version: await version(office, repair), reason: '缺少整改报告，请补充上传。' })
    expect(returned.body.state).toBe('returned')
    expect((await agent.get('/api/me/messages')).body.items[0]).toMatchObject({ title: '您的信用修复申请待补正材料', body: expect.stringContaining('缺少整改报告') })
    const report = await agent.upload(samples.pdf, '整改报告.pdf')
    const wrongCertificate = await agent.post(`/api/applications/${repair}/actions`, { action: 'resubmit', version: await version(agent, repair), certificateNumber: othersCertificate })
    expect(wrongCertificate.body.data.fields.certificateNumber).toEqual(['未找到本主体的该培训证明，请核对编号'])
    const resubmitted = await agent.post(`/api/applications/${repair}/actions`, { action: 'resubmit', version: await version(agent, repair), reason: '已补充整改报告', fileIds: [report.body.id] })
    expect(resubmitted.body.state).toBe('submitted')
    expect((await agent.get(`/api/applications/${repair}`)).body).toMatchObject({ stateLabel: '初审中', dueOn: addWorkingDays(today, 3) })
    expect((await office.get('/api/me/messages')).body.items[0].title).toBe('信用修复申请已补正材料')
  })

  it('the credit office accepts; the finding department decides, and the credit office may not', async () => {
    const accepted = await office.post(`/api/applications/${repair}/actions`, { action: 'accept', version: await version(office, repair) })
    expect(accepted.body.state).toBe('accepted')
    expect((await marketReviewer.get('/api/me/messages')).body.items[0]).toMatchObject({ title: '收到信用修复申请（已通过初审）' })
    expect((await office.post(`/api/applications/${repair}/actions`, { action: 'approve', version: await version(office, repair) })).status).toBe(403)
    expect((await marketReviewer.get(`/api/applications/${repair}`)).body.actions.map((a: { name: string }) => a.name)).toEqual(['approve', 'reject'])
    expect((await agent.get(`/api/applications/${repair}/decision.pdf`)).status).toBe(404)
  })

  it('approval stops publication at once: gone from the record page, the profile and search; 已修复 in 我的', async () => {
    const approved = await marketReviewer.post(`/api/applications/${repair}/actions`, { action: 'approve', version: await version(marketReviewer, repair), reason: '已履行义务，同意修复' })
    expect(approved.body.state).toBe('repaired')
    expect((await publicRecord(ids['601']!)).status).toBe(404)
    expect((await publicRecord(ids['602']!)).status).toBe(404)
    const profile = await fetch(`${server.url}/api/subjects/${COMPANY.creditCode}`).then(r => r.json())
    expect(profile.records.map((r: { id: number }) => r.id)).not.toContain(ids['601'])
    await waitForIndex(server)
    expect((await search('朝市监罚〔2026〕601号')).total).toBe(0)
    expect((await search('朝市监罚〔2026〕602号')).total).toBe(0)
    const own = await agent.get(`/api/me/records/${ids['601']}`)
    expect(own.body.record).toMatchObject({ state: 'repaired', isPublic: false, repairId: null, repairedBy: repair })
    expect(own.body.record.repair.reason).toBe('该记录已修复，不再公示')
    const detail = await agent.get(`/api/applications/${repair}`)
    expect(detail.body.context.repair.decision).toMatchObject({ number: `朝信修决〔${today.slice(0, 4)}〕1号`, issuedOn: today })
    expect((await agent.get('/api/me/messages')).body.items[0].title).toBe('您的信用修复申请已修复')
    const mail = await smtp.waitFor('agent@xinda.example.com', '信用修复')
    expect(mail.text).toContain(`/me/applications/${repair}`)
  })

  it('the repair commitment is found under 信用承诺 and on the profile (issue 15 item 1)', async () => {
    await waitForIndex(server)
    const found = await fetch(`${server.url}/api/commitments?q=${encodeURIComponent(COMPANY.name)}`).then(r => r.json())
    expect(found.hits).toEqual([expect.objectContaining({ type: 'repair', subjectName: COMPANY.name })])
    const onProfile = await fetch(`${server.url}/api/subjects/${COMPANY.creditCode}/commitments`).then(r => r.json())
    expect(onProfile.items).toEqual([expect.objectContaining({ type: 'repair' })])
  })

  it('anyone shown the decision checks it on its public page by number: sealed, nothing non-public (item 2)', async () => {
    const number = `朝信修决〔${today.slice(0, 4)}〕1号`
    const { decision } = (await agent.get(`/api/applications/${repair}`)).body.context.repair
    expect(decision.verifyUrl).toBe(`/repair-decisions/${today.slice(0, 4)}-1`)
    const page = await fetch(`${server.url}/api${decision.verifyUrl}`)
    expect(page.status).toBe(200)
    const body = await page.json()
    expect(body).toMatchObject({
      number, issuedOn: today, department: MARKET.name, departmentCreditCode: MARKET.creditCode, recordCount: 2,
      subject: { name: COMPANY.name, creditCode: COMPANY.creditCode }, verification: { valid: true, text: '签章有效，内容未被篡改' },
    })
    expect(body.records.map((r: { documentNumber: string }) => r.documentNumber)).toEqual(['朝市监罚〔2026〕601号', '朝市监罚〔2026〕602号'])
    const text = JSON.stringify(body)
    for (const secret of ['13800138000', '张经办', '缴清全部罚款', '营业执照', 'fileId']) expect(text).not.toContain(secret)
    expect((await fetch(`${server.url}/api/repair-decisions/${encodeURIComponent(number)}`)).status).toBe(200)
    for (const missing of [`${today.slice(0, 4)}-99`, 'abc', '2026-01']) expect((await fetch(`${server.url}/api/repair-decisions/${missing}`)).status).toBe(404)
  })

  it('issues the decision as a PDF for the applicant and the department', async () => {
    const pdf = await agent.get(`/api/applications/${repair}/decision.pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-')
    expect((pdf.body as Buffer).includes(Buffer.from('NotoSansHans'))).toBe(true)
    expect((await marketReviewer.get(`/api/applications/${repair}/decision.pdf`)).status).toBe(200)
  })

  it('a serious penalty: rejected with reasons, and the subject may apply again', async () => {
    const licence = await agent.upload(samples.png, '营业执照.png')
    const filed = await apply(agent, [ids['603']!], 'repair-603', { certificateNumber: certificate, documentFileIds: { 营业执照: licence.body.id } })
    expect(filed.status).toBe(201)
    await office.post(`/api/applications/${filed.body.id}/actions`, { action: 'accept', version: 0 })
    const noReason = await marketReviewer.post(`/api/applications/${filed.body.id}/actions`, { action: 'reject', version: 1 })
    expect(noReason.body.data.fields.reason).toEqual(['不予修复须填写理由'])
    const rejected = await marketReviewer.post(`/api/applications/${filed.body.id}/actions`, { action: 'reject', version: 1, reason: '罚款尚未缴清，请缴清后再申请。' })
    expect(rejected.body.state).toBe('rejected')
    expect((await agent.get(`/api/applications/${filed.body.id}`)).body.history.at(-1)).toMatchObject({ reason: '罚款尚未缴清，请缴清后再申请。', actorName: '部门审核员' })
    expect((await publicRecord(ids['603']!)).status).toBe(200)
    const licence2 = await agent.upload(samples.png, '营业执照.png')
    const again = await apply(agent, [ids['603']!], 'repair-603-again', { certificateNumber: certificate, documentFileIds: { 营业执照: licence2.body.id } })
    expect(again.status).toBe(201)
    const withdrawn = await agent.post(`/api/applications/${again.body.id}/actions`, { action: 'withdraw', version: 0 })
    expect(withdrawn.body.state).toBe('withdrawn')
    expect((await agent.get(`/api/me/records/${ids['603']}`)).body.record.repair.eligible).toBe(true)
  })

  it('counts repairs per finding department by outcome and working days to decide', async () => {
    const stats = await office.get('/api/admin/stats/repairs')
    expect(stats.body.items).toEqual([expect.objectContaining({
      department: MARKET.name, total: 3, open: 0, overdue: 0, outcomes: { repaired: 1, rejected: 1, withdrawn: 1 }, medianWorkingDays: 0, onTime: 2,
    })])
    expect((await marketReviewer.get('/api/admin/stats/repairs')).status).toBe(403)
  })
})
