import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../scripts/seed/accounts'
import { drawSignature, expectSoundPage, launchBrowser, signedInPhone } from '../support/browser'
import { Client, STRONG_PASSWORD, agentOf, samples } from '../support/client'
import { sqlOn } from '../support/sql'
import { answerRight } from '../support/training'
import { startServer, waitForIndex, type TestServer } from '../support/server'

let server: TestServer
let browser: Browser
let record: { id: number, creditCode: string, subjectName: string, documentNumber: string }
let office: Client
let course: { id: number, title: string, lessons: number[] }

interface Hit { id: number, creditCode: string, subjectName: string, documentNumber: string }

beforeAll(async () => {
  server = await startServer()
  const seeded = await server.cli('scripts/seed.ts', ['--records', '300'])
  expect(seeded.status, seeded.stderr).toBe(0)
  await waitForIndex(server)
  // A penalty of the market regulator (its demo reviewer decides) past its minimum period.
  const found = await fetch(`${server.url}/api/search?kind=penalty&department=${encodeURIComponent('朝阳市市场监督管理局')}&q=有限公司&pageSize=50`)
    .then(r => r.json() as Promise<{ hits: Hit[] }>)
  for (const hit of found.hits) {
    const detail = await fetch(`${server.url}/api/records/${hit.id}`).then(r => r.json() as Promise<{ repair: { eligible: boolean } }>)
    if (detail.repair.eligible) {
      record = hit
      break
    }
  }
  expect(record, 'a repairable market penalty in the seed').toBeDefined()
  office = new Client(server)
  await office.post('/api/auth/login', { account: 'office@demo.gov.cn', password: DEMO_PASSWORD })
  await agentOf(server, office, 'agent@repair.example.com', record.creditCode)
  // The market regulator asks for the training certificate; the seed's demo course gives it.
  const departments = (await office.get('/api/admin/departments')).body.items as { id: number, name: string }[]
  const market = departments.find(d => d.name === '朝阳市市场监督管理局')!
  expect((await office.call('PUT', `/api/admin/departments/${market.id}/repair-requirements`, { certificate: true, documents: [] })).status).toBe(200)
  const listed = (await office.get('/api/admin/courses')).body.items[0]
  const detail = (await office.get(`/api/admin/courses/${listed.id}`)).body
  course = { id: listed.id, title: listed.title, lessons: detail.lessons.map((l: { id: number }) => l.id) }
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('a credit repair on a phone', () => {
  it('takes the course, applies with its certificate from the record, is accepted and approved, and leaves public search', async () => {
    const business = await signedInPhone(browser, server.url, 'agent@repair.example.com', STRONG_PASSWORD, /\/me$/)
    let page = business.page
    for (const lesson of course.lessons) {
      await page.goto(`${server.url}/training/${course.id}/lessons/${lesson}`, { waitUntil: 'networkidle' })
      await page.getByRole('button', { name: '本节已学完' }).click()
      // Not at once: the lesson's reading time must pass first (the server's clock, set back here).
      await page.getByText(/后再标记学完$/).and(page.getByRole('status')).waitFor()
      await sqlOn(server, `update lesson_progress set started_at = started_at - interval '10 minutes'`)
      await page.getByRole('button', { name: '本节已学完' }).click()
      await page.getByText('本节已学完', { exact: true }).and(page.getByRole('status')).waitFor()
    }
    await page.goto(`${server.url}/training/${course.id}`, { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: '开始测试' }).click()
    await page.waitForURL(/\/training\/attempts\/\d+$/)
    await answerRight(page, office, course.id)
    await page.getByRole('button', { name: '交卷' }).click()
    await page.getByText('测试合格').waitFor()
    await page.getByRole('link', { name: '查看培训证明' }).click()
    await page.waitForURL(/\/certificates\/PX\d{14}$/)
    const certificate = new URL(page.url()).pathname.split('/').at(-1)!

    await page.goto(`${server.url}/records/${record.id}`, { waitUntil: 'networkidle' })
    await page.getByText('可申请信用修复').first().waitFor()
    await expectSoundPage(page, business.problems, 'repair-record')
    await page.getByRole('link', { name: '申请信用修复' }).click()
    await page.waitForURL(/\/me\/repair\?record=/)
    await page.getByRole('button', { name: '签署承诺并提交修复申请' }).click()
    // Beside the field and, as a link to it, in the form's summary.
    await page.getByRole('link', { name: '请上传已履行义务的证明材料（如罚款缴纳凭证、整改报告）' }).waitFor()
    await page.locator('#repair-proof').setInputFiles({ name: '罚款缴纳凭证.png', mimeType: 'image/png', buffer: samples.png })
    await page.getByText('罚款缴纳凭证.png').waitFor()
    await page.getByLabel(new RegExp(certificate)).check()
    await page.getByLabel('履行义务及整改情况').fill('罚款已于上月全额缴纳，已撤下违规宣传内容并建立广告审核制度。')
    await page.getByText(`${record.subjectName}（统一社会信用代码：${record.creditCode}）就朝阳市市场监督管理局行政处罚（${record.documentNumber}）申请信用修复`).waitFor()
    await page.getByLabel('我已阅读上述承诺书，代表本主体作出承诺').check()
    await drawSignature(page)
    await page.getByLabel('联系电话').fill('13900139000')
    await expectSoundPage(page, business.problems, 'repair-wizard')
    await page.getByRole('button', { name: '签署承诺并提交修复申请' }).click()
    await page.waitForURL(/\/me\/applications\/\d+/)
    const applicationId = new URL(page.url()).pathname.split('/').at(-1)
    await page.getByText('初审中').first().waitFor()
    await expectSoundPage(page, business.problems, 'repair-submitted')
    // The commitment is published under 信用承诺 at once (issue 15 item 1).
    await page.getByRole('link', { name: /^承诺编码 \d{20}$/ }).click()
    await page.waitForURL(/\/commitments\/\d{20}$/)
    await page.getByText('信用修复型').first().waitFor()
    await expectSoundPage(page, business.problems, 'repair-commitment')

    // Back to the record: it is in an open repair, and both its page and the wizard say so (item 6).
    await page.goto(`${server.url}/records/${record.id}`, { waitUntil: 'networkidle' })
    await page.getByText(`该记录的信用修复申请正在办理中（申请编号 ${applicationId}）`).waitFor()
    expect(await page.getByRole('link', { name: '申请信用修复', exact: true }).count()).toBe(0)
    await expectSoundPage(page, business.problems, 'repair-record-open')
    await page.goto(`${server.url}/me/repair?record=${record.id}`, { waitUntil: 'networkidle' })
    await page.getByRole('link', { name: '查看办理进度' }).click()
    await page.waitForURL(new RegExp(`/me/applications/${applicationId}$`))

    const creditOffice = await signedInPhone(browser, server.url, 'office@demo.gov.cn', DEMO_PASSWORD, /\/admin$/)
    await creditOffice.page.goto(`${server.url}/admin/applications/${applicationId}`, { waitUntil: 'networkidle' })
    await creditOffice.page.getByText('罚款缴纳凭证.png').waitFor()
    await creditOffice.page.getByRole('link', { name: new RegExp(certificate) }).waitFor()
    await creditOffice.page.getByRole('button', { name: '初审通过' }).click()
    await creditOffice.page.getByText('认定部门审核中').first().waitFor()

    const reviewer = await signedInPhone(browser, server.url, 'market@demo.gov.cn', DEMO_PASSWORD, /\/admin$/)
    page = reviewer.page
    await page.locator(`a[href="/admin/applications/${applicationId}"]`).first().click()
    await page.waitForURL(/\/admin\/applications\/\d+/)
    await page.getByText('信用修复承诺书（已确认）').waitFor()
    await page.getByLabel('理由或说明').fill('已履行处罚决定，整改到位，同意修复。')
    await expectSoundPage(page, reviewer.problems, 'repair-decide')
    await page.getByRole('button', { name: '同意修复' }).click()
    await page.getByText('已修复').first().waitFor()

    await waitForIndex(server)
    const search = await fetch(`${server.url}/api/search?q=${encodeURIComponent(record.documentNumber)}`).then(r => r.json() as Promise<{ hits: Hit[] }>)
    expect(search.hits.map(h => h.id)).not.toContain(record.id)
    page = business.page
    await page.goto(`${server.url}/search?q=${encodeURIComponent(record.documentNumber)}`, { waitUntil: 'networkidle' })
    expect(await page.locator(`a[href="/records/${record.id}"]`).count()).toBe(0)

    await page.goto(`${server.url}/me/applications/${applicationId}`, { waitUntil: 'networkidle' })
    await page.getByRole('heading', { name: '信用修复决定书' }).waitFor()
    await expectSoundPage(page, business.problems, 'repair-approved')
    const pdf = await page.request.get(`${server.url}/api/applications/${applicationId}/decision.pdf`)
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    const dir = process.env.SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'repair-pdf-'))
    writeFileSync(join(dir, 'repair-decision.pdf'), await pdf.body())
    // Rendered as a person sees it (pdftoppm), and its text read back: Chinese, not boxes or gaps.
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', join(dir, 'repair-decision.pdf'), join(dir, 'repair-decision')])
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'repair-decision.pdf'), '-'], { encoding: 'utf8' })
    expect(text).toContain('信用修复决定书')
    expect(text).toContain(record.documentNumber)
    expect(text).toContain(record.subjectName)
    // Checkable by whoever is shown it: the address under the QR code is the public verification page (item 2).
    const verifyPath = text.match(/\/repair-decisions\/\d{4}-\d+/)![0]
    const stranger = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await stranger.goto(`${server.url}${verifyPath}`, { waitUntil: 'networkidle' })
    await stranger.getByText('签章有效，内容未被篡改').waitFor()
    await stranger.getByText(record.documentNumber).waitFor()
    await stranger.screenshot({ path: join(dir, 'repair-decision-verify.png'), fullPage: true })
    await stranger.close()

    await page.goto(`${server.url}/me`, { waitUntil: 'networkidle' })
    await page.getByText('您的信用修复申请已修复').waitFor()
  })
})
