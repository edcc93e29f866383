import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, STRONG_PASSWORD, signedUp, staff, type Reply } from '../support/client'
import { MARKET } from '../support/rows'
import { startServer, type TestServer } from '../support/server'
import { startSmtp } from '../support/smtp'
import { sqlOn } from '../support/sql'

let server: TestServer
let smtp: Awaited<ReturnType<typeof startSmtp>>

beforeAll(async () => {
  smtp = await startSmtp()
  // Login rate limits out of the way: here the lock-out itself must answer (tests/api/rateLimit.test.ts has the limits).
  server = await startServer({ SMTP_URL: smtp.url, SITE_URL: 'https://credit.example.gov.cn', LOGIN_RATE_LIMIT_ACCOUNT: '1000', LOGIN_RATE_LIMIT_CLIENT: '1000' })
})
afterAll(async () => {
  await server?.stop()
  await smtp?.stop()
})

describe('sign-up and login', () => {
  it('sends the old sign-up address /register on to /signup for good (301), keeping its query', async () => {
    const reply = await new Client(server).get('/register?redirect=%2Fme%2Fclaim')
    const location = new URL(reply.headers.get('location') ?? '', server.url)
    expect([reply.status, location.pathname, location.searchParams.get('redirect')]).toEqual([301, '/signup', '/me/claim'])
  })

  it('names each bad field of a sign-up in Chinese', async () => {
    const reply = await new Client(server).post('/api/auth/signup', { account: '123', name: '张', password: 'abc' })
    expect(reply.status).toBe(400)
    expect(reply.body.data.fields.account).toEqual(['请输入11位手机号或有效的电子邮箱'])
    expect(reply.body.data.fields.name).toEqual(['姓名至少2个字'])
    expect(reply.body.data.fields.password).toContain('密码至少8位')
  })

  it('signs up a public account; signing in gives an HttpOnly, SameSite=Lax session cookie', async () => {
    const client = new Client(server)
    const reply = await client.post('/api/auth/signup', { account: '13800138001', name: '李明', password: STRONG_PASSWORD })
    expect(reply.status).toBe(200)
    // Registration signs no one in: the page logs in next, so a taken account's answer can be the same.
    expect(reply.headers.getSetCookie()).toEqual([])
    const login = await client.post('/api/auth/login', { account: '13800138001', password: STRONG_PASSWORD })
    expect(login.body.user).toMatchObject({ name: '李明', role: 'public' })
    const cookie = login.headers.getSetCookie().join('\n')
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect((await client.get('/api/me')).body.user.name).toBe('李明')
  })

  it('answers the registration of a taken account exactly as a new one, and tells the owner instead', async () => {
    const owner = await signedUp(server, 'taken@example.com', '孙丽')
    const fresh = await new Client(server).post('/api/auth/signup', { account: 'fresh@example.com', name: '王五', password: STRONG_PASSWORD })
    const taken = await new Client(server).post('/api/auth/signup', { account: 'taken@example.com', name: '冒名者', password: 'Other#Pass2026' })
    expect([taken.status, taken.body, taken.headers.getSetCookie()]).toEqual([fresh.status, fresh.body, fresh.headers.getSetCookie()])
    // The account is untouched: its own password still signs in, the one sent with the registration does not.
    expect((await new Client(server).post('/api/auth/login', { account: 'taken@example.com', password: 'Other#Pass2026' })).status).toBe(401)
    expect((await new Client(server).post('/api/auth/login', { account: 'taken@example.com', password: STRONG_PASSWORD })).status).toBe(200)
    expect((await owner.get('/api/me/messages')).body.items[0]).toMatchObject({ title: '有人尝试用您的账号注册' })
    const mail = await smtp.waitFor('taken@example.com', '有人尝试用您的账号注册')
    expect(mail.text).toContain('您的账号和密码没有任何改变')
  })

  it('cannot choose a staff role at sign-up', async () => {
    const client = new Client(server)
    await client.post('/api/auth/signup', { account: 'sneaky@example.com', name: '王五', password: STRONG_PASSWORD, role: 'admin' })
    const reply = await client.post('/api/auth/login', { account: 'sneaky@example.com', password: STRONG_PASSWORD })
    expect(reply.body.user.role).toBe('public')
    expect((await client.get('/api/admin/audit')).status).toBe(403)
  })

  it('locks an account after 5 wrong passwords in a row, even for the right one', async () => {
    await signedUp(server, '13800138002')
    const client = new Client(server)
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await client.post('/api/auth/login', { account: '13800138002', password: 'Wrong#Pass1' })).status)
    expect(statuses).toEqual([401, 401, 401, 401, 423])
    const locked = await client.post('/api/auth/login', { account: '13800138002', password: STRONG_PASSWORD })
    expect(locked.status).toBe(423)
    expect(locked.body.message).toMatch(/已锁定，请\d+分钟后再试/)
    // An unknown account answers exactly like a wrong password.
    const unknown = await client.post('/api/auth/login', { account: '13900000000', password: STRONG_PASSWORD })
    expect([unknown.status, unknown.body.message]).toEqual([401, '账号或密码错误'])
  })

  it('locks after 5 failures sent 50 at a time, and then refuses the right password too', async () => {
    await signedUp(server, '13800138004')
    const attempt = (password: string) => new Client(server).post('/api/auth/login', { account: '13800138004', password }).then(r => r.status)
    const statuses = await Promise.all(Array.from({ length: 50 }, () => attempt('Wrong#Pass1')))
    expect(statuses.filter(s => s === 401)).toHaveLength(4)
    expect(statuses.filter(s => s === 423)).toHaveLength(46)
    expect(await attempt(STRONG_PASSWORD)).toBe(423)
    const [row] = await sqlOn<{ locked_until: Date }>(server, 'select locked_until from users where mobile = $1', ['13800138004'])
    expect(row!.locked_until.getTime()).toBeGreaterThan(Date.now())
  })

  it('lets the right password at position 30 of 40 parallel tries not through: 29 wrong ones came first', async () => {
    await signedUp(server, '13800138005')
    const tries = Array.from({ length: 40 }, (_, i) => (i === 29 ? STRONG_PASSWORD : 'Wrong#Pass1'))
    const statuses = await Promise.all(tries.map(password => new Client(server).post('/api/auth/login', { account: '13800138005', password }).then(r => r.status)))
    expect(statuses[29]).toBe(423)
    expect(statuses).not.toContain(200)
  })

  it('answers an unknown account as a wrong password, never 423, however many tries', async () => {
    await signedUp(server, '13800138006')
    const known = await new Client(server).post('/api/auth/login', { account: '13800138006', password: 'Wrong#Pass1' })
    const unknown = await Promise.all(Array.from({ length: 12 }, () => new Client(server).post('/api/auth/login', { account: '13900000006', password: 'Wrong#Pass1' })))
    for (const reply of unknown) expect([reply.status, reply.body]).toEqual([known.status, known.body])
  })
})

describe('sessions end on the server', () => {
  /** Another holder of the same cookie, as a copy saved by someone who had the browser. */
  const copyOf = (client: Client) => Object.assign(new Client(server), { cookies: new Map(client.cookies) })

  it('signs out: the cookie, and any copy of it saved before, no longer opens 我的', async () => {
    const client = await signedUp(server, '13800138003')
    const saved = copyOf(client)
    expect((await saved.get('/api/me')).status).toBe(200)
    expect((await client.post('/api/auth/logout')).status).toBe(200)
    const after = await client.get('/api/me')
    expect([after.status, after.body.message]).toEqual([401, '请先登录'])
    expect((await saved.get('/api/me')).status).toBe(401)
  })

  it('signs out everywhere: every device of the account, and the page sees it signed out', async () => {
    const phone = await signedUp(server, 'everywhere@example.com')
    const desktop = new Client(server)
    expect((await desktop.post('/api/auth/login', { account: 'everywhere@example.com', password: STRONG_PASSWORD })).status).toBe(200)
    const saved = copyOf(desktop)
    expect((await phone.post('/api/auth/logout-all')).status).toBe(200)
    for (const device of [phone, desktop, saved]) expect((await device.get('/api/me')).status).toBe(401)
    expect((await copyOf(saved).get('/api/_auth/session')).body.user).toBeUndefined()
    // A new sign-in is a new session.
    expect((await desktop.post('/api/auth/login', { account: 'everywhere@example.com', password: STRONG_PASSWORD })).status).toBe(200)
    expect((await desktop.get('/api/me')).status).toBe(200)
  })

  it('ends every session of an account that is disabled', async () => {
    const client = await signedUp(server, 'disabled@example.com')
    expect((await client.get('/api/me')).status).toBe(200)
    await sqlOn(server, 'update users set disabled_at = now() where email = $1', ['disabled@example.com'])
    expect((await client.get('/api/me')).status).toBe(401)
  })
})

describe('password reset by e-mailed link', () => {
  it('mails a one-time link to SITE_URL, sets the new password and signs out other devices', async () => {
    const phone = await signedUp(server, 'reset.me@example.com', '赵敏')
    const saved = Object.assign(new Client(server), { cookies: new Map(phone.cookies) })
    const answer = await new Client(server).post('/api/auth/reset-request', { account: 'reset.me@example.com' })
    expect(answer.body.message).toContain('如该账号已绑定邮箱')
    const mail = await smtp.waitFor('reset.me@example.com', '重设密码')
    const link = new URL(/https:\S+/.exec(mail.text)![0])
    expect(link.origin).toBe('https://credit.example.gov.cn')
    const token = link.searchParams.get('token')!
    const weak = await new Client(server).post('/api/auth/reset', { token, account: 'reset.me@example.com', password: 'short' })
    expect(weak.body.data.fields.password).toContain('密码至少8位')
    const done = await new Client(server).post('/api/auth/reset', { token, account: 'reset.me@example.com', password: 'NewPass#2026' })
    expect(done.status).toBe(200)
    expect((await phone.get('/api/me')).status).toBe(401)
    expect((await saved.get('/api/me')).status).toBe(401)
    const reused = await new Client(server).post('/api/auth/reset', { token, account: 'reset.me@example.com', password: 'Other#Pass2026' })
    expect([reused.status, reused.body.data.fields.token]).toEqual([400, ['重置链接无效或已过期，请重新申请']])
    expect((await new Client(server).post('/api/auth/login', { account: 'reset.me@example.com', password: 'NewPass#2026' })).status).toBe(200)
  })

  it('answers an unknown account the same way and sends nothing', async () => {
    const before = smtp.received.length
    const answer = await new Client(server).post('/api/auth/reset-request', { account: 'nobody@example.com' })
    expect(answer.status).toBe(200)
    await sleep(300)
    expect(smtp.received.length).toBe(before)
  })
})

describe('roles and cross-site requests', () => {
  it('gives each role its own part of the console', async () => {
    const anonymous = new Client(server)
    const citizen = await signedUp(server, 'citizen@example.com')
    const reviewer = await staff(server, 'department_reviewer', 'reviewer@market.gov.cn', MARKET.creditCode)
    const office = await staff(server, 'credit_office', 'office@credit.gov.cn')
    const admin = await staff(server, 'admin', 'admin@credit.gov.cn')
    const routes = ['/api/admin/applications', '/api/admin/departments', '/api/admin/users', '/api/admin/audit']
    const matrix = async (client: Client) => Promise.all(routes.map(async route => (await client.get(route)).status))
    expect(await matrix(anonymous)).toEqual([401, 401, 401, 401])
    expect(await matrix(citizen)).toEqual([403, 403, 403, 403])
    expect(await matrix(reviewer)).toEqual([200, 403, 403, 403])
    expect(await matrix(office)).toEqual([200, 200, 403, 403])
    expect(await matrix(admin)).toEqual([200, 200, 200, 200])
  })

  it('lets an admin create staff, audited, and a reviewer must name a department', async () => {
    const admin = await staff(server, 'admin', 'admin2@credit.gov.cn')
    const noDepartment = await admin.post('/api/admin/users', { account: 'r2@market.gov.cn', name: '审核员乙', password: STRONG_PASSWORD, role: 'department_reviewer' })
    expect(noDepartment.body.data.fields.departmentId).toEqual(['部门审核员须选择所属部门'])
    const { body: { items: departments } } = await admin.get('/api/admin/departments')
    const market = departments.find((d: { creditCode: string }) => d.creditCode === MARKET.creditCode)
    const made = await admin.post('/api/admin/users', { account: 'r2@market.gov.cn', name: '审核员乙', password: STRONG_PASSWORD, role: 'department_reviewer', departmentId: market.id })
    expect(made.status).toBe(201)
    const audit = await admin.get('/api/admin/audit?action=create&entity=user')
    expect(audit.body.items.some((e: { entityId: string }) => e.entityId === String(made.body.user.id))).toBe(true)
  })

  it('refuses a state-changing call from another site', async () => {
    const client = await signedUp(server, 'csrf@example.com')
    const forged = await client.post('/api/auth/logout', {}, { origin: 'https://evil.example.com' })
    expect([forged.status, forged.body.message]).toEqual([403, '跨站请求已被拒绝，请从本站页面操作'])
    expect((await client.post('/api/auth/logout', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await client.get('/api/me')).status).toBe(200)
  })
})

describe('the login form without JavaScript (POST /login)', () => {
  /** What the browser sends when the page's form is submitted before (or without) its script. */
  const submit = (client: Client, fields: Record<string, string>, query = '', headers: Record<string, string> = { origin: server.url }) =>
    client.call('POST', `/login${query}`, new TextEncoder().encode(new URLSearchParams(fields).toString()), { 'content-type': 'application/x-www-form-urlencoded', ...headers })
  const flashOf = (reply: Reply) => reply.headers.getSetCookie().find(line => line.startsWith('login-flash='))

  it('signs in and sends the browser on, 303, to the page it was going to', async () => {
    await signedUp(server, 'form@example.com')
    const client = new Client(server)
    const reply = await submit(client, { account: 'form@example.com', password: STRONG_PASSWORD }, '?redirect=%2Fme%2Fclaim')
    expect([reply.status, reply.headers.get('location')]).toEqual([303, '/me/claim'])
    expect((await client.get('/api/me')).status).toBe(200)
    // No target, or one on another site: 我的.
    const elsewhere = await submit(new Client(server), { account: 'form@example.com', password: STRONG_PASSWORD }, '?redirect=%2F%2Fevil.example.com')
    expect([elsewhere.status, elsewhere.headers.get('location')]).toEqual([303, '/me'])
  })

  it('sends a refusal back to the page, which shows it in Chinese with the account kept, once', async () => {
    const client = new Client(server)
    const wrong = await submit(client, { account: 'form@example.com', password: 'Wrong#Pass2026' }, '?redirect=%2Fme')
    expect([wrong.status, wrong.headers.get('location')]).toEqual([303, '/login?redirect=%2Fme'])
    expect(flashOf(wrong)).toMatch(/HttpOnly/i)
    expect(flashOf(wrong)).not.toContain('Wrong')
    expect((await client.get('/api/me')).status).toBe(401)
    const shown = await fetch(`${server.url}/login?redirect=%2Fme`, { headers: { cookie: `login-flash=${client.cookies.get('login-flash')}` } })
    const html = await shown.text()
    expect(html).toContain('账号或密码错误')
    expect(html).toMatch(/name="account"[^>]*value="form@example.com"|value="form@example.com"[^>]*name="account"/)
    // Read once: the page clears it.
    expect(shown.headers.getSetCookie().some(line => /^login-flash=;/.test(line))).toBe(true)

    const bad = await submit(new Client(server), { account: '123', password: '' })
    expect([bad.status, bad.headers.get('location')]).toEqual([303, '/login'])
    const flash = JSON.parse(decodeURIComponent(flashOf(bad)!.split(';')[0]!.slice('login-flash='.length)))
    expect(flash.fields).toEqual({ account: ['请输入11位手机号或有效的电子邮箱'], password: ['请输入密码'] })
  })

  it('takes the post only from this site’s own page: no login CSRF', async () => {
    const body = { account: 'form@example.com', password: STRONG_PASSWORD }
    for (const headers of [{ origin: 'https://evil.example.com' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, {}] as Record<string, string>[]) {
      const reply = await submit(new Client(server), body, '', headers)
      expect(reply.status, JSON.stringify(headers)).toBe(403)
      expect(reply.headers.getSetCookie(), JSON.stringify(headers)).toEqual([])
    }
    expect((await submit(new Client(server), body, '', { 'sec-fetch-site': 'same-origin' })).status).toBe(303)
  })
})

describe('session expiry', () => {
  let shortLived: TestServer
  beforeAll(async () => {
    shortLived = await startServer({ NUXT_SESSION_MAX_AGE: '2' })
  })
  afterAll(async () => {
    await shortLived?.stop()
  })

  it('asks to sign in again once the session is older than its limit', async () => {
    const client = await signedUp(shortLived, '13800138009')
    expect((await client.get('/api/me')).status).toBe(200)
    await sleep(2500)
    const expired = await client.get('/api/me')
    expect(expired.status).toBe(401)
  })
})
