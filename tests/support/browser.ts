import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { expect } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'

/** Debian's chromium (apt-get install chromium), started as the workplace's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

export const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }

/** Console errors and failed hydration of a page, collected for the test to assert none. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || /hydration/i.test(message.text())) problems.push(message.text())
  })
  page.on('pageerror', error => problems.push(error.message))
  // A blocked script or frame is a CSP violation whether or not the browser also logs it.
  void page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`)
  }))
  return problems
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** axe-core's WCAG 2 A/AA violations on the page, as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the portal's CSP rightly refuses an inline script without its nonce.
  await page.evaluate(readFileSync(axePath, 'utf8'))
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string, nodes: { target: string[] }[] }[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return result.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
  })
  return violations
}

/** A fresh phone-sized page whose console problems are collected, and whose confirm dialogs are accepted. */
export async function phonePage(browser: Browser): Promise<{ page: Page, problems: string[] }> {
  const context = await browser.newContext(phone)
  const page = await context.newPage()
  const problems = watchConsole(page)
  page.on('dialog', dialog => dialog.accept())
  return { page, problems }
}

/** A phone page signed in through the login form, once it has landed where `landing` says. */
export async function signedInPhone(browser: Browser, baseUrl: string, account: string, password: string, landing: RegExp, redirect = '') {
  const opened = await phonePage(browser)
  await opened.page.goto(`${baseUrl}/login${redirect ? `?redirect=${redirect}` : ''}`, { waitUntil: 'networkidle' })
  await opened.page.getByLabel('手机号或电子邮箱').fill(account)
  await opened.page.getByLabel('密码').fill(password)
  await opened.page.getByRole('button', { name: '登录' }).click()
  await opened.page.waitForURL(landing)
  return opened
}

/**
 * No console error, no accessibility violation, no sideways scrolling. With SHOTS_DIR set, the page is
 * also saved there as `<shot>.png`, to be looked at.
 */
export async function expectSoundPage(page: Page, problems: string[], shot: string): Promise<void> {
  if (process.env.SHOTS_DIR) await page.screenshot({ path: join(process.env.SHOTS_DIR, `${shot}.png`), fullPage: true })
  expect(await axeViolations(page)).toEqual([])
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
  expect(problems).toEqual([])
}

/** A handwritten stroke: the mouse pressed and dragged across the pad in a wave. */
export async function drawSignature(page: Page) {
  const pad = page.locator('[data-testid="signature-pad"][data-ready="true"]')
  await pad.scrollIntoViewIfNeeded()
  const box = (await pad.boundingBox())!
  await page.mouse.move(box.x + 30, box.y + box.height / 2)
  await page.mouse.down()
  for (let i = 1; i <= 24; i++) {
    await page.mouse.move(box.x + 30 + i * ((box.width - 60) / 24), box.y + box.height / 2 + Math.sin(i / 2) * 40, { steps: 2 })
  }
  await page.mouse.up()
}
