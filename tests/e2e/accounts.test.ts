import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../scripts/seed/accounts'
import { expectSoundPage, launchBrowser, phone, phonePage, signedInPhone } from '../support/browser'
import { samples } from '../support/client'
import { startServer, waitForIndex, type TestServer } from '../support/server'

let server: TestServer
let browser: Browser
let company: { name: string, creditCode: string }

beforeAll(async () => {
  server = await startServer()
  const seeded = await server.cli('scripts/seed.ts', ['--records', '300'])
  expect(seeded.status, seeded.stderr).toBe(0)
  await waitForIndex(server)
  const found = await fetch(`${server.url}/api/search?q=有限公司&pageSize=1`).then(r => r.json() as Promise<{ hits: { subjectName: string, creditCode: string }[] }>)
  company = { name: found.hits[0]!.subjectName, creditCode: found.hits[0]!.creditCode }
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('a business claims its company and sees its records in 我的', () => {
  it('signs up, claims, is approved by the credit office in the console, and sees its records', async () => {
    const business = await phonePage(browser)
    let page = business.page
    await page.goto(`${server.url}/me`, { waitUntil: 'networkidle' })
    await page.waitForURL(/\/login\?redirect=/)
    await page.getByRole('link', { name: '注册账号' }).click()
    await page.waitForURL(/\/signup/)
    await page.getByLabel('手机号或电子邮箱').fill('13900139000')
    await page.getByLabel('姓名').fill('周经办')
    await page.getByLabel('密码').fill('weak')
    await page.getByRole('button', { name: '注册并登录' }).click()
    await page.getByRole('link', { name: '密码至少8位' }).waitFor()
    await expectSoundPage(page, business.problems, 'signup-error')
    await page.getByLabel('密码').fill('Zhou#Jingban2026')
    await page.getByRole('button', { name: '注册并登录' }).click()
    await page.waitForURL(/\/me$/)
    await page.getByText('您还没有可查看的主体').waitFor()
    await expectSoundPage(page, business.problems, 'me-empty')

    await page.getByRole('link', { name: '认领企业' }).click()
    await page.waitForURL(/\/me\/claim/)
    await page.getByLabel('统一社会信用代码').fill(company.creditCode.toLowerCase())
    await page.locator('#business-licence-file').setInputFiles({ name: '营业执照.png', mimeType: 'image/png', buffer: samples.png })
    await page.getByText('营业执照.png').waitFor()
    await page.getByLabel('联系电话').fill('13900139000')
    await expectSoundPage(page, business.problems, 'claim-form')
    await page.getByRole('button', { name: '提交认领申请' }).click()
    await page.waitForURL(/\/me\/applications\/\d+/)
    const applicationPath = new URL(page.url()).pathname
    await page.getByText('待审核').first().waitFor()
    await expectSoundPage(page, business.problems, 'claim-submitted')

    const office = await signedInPhone(browser, server.url, 'office@demo.gov.cn', DEMO_PASSWORD, /\/admin$/, '/admin')
    page = office.page
    await page.getByRole('link', { name: company.name }).first().waitFor()
    await expectSoundPage(page, office.problems, 'admin-queue')
    // On a phone each application is a card, and a tap anywhere on it (here: on its type) opens it.
    const row = page.locator('tbody tr', { hasText: company.name }).first()
    expect(await row.evaluate(tr => getComputedStyle(tr).display)).toBe('block')
    const type = (await row.locator('td[data-label="类型"]').boundingBox())!
    expect(type.x + type.width).toBeLessThanOrEqual(390)
    await page.mouse.click(type.x + type.width - 10, type.y + type.height / 2)
    await page.waitForURL(/\/admin\/applications\/\d+/)
    expect(new URL(page.url()).pathname).toBe(applicationPath.replace('/me/', '/admin/'))
    await page.getByRole('link', { name: '营业执照.png' }).waitFor()
    await expectSoundPage(page, office.problems, 'admin-application')
    await page.getByRole('button', { name: '通过' }).click()
    await page.getByText('已通过').first().waitFor()
    await expectSoundPage(page, office.problems, 'admin-approved')

    page = business.page
    await page.goto(`${server.url}/me`, { waitUntil: 'networkidle' })
    await page.getByText('您的主体认领申请已通过').waitFor()
    await expectSoundPage(page, business.problems, 'me-approved')
    await page.getByRole('link', { name: new RegExp(company.name) }).first().click()
    await page.waitForURL(/\/me\/subjects\/\d+/)
    await page.getByText('这里列出本主体的全部信用记录').waitFor()
    expect(await page.locator('li').filter({ hasText: /公示中|不公开|已过公示期/ }).count()).toBeGreaterThan(0)
    await expectSoundPage(page, business.problems, 'me-subject')
  })
})

describe('signing in before the page’s script runs', () => {
  it('signs in with JavaScript off: a refusal is shown with the account kept, then it lands where it was going', async () => {
    const context = await browser.newContext({ ...phone, javaScriptEnabled: false })
    const page = await context.newPage()
    // The server sends a signed-out visitor of 我的 to the login page, with where they were going.
    await page.goto(`${server.url}/me`)
    await page.waitForURL(/\/login\?redirect=/)
    await page.getByLabel('手机号或电子邮箱').fill('business@demo.com')
    await page.getByLabel('密码').fill('Wrong#Pass2026')
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByRole('alert').filter({ hasText: '账号或密码错误' }).waitFor()
    expect(page.url()).toBe(`${server.url}/login?redirect=%2Fme`)
    expect(await page.getByLabel('手机号或电子邮箱').inputValue()).toBe('business@demo.com')
    await page.getByLabel('密码').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(`${server.url}/me`)
    expect(await page.locator('h1').textContent()).toContain('企业经办人')
    await context.close()
  })

  it('keeps what was typed while the page’s script was still loading, and signs in with it once it runs', async () => {
    const { page, problems } = await phonePage(browser)
    let release!: () => void
    const scriptsMayLoad = new Promise<void>((resolve) => { release = resolve })
    // Only the scripts wait: the stylesheet blocks the first paint, and a page not yet painted cannot be typed in.
    await page.route('**/_nuxt/**/*.js', async (route) => {
      await scriptsMayLoad
      await route.continue()
    })
    await page.goto(`${server.url}/login?redirect=%2Fme`, { waitUntil: 'commit' })
    await page.getByLabel('手机号或电子邮箱').fill('business@demo.com')
    await page.getByLabel('密码').fill(DEMO_PASSWORD)
    release()
    // Vue marks the container it has mounted (hydrated) the app on.
    await page.waitForFunction(() => !!(document.querySelector('#__nuxt') as { __vue_app__?: unknown } | null)?.__vue_app__)
    await page.waitForLoadState('networkidle')
    expect(await page.getByLabel('手机号或电子邮箱').inputValue()).toBe('business@demo.com')
    expect(await page.getByLabel('密码').inputValue()).toBe(DEMO_PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(`${server.url}/me`)
    await expectSoundPage(page, problems, 'login-typed-early')
  })
})
