import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, phone, watchConsole } from '../support/browser'
import { startServer, type TestServer } from '../support/server'

let server: TestServer
let browser: Browser

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('home page on a phone', () => {
  it('renders in Chinese with no console error and no horizontal overflow', async () => {
    const page = await browser.newPage(phone)
    const problems = watchConsole(page)
    const response = await page.goto(server.url, { waitUntil: 'networkidle' })
    expect(response?.status()).toBe(200)
    await expect(page.locator('h1').textContent()).resolves.toContain('信用中国')
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    expect(problems).toEqual([])
  })
})
