import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, expectSoundPage, launchBrowser, phone, watchConsole } from '../support/browser'
import { startServer, waitForIndex, type TestServer } from '../support/server'

let server: TestServer
let browser: Browser
let context: BrowserContext
let page: Page
let problems: string[]

let visited = 0

/** Every page a test visits: no console error, no hydration mismatch, no accessibility violation. */
const checkPage = () => expectSoundPage(page, problems, `portal-${++visited}`)

beforeAll(async () => {
  server = await startServer()
  const seeded = await server.cli('scripts/seed.ts', ['--records', '400'])
  expect(seeded.status, seeded.stderr).toBe(0)
  await waitForIndex(server)
  browser = await launchBrowser()
  context = await browser.newContext(phone)
  page = await context.newPage()
  problems = watchConsole(page)
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the public portal on a phone', () => {
  it('searches from the home page, opens a record and the subject’s profile', async () => {
    await page.goto(server.url, { waitUntil: 'networkidle' })
    expect(await page.locator('h1').textContent()).toContain('信用中国')
    await checkPage()

    await page.getByLabel('企业名称、统一社会信用代码或文书号').fill('有限公司')
    await page.getByRole('button', { name: '查询' }).click()
    await page.waitForURL(/\/search\?q=/)
    await page.getByText(/共 [\d,]+ 条/).waitFor()
    expect(await page.getByText(/共 [\d,]+ 条/).textContent()).toMatch(/共 [\d,]+ 条/)
    expect(await page.locator('mark').count()).toBeGreaterThan(0)
    await checkPage()

    await page.locator('li h3 a').first().click()
    await page.waitForURL(/\/records\/\d+/)
    await page.getByRole('heading', { name: '公示期限' }).waitFor()
    await checkPage()

    await page.locator('article header a[href^="/subjects/"]').click()
    await page.waitForURL(/\/subjects\/[0-9A-Z]{18}/)
    await page.getByText('信用档案', { exact: true }).waitFor()
    await checkPage()
  })

  it('shows the first result on the first screen of a phone, the filters behind 筛选', async () => {
    await page.goto(`${server.url}/search?q=建材`, { waitUntil: 'networkidle' })
    const first = page.locator('li h3 a').first()
    const box = (await first.boundingBox())!
    expect(box.y + box.height).toBeLessThanOrEqual(phone.viewport.height)
    // Closed, the filters take no room; open, every one is a link that keeps the query.
    const filters = page.locator('summary', { hasText: /^\s*筛选/ })
    expect(await page.getByRole('link', { name: /^行政处罚 [\d,]+$/ }).isVisible()).toBe(false)
    await filters.click()
    await page.getByRole('link', { name: /^行政处罚 [\d,]+$/ }).click()
    await page.waitForURL(/kind=penalty/)
    expect(new URL(page.url()).searchParams.get('q')).toBe('建材')
    expect(await filters.textContent()).toContain('已选1项')
    await checkPage()
  })

  it('helps on a mistyped credit code', async () => {
    const response = await page.goto(`${server.url}/subjects/91211300MA0Y2K3L8R`, { waitUntil: 'networkidle' })
    expect(response?.status()).toBe(404)
    expect(await page.getByRole('alert').textContent()).toContain('第18位校验码不正确')
    problems.length = 0 // the 404 answer itself is logged by the browser
    expect(await axeViolations(page)).toEqual([])
  })

  it('keeps the elder-friendly mode across visits', async () => {
    await page.goto(server.url, { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: '长辈模式' }).click()
    await page.reload({ waitUntil: 'networkidle' })
    expect(await page.evaluate(() => document.documentElement.className)).toContain('elder')
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px')
    await checkPage()
    await page.getByRole('button', { name: '标准模式' }).click()
  })

  it('never scrolls sideways and keeps names, dates and the search hint whole, in normal and elder mode', async () => {
    // A 300-character query of one unbreakable word, and one of Chinese: both echo into links and titles.
    const long = encodeURIComponent('A'.repeat(300))
    const chinese = encodeURIComponent('朝阳市鑫达建材有限公司'.repeat(28))
    const { hits } = await fetch(`${server.url}/api/search?kind=penalty&pageSize=1`).then(r => r.json() as Promise<{ hits: { id: number, creditCode: string }[] }>)
    const paths = ['/', `/search?q=${long}`, `/search?q=${chinese}`, '/search?q=91211300MA4UH5U3NX', '/search?page=999',
      '/lists', `/lists/black?q=${long}`, '/lists/watch', '/lists/defaulters', '/publicity', '/publicity/penalties',
      `/commitments?q=${long}`, `/records/${hits[0]!.id}`, `/subjects/${hits[0]!.creditCode}`,
      '/objections', '/repair', '/training', '/registrations', '/login', '/signup']
    for (const elder of [false, true]) {
      await context.addCookies([{ name: 'elder-mode', value: String(elder), url: server.url }])
      for (const path of paths) {
        const response = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' })
        expect(await page.evaluate(() => document.documentElement.className.includes('elder'))).toBe(elder)
        const layout = await page.evaluate(() => {
          const lines = (element: Element) => new Set([...element.getClientRects()].map(r => Math.round(r.top))).size
          const name = document.querySelector('header a[href="/"] > span')!
          const input = document.querySelector<HTMLInputElement>('#search-q')
          let hintFits = true
          if (input) {
            const style = getComputedStyle(input)
            const context = document.createElement('canvas').getContext('2d')!
            context.font = `${style.fontSize} ${style.fontFamily}`
            const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
            hintFits = context.measureText(input.placeholder).width <= room
          }
          return {
            nameLines: lines(name),
            brokenDates: [...document.querySelectorAll('main time')].filter(t => lines(t) > 1).map(t => t.textContent),
            hintFits,
          }
        })
        expect(layout.nameLines, `${path} elder=${elder}: the site name is on one line`).toBe(1)
        expect(layout.brokenDates, `${path} elder=${elder}`).toEqual([])
        expect(layout.hintFits, `${path} elder=${elder}: the search hint is shown whole`).toBe(true)
        if (response!.status() >= 400) problems.length = 0 // the browser logs the error answer itself
        await expectSoundPage(page, problems, `portal-${elder ? 'elder' : 'normal'}-${path.replace(/[^a-z0-9]+/gi, '_').slice(0, 40)}`)
      }
    }
    await context.addCookies([{ name: 'elder-mode', value: 'false', url: server.url }])
  }, 240_000) // some twenty pages, each in two modes

  it('is installable and shows the offline page without a network', async () => {
    await page.goto(server.url, { waitUntil: 'networkidle' })
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href')
    const manifest = await (await fetch(new URL(manifestHref!, server.url))).json()
    expect(manifest).toMatchObject({ name: '信用中国（辽宁朝阳）', lang: 'zh-CN', display: 'standalone' })
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']))
    await page.evaluate(() => navigator.serviceWorker.ready)
    await page.reload({ waitUntil: 'networkidle' })
    await context.setOffline(true)
    await page.goto(`${server.url}/search?q=离线`).catch(() => {})
    expect((await page.locator('h1').textContent())?.trim()).toBe('网络未连接')
    // Back online, 重新加载 opens the page that was asked for, not the home page.
    await context.setOffline(false)
    await page.getByRole('link', { name: '重新加载' }).click()
    await page.getByText(/共 [\d,]+ 条/).waitFor()
    expect(page.url()).toBe(`${server.url}/search?q=${encodeURIComponent('离线')}`)
    // Opened directly, the offline page leads home.
    await page.goto(`${server.url}/offline`, { waitUntil: 'networkidle' })
    expect(await page.getByRole('link', { name: '重新加载' }).getAttribute('href')).toBe('/')
  })
})
