import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, todayInChina } from '../../shared/utils/dates'
import { expectSoundPage, launchBrowser, signedInPhone } from '../support/browser'
import { signedUp, STRONG_PASSWORD } from '../support/client'
import { residentId } from '../support/ids'
import { startIdentityProvider, type TestIdentityProvider } from '../support/identityProvider'
import { ingestAccepted } from '../support/ingest'
import { MARKET, penaltyRow } from '../support/rows'
import { startServer, type TestServer } from '../support/server'

const personId = residentId('211303', '19900101', '015')
let provider: TestIdentityProvider
let server: TestServer
let browser: Browser

beforeAll(async () => {
  provider = await startIdentityProvider([{ login: 'qianqi', name: '钱七', idNumber: personId }])
  server = await startServer(provider.portalEnv)
  await ingestAccepted(server, MARKET.creditCode, 'penalty', [penaltyRow({
    行政处罚决定书文号: '朝市监罚〔2026〕303号', 处罚决定日期: addDays(todayInChina(), -20),
    行政相对人名称: '钱七', 行政相对人类别: '自然人', 统一社会信用代码: '', 法定代表人: '', 证件类型: '身份证', 证件号码: personId,
  })])
  await signedUp(server, 'qianqi@example.com', '钱七')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await provider?.stop()
})

describe('实名核验 in the browser', () => {
  it('goes from 我的 to the identity provider and back to the person’s own records', async () => {
    const { page, problems } = await signedInPhone(browser, server.url, 'qianqi@example.com', STRONG_PASSWORD, /\/me$/, '/me')
    await page.getByRole('link', { name: '实名核验' }).first().click()
    await page.waitForURL(/\/me\/identity$/)
    await page.getByText('自然人的信用记录不对外公开').waitFor()
    await expectSoundPage(page, problems, 'identity')
    await page.getByRole('link', { name: '前往统一身份认证平台核验' }).click()
    await page.waitForURL(url => url.origin === provider.issuer)
    await page.getByRole('button', { name: '确认并授权' }).click()
    await page.waitForURL(/\/me\/subjects\/\d+$/)
    await page.getByText('朝市监罚〔2026〕303号').waitFor()
    expect(await page.content()).not.toContain(personId)
    await expectSoundPage(page, problems, 'identity-records')
  })
})
