import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { drawSignature, expectSoundPage, launchBrowser, phonePage, signedInPhone } from '../support/browser'
import { STRONG_PASSWORD, agentOf, staff } from '../support/client'
import { ingestAccepted } from '../support/ingest'
import { COMPANY, MARKET, penaltyRow } from '../support/rows'
import { startServer, waitForIndex, type TestServer } from '../support/server'

let server: TestServer
let browser: Browser
let subjectId: number

async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label).click()
  await page.getByRole('option', { name: option }).click()
  // While the list is open (and closing) the page outside it takes no pointer input.
  await page.getByRole('listbox').waitFor({ state: 'detached' })
}

beforeAll(async () => {
  server = await startServer()
  await ingestAccepted(server, MARKET.creditCode, 'penalty', [penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕801号' })])
  const office = await staff(server, 'credit_office', 'office@credit.gov.cn')
  await staff(server, 'department_reviewer', 'reviewer@market.gov.cn', MARKET.creditCode)
  const agent = await agentOf(server, office, 'agent@commit.example.com', COMPANY.creditCode)
  subjectId = (await agent.get('/api/me')).body.subjects[0].id
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('a credit commitment signed on a phone', () => {
  it('is signed with a drawn signature, published, verified, found, and downloaded as a PDF', async () => {
    const business = await signedInPhone(browser, server.url, 'agent@commit.example.com', STRONG_PASSWORD, /\/me$/)
    const page = business.page
    await page.goto(`${server.url}/me/subjects/${subjectId}`, { waitUntil: 'networkidle' })
    await page.getByRole('link', { name: '签署信用承诺' }).click()
    await page.waitForURL(/\/me\/commitments\/new\?subject=/)
    await page.waitForLoadState('networkidle')

    // Nothing filled in: every field says what it needs, the empty pad too.
    await page.getByRole('button', { name: '确认签署并加盖电子签章' }).click()
    await page.getByText('请手写签名').first().waitFor()
    await page.getByText('请选择承诺书模板').first().waitFor()

    await choose(page, '承诺类型与模板', '审批替代型（告知承诺） · 通用')
    await page.getByLabel('承诺事由').fill('食品经营许可')
    await choose(page, '承诺受理单位', MARKET.name)
    await choose(page, '履约认定单位', MARKET.name)
    // The filled-in text to review, with the subject's own details.
    await page.getByText(`${COMPANY.name}（统一社会信用代码：${COMPANY.creditCode}）申请办理食品经营许可`).waitFor()
    await drawSignature(page)
    await page.getByText('已签名，可清除后重签').waitFor({ timeout: 5000 })
    await expectSoundPage(page, business.problems, 'commitment-sign')
    await page.getByRole('button', { name: '确认签署并加盖电子签章' }).click()
    await page.waitForURL(/\/commitments\/211300\d{14}$/)
    const code = new URL(page.url()).pathname.split('/').at(-1)!

    // Published and verified, for anyone.
    const visitor = await phonePage(browser)
    await visitor.page.goto(`${server.url}/commitments/${code}`, { waitUntil: 'networkidle' })
    await visitor.page.getByTestId('verification').getByText('签章有效，内容未被篡改').waitFor()
    await visitor.page.getByRole('img', { name: `${COMPANY.name}的手写签名` }).waitFor()
    await expectSoundPage(visitor.page, visitor.problems, 'commitment-published')

    await waitForIndex(server)
    await visitor.page.goto(`${server.url}/commitments?q=${encodeURIComponent('鑫达建材')}`, { waitUntil: 'networkidle' })
    await visitor.page.locator(`a[href="/commitments/${code}"]`).waitFor()
    await expectSoundPage(visitor.page, visitor.problems, 'commitment-search')
    await visitor.page.goto(`${server.url}/subjects/${COMPANY.creditCode}`, { waitUntil: 'networkidle' })
    await visitor.page.locator(`a[href="/commitments/${code}"]`).waitFor()
    await expectSoundPage(visitor.page, visitor.problems, 'commitment-profile')

    const pdf = await visitor.page.request.get(`${server.url}/api/commitments/${code}/pdf`)
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    const dir = process.env.SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'commitment-pdf-'))
    writeFileSync(join(dir, 'commitment.pdf'), await pdf.body())
    execFileSync('pdftoppm', ['-png', '-r', '80', join(dir, 'commitment.pdf'), join(dir, 'commitment-pdf')])
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'commitment.pdf'), '-'], { encoding: 'utf8' })
    expect(text).toContain('信用承诺书')
    expect(text).toContain(code)
    expect(text).toContain(COMPANY.name)
    expect(text).toContain('签章有效，内容未被篡改')
    // The address may wrap at a slash, depending on the test server's port: compare without line breaks.
    expect(text.replace(/\s+/g, '')).toContain(`/commitments/${code}`)

    await page.goto(`${server.url}/me/subjects/${subjectId}`, { waitUntil: 'networkidle' })
    await page.locator(`a[href="/commitments/${code}"]`).waitFor()
    await expectSoundPage(page, business.problems, 'commitment-mine')

    // The judging department records a partial fulfilment in the console: 违诺 on the page.
    const reviewer = await signedInPhone(browser, server.url, 'reviewer@market.gov.cn', STRONG_PASSWORD, /\/admin$/)
    await reviewer.page.getByRole('link', { name: '信用承诺' }).click()
    await reviewer.page.waitForURL(/\/admin\/commitments$/)
    await reviewer.page.getByText(code).waitFor()
    await reviewer.page.getByLabel('部分履行').check()
    await reviewer.page.getByLabel('认定说明').fill('未在约定期限内补交全部材料')
    await expectSoundPage(reviewer.page, reviewer.problems, 'commitment-console')
    await reviewer.page.getByRole('button', { name: '记录履行状态' }).click()
    await reviewer.page.getByText('违诺').first().waitFor()
    await visitor.page.goto(`${server.url}/commitments/${code}`, { waitUntil: 'networkidle' })
    await visitor.page.getByText('违诺').first().waitFor()
    await visitor.page.getByText('未在约定期限内补交全部材料').waitFor()
    await expectSoundPage(visitor.page, visitor.problems, 'commitment-breach')

    const office = await signedInPhone(browser, server.url, 'office@credit.gov.cn', STRONG_PASSWORD, /\/admin$/)
    await office.page.goto(`${server.url}/admin/commitments/templates`, { waitUntil: 'networkidle' })
    await office.page.getByRole('heading', { name: '证明事项告知承诺书（审批替代）' }).waitFor()
    await expectSoundPage(office.page, office.problems, 'commitment-templates')
  })
})
