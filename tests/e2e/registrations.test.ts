import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chineseDate, todayInChina } from '../../shared/utils/dates'
import { drawSignature, expectSoundPage, launchBrowser, phonePage, signedInPhone } from '../support/browser'
import { STRONG_PASSWORD, agentOf, samples, staff } from '../support/client'
import { ingestAccepted } from '../support/ingest'
import { COMPANY, MARKET, penaltyRow } from '../support/rows'
import { startServer, type TestServer } from '../support/server'

let server: TestServer
let browser: Browser
let subjectId: number

beforeAll(async () => {
  server = await startServer()
  await ingestAccepted(server, MARKET.creditCode, 'penalty', [penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕901号' })])
  const office = await staff(server, 'credit_office', 'office@credit.gov.cn')
  const agent = await agentOf(server, office, 'agent@register.example.com', COMPANY.creditCode)
  subjectId = (await agent.get('/api/me')).body.subjects[0].id
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('a voluntary registration on a phone', () => {
  it('is filed with evidence and a drawn signature, verified by the credit office, and shown on the profile', async () => {
    const visitor = await phonePage(browser)
    await visitor.page.goto(`${server.url}/registrations`, { waitUntil: 'networkidle' })
    await visitor.page.getByRole('heading', { name: '信用信息自愿注册指南' }).waitFor()
    await expectSoundPage(visitor.page, visitor.problems, 'registration-guide')

    const business = await signedInPhone(browser, server.url, 'agent@register.example.com', STRONG_PASSWORD, /\/me$/)
    const page = business.page
    await page.goto(`${server.url}/me/subjects/${subjectId}`, { waitUntil: 'networkidle' })
    await page.getByRole('link', { name: '自愿注册', exact: true }).click()
    await page.waitForURL(/\/me\/registrations\/new\?subject=/)
    await page.waitForLoadState('networkidle')
    // Numbered 1–5 before a category is picked too (step 2 is not hidden until then).
    await page.getByRole('heading', { name: '1. 选择类别' }).waitFor()
    const steps = await page.locator('section > h2').allTextContents()
    expect(steps.map(t => /^(\d+)\./.exec(t.trim())?.[1]).filter(Boolean)).toEqual(['1', '2', '3', '4', '5'])

    await page.getByRole('button', { name: '签署承诺并提交注册' }).click()
    await page.getByText('请选择注册类别').first().waitFor()
    await page.getByText('请手写签名').first().waitFor()

    await page.getByLabel('资质证照').check()
    await page.getByLabel('证照名称').fill('食品经营许可证')
    await page.getByLabel('证照编号').fill('JY12113000012345')
    await page.getByLabel('发证机关').fill('朝阳市市场监督管理局')
    await page.locator('#registration-evidence').setInputFiles({ name: '许可证.png', mimeType: 'image/png', buffer: samples.png })
    await page.getByText('许可证.png').waitFor()
    await page.getByText(`${COMPANY.name}（统一社会信用代码：${COMPANY.creditCode}）自愿注册资质证照信息“食品经营许可证”`).waitFor()
    await page.getByLabel('我已阅读上述承诺书，代表本主体作出承诺并授权共享').check()
    await drawSignature(page)
    await page.getByText('已签名，可清除后重签').waitFor({ timeout: 5000 })
    await expectSoundPage(page, business.problems, 'registration-wizard')
    await page.getByRole('button', { name: '签署承诺并提交注册' }).click()
    await page.waitForURL(/\/me\/applications\/\d+/)
    const applicationId = new URL(page.url()).pathname.split('/').at(-1)
    await page.getByText('待核验').first().waitFor()
    await expectSoundPage(page, business.problems, 'registration-submitted')

    const office = await signedInPhone(browser, server.url, 'office@credit.gov.cn', STRONG_PASSWORD, /\/admin$/)
    await office.page.goto(`${server.url}/admin/applications/${applicationId}`, { waitUntil: 'networkidle' })
    await office.page.getByText('许可证.png').waitFor()
    await office.page.getByRole('button', { name: '核验通过' }).click()
    await office.page.getByText('已核验').first().waitFor()
    await expectSoundPage(office.page, office.problems, 'registration-verified')

    await visitor.page.goto(`${server.url}/subjects/${COMPANY.creditCode}`, { waitUntil: 'networkidle' })
    await visitor.page.getByRole('heading', { name: '自愿注册信息（1）' }).waitFor()
    await visitor.page.getByText(`核验日期 ${chineseDate(todayInChina())}`).waitFor()
    await expectSoundPage(visitor.page, visitor.problems, 'registration-profile')

    await page.goto(`${server.url}/me/subjects/${subjectId}`, { waitUntil: 'networkidle' })
    await page.getByRole('heading', { name: '自愿注册（1）' }).waitFor()
    await expectSoundPage(page, business.problems, 'registration-mine')
  })
})
