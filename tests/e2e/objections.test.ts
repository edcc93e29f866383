import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../scripts/seed/accounts'
import { expectSoundPage, launchBrowser, signedInPhone } from '../support/browser'
import { Client, STRONG_PASSWORD, agentOf, samples } from '../support/client'
import { startServer, waitForIndex, type TestServer } from '../support/server'

let server: TestServer
let browser: Browser
let record: { id: number, creditCode: string, subjectName: string }

beforeAll(async () => {
  server = await startServer()
  const seeded = await server.cli('scripts/seed.ts', ['--records', '300'])
  expect(seeded.status, seeded.stderr).toBe(0)
  await waitForIndex(server)
  // A penalty of the market regulator, whose demo reviewer decides objections about it.
  const found = await fetch(`${server.url}/api/search?kind=penalty&department=${encodeURIComponent('朝阳市市场监督管理局')}&q=有限公司&pageSize=1`)
    .then(r => r.json() as Promise<{ hits: { id: number, creditCode: string, subjectName: string }[] }>)
  record = found.hits[0]!
  const office = new Client(server)
  await office.post('/api/auth/login', { account: 'office@demo.gov.cn', password: DEMO_PASSWORD })
  await agentOf(server, office, 'agent@e2e.example.com', record.creditCode)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('an objection on a phone', () => {
  it('is filed with a photo of a receipt, decided in the console, and answered in 我的', async () => {
    const business = await signedInPhone(browser, server.url, 'agent@e2e.example.com', STRONG_PASSWORD, /\/me$/)
    let page = business.page
    await page.getByRole('link', { name: new RegExp(record.subjectName) }).first().click()
    await page.waitForURL(/\/me\/subjects\/\d+/)
    await page.locator(`a[href="/me/objection?record=${record.id}"]`).click()
    await page.waitForURL(/\/me\/objection\?record=/)
    await page.getByRole('button', { name: '提交异议' }).click()
    await page.getByText('请选择异议理由').first().waitFor()
    // The summary at the top of the form links to each field to mend (STYLE.md rule 4).
    const summary = page.getByRole('alert').filter({ hasText: '请修改以下问题' })
    await summary.getByRole('link', { name: '请选择异议理由' }).waitFor()
    await expectSoundPage(page, business.problems, 'objection-form-summary')
    await page.getByLabel('信息错误').check()
    await page.getByLabel('异议说明').fill('处罚内容登记有误，实际为警告，未处罚款，见缴款凭证。')
    await page.locator('#objection-files').setInputFiles({ name: '缴款凭证.png', mimeType: 'image/png', buffer: samples.png })
    await page.getByText('缴款凭证.png').waitFor()
    await page.getByLabel('联系电话').fill('13900139000')
    await expectSoundPage(page, business.problems, 'objection-form')
    await page.getByRole('button', { name: '提交异议' }).click()
    await page.waitForURL(/\/me\/applications\/\d+/)
    const applicationId = new URL(page.url()).pathname.split('/').at(-1)
    await page.getByText('核查中').first().waitFor()
    await expectSoundPage(page, business.problems, 'objection-submitted')

    await page.goto(`${server.url}/records/${record.id}`, { waitUntil: 'networkidle' })
    await page.getByText('异议处理中').first().waitFor()
    await expectSoundPage(page, business.problems, 'record-under-objection')

    const reviewer = await signedInPhone(browser, server.url, 'market@demo.gov.cn', DEMO_PASSWORD, /\/admin$/)
    page = reviewer.page
    await page.locator(`a[href="/admin/applications/${applicationId}"]`).first().click()
    await page.waitForURL(/\/admin\/applications\/\d+/)
    await page.getByText('缴款凭证.png').waitFor()
    // Validate first, confirm second: 维持 without a reason says so beside the field and asks nothing.
    let dialogs = 0
    page.on('dialog', () => dialogs++)
    await page.getByRole('button', { name: '维持', exact: true }).click()
    await page.getByText('维持须填写理由', { exact: true }).waitFor()
    expect(dialogs).toBe(0)
    await page.getByText('更正内容（选择“更正”时填写').click()
    await page.getByLabel('处罚内容').fill('警告')
    await page.getByLabel('理由或说明').fill('经核实，当事人未被处以罚款，处罚内容已更正为警告。')
    await expectSoundPage(page, reviewer.problems, 'objection-decide')
    await page.getByRole('button', { name: '更正', exact: true }).click()
    await page.getByText('已更正').first().waitFor()
    await expectSoundPage(page, reviewer.problems, 'objection-decided')

    page = business.page
    await page.goto(`${server.url}/me`, { waitUntil: 'networkidle' })
    await page.getByText('您的信用异议申请已更正').waitFor()
    await page.goto(`${server.url}/me/applications/${applicationId}`, { waitUntil: 'networkidle' })
    await page.getByText('经核实，当事人未被处以罚款').waitFor()
    await page.getByRole('heading', { name: '更正内容' }).waitFor()
    await expectSoundPage(page, business.problems, 'objection-answered')
  })
})
