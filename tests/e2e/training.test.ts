import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../scripts/seed/accounts'
import { expectSoundPage, launchBrowser, signedInPhone } from '../support/browser'
import { Client, STRONG_PASSWORD, agentOf } from '../support/client'
import { sqlOn } from '../support/sql'
import { answerRight } from '../support/training'
import { startServer, waitForIndex, type TestServer } from '../support/server'

let server: TestServer
let browser: Browser
let office: Client
let courseId: number
let lessonIds: number[]

beforeAll(async () => {
  server = await startServer()
  // The seed makes the demo accounts and the published demo course.
  const seeded = await server.cli('scripts/seed.ts', ['--records', '300'])
  expect(seeded.status, seeded.stderr).toBe(0)
  await waitForIndex(server)
  const found = await fetch(`${server.url}/api/search?q=有限公司&pageSize=1`).then(r => r.json() as Promise<{ hits: { creditCode: string }[] }>)
  office = new Client(server)
  await office.post('/api/auth/login', { account: 'office@demo.gov.cn', password: DEMO_PASSWORD })
  await agentOf(server, office, 'learner@e2e.example.com', found.hits[0]!.creditCode)
  const courses = await office.get('/api/admin/courses')
  courseId = courses.body.items[0].id
  lessonIds = (await office.get(`/api/admin/courses/${courseId}`)).body.lessons.map((l: { id: number }) => l.id)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('repair training on a phone', () => {
  it('keeps progress made offline, then passes the test and shows the certificate', async () => {
    const learner = await signedInPhone(browser, server.url, 'learner@e2e.example.com', STRONG_PASSWORD, /\/me$/)
    const page = learner.page
    await page.goto(`${server.url}/training`, { waitUntil: 'networkidle' })
    await expectSoundPage(page, learner.problems, 'training-list')
    await page.getByRole('link', { name: /信用修复政策与诚信经营/ }).click()
    await page.waitForURL(/\/training\/\d+$/)
    await expect(page.getByRole('button', { name: '开始测试' }).isDisabled()).resolves.toBe(true)
    await expectSoundPage(page, learner.problems, 'training-course')

    await page.getByRole('link', { name: '开始学习' }).click()
    await page.waitForURL(/\/lessons\/\d+$/)
    await expectSoundPage(page, learner.problems, 'training-lesson')
    // The network drops: completing the lesson is kept in the browser and said so.
    await page.context().setOffline(true)
    await page.getByRole('button', { name: '本节已学完' }).click()
    await page.getByText('离线，学习进度将在联网后保存').waitFor()
    expect(JSON.parse(await page.evaluate(() => localStorage.getItem('training-progress-queue') ?? '{}'))[lessonIds[0]!]).toMatchObject({ completed: true })
    // The lesson's reading time passes (the server's clock, set back), then back online: the `online` event sends it.
    await sqlOn(server, `update lesson_progress set started_at = started_at - interval '10 minutes'`)
    await page.context().setOffline(false)
    await page.getByText('离线，学习进度将在联网后保存').waitFor({ state: 'detached' })
    learner.problems.length = 0 // the failed request while offline is expected
    const lesson = await page.evaluate(async id => (await fetch(`/api/training/lessons/${id}`)).json(), lessonIds[0])
    expect(lesson.progress).toMatchObject({ completed: true })

    for (const id of lessonIds.slice(1)) {
      await page.goto(`${server.url}/training/${courseId}/lessons/${id}`, { waitUntil: 'networkidle' })
      // Pressed at once, it is refused with the reading time still to go (issue 15 item 4).
      await page.getByText(/^本节学习时间不少于\d+分钟，之后可标记本节已学完$/).waitFor()
      await page.getByRole('button', { name: '本节已学完' }).click()
      await page.getByText(/^本节学习时间不少于\d+分钟，请\d+(分钟|秒)后再标记学完$/).and(page.getByRole('status')).waitFor()
      await expectSoundPage(page, learner.problems, `training-lesson-too-soon-${id}`)
      await sqlOn(server, `update lesson_progress set started_at = started_at - interval '10 minutes'`)
      await page.getByRole('button', { name: '本节已学完' }).click()
      await page.getByText('本节已学完', { exact: true }).and(page.getByRole('status')).waitFor()
    }
    await page.getByRole('link', { name: '返回课程，开始测试' }).click()
    await page.waitForURL(/\/training\/\d+$/)
    await page.getByRole('button', { name: '开始测试' }).click()
    await page.waitForURL(/\/training\/attempts\/\d+$/)
    await expectSoundPage(page, learner.problems, 'training-quiz')

    await answerRight(page, office, courseId)
    await page.getByRole('button', { name: '交卷' }).click()
    await page.getByText('测试合格').waitFor()
    await expectSoundPage(page, learner.problems, 'training-result')
    await page.getByRole('link', { name: '查看培训证明' }).click()
    await page.waitForURL(/\/certificates\/PX\d{14}$/)
    await page.getByText('证书有效').waitFor()
    await expectSoundPage(page, learner.problems, 'training-certificate')
  })
})

describe('the training console on a phone', () => {
  it('edits a lesson with the rich-text editor and adds a question', async () => {
    const staff = await signedInPhone(browser, server.url, 'office@demo.gov.cn', DEMO_PASSWORD, /\/admin/)
    const page = staff.page
    await page.goto(`${server.url}/admin/courses`, { waitUntil: 'networkidle' })
    await expectSoundPage(page, staff.problems, 'console-courses')
    await page.getByRole('link', { name: '信用修复政策与诚信经营' }).click()
    await page.waitForURL(/\/admin\/courses\/\d+$/)
    await expectSoundPage(page, staff.problems, 'console-course')
    await page.getByRole('button', { name: '编辑' }).first().click()
    const editor = page.locator('[contenteditable=true]')
    await editor.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('本段由浏览器测试添加。')
    await expectSoundPage(page, staff.problems, 'console-lesson-editor')
    await page.getByRole('button', { name: '保存章节' }).click()
    await page.getByRole('button', { name: '添加章节' }).waitFor()
    const lesson = (await office.get(`/api/admin/courses/${courseId}`)).body.lessons[0]
    expect(lesson.body).toContain('本段由浏览器测试添加。')

    await page.getByRole('button', { name: '添加题目' }).click()
    await page.getByLabel('题目', { exact: true }).fill('信用修复培训证明可以在哪里核验？')
    await page.getByLabel('选项A', { exact: true }).fill('本平台按证书编号核验')
    await page.getByLabel('选项B', { exact: true }).fill('无法核验')
    await page.getByLabel('选项C', { exact: true }).fill('只能到现场核验')
    await page.getByLabel('删除选项D').click()
    await page.getByLabel('选项A是正确答案').click()
    await expectSoundPage(page, staff.problems, 'console-question')
    await page.getByRole('button', { name: '保存题目' }).click()
    await page.getByRole('button', { name: '添加题目' }).waitFor()
    const bank = (await office.get(`/api/admin/courses/${courseId}`)).body.questions
    expect(bank.at(-1)).toMatchObject({ text: '信用修复培训证明可以在哪里核验？', options: ['本平台按证书编号核验', '无法核验', '只能到现场核验'], answers: [0], active: true })
  })
})
