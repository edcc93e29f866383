import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountPolicy } from '../../config/accounts'
import { openSession, revokeAllSessions, revokeSession, sessionUser } from '../../server/domain/accounts/sessions'
import { authenticate, signUp, submitSignUp } from '../../server/domain/accounts/users'
import { messages, users } from '../../server/database/schema'
import { createTestDatabase, type TestDatabase } from '../support/database'

const password = 'Chaoyang#2026'
let t: TestDatabase

beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(async () => {
  await t?.close()
})

/** Each attempt's answer: 200 for signed in, else the refusal's status. */
const attempt = (account: string, tried: string, now?: Date) =>
  authenticate(t.db, account, tried, now).then(() => 200, (error: { statusCode: number }) => error.statusCode)

const count = (statuses: number[], status: number) => statuses.filter(s => s === status).length

const rowOf = async (mobile: string) => (await t.db.select().from(users).where(eq(users.mobile, mobile)))[0]!

describe('lock-out under parallel attempts', () => {
  it('counts every one of 50 parallel failures: the 5th locks, the rest are refused as locked', async () => {
    await signUp(t.db, { account: '13800138101', name: '张一', password })
    const statuses = await Promise.all(Array.from({ length: 50 }, () => attempt('13800138101', 'Wrong#Pass1')))
    expect(count(statuses, 401)).toBe(accountPolicy.maxFailedLogins - 1)
    expect(count(statuses, 423)).toBe(50 - accountPolicy.maxFailedLogins + 1)
    expect((await rowOf('13800138101')).lockedUntil!.getTime()).toBeGreaterThan(Date.now())
    expect(await attempt('13800138101', password)).toBe(423)
  })

  it('locks after 150 failures sent 50 at a time', async () => {
    await signUp(t.db, { account: '13800138102', name: '张二', password })
    const statuses: number[] = []
    for (let round = 0; round < 3; round++) statuses.push(...await Promise.all(Array.from({ length: 50 }, () => attempt('13800138102', 'Wrong#Pass1'))))
    expect(count(statuses, 401)).toBe(accountPolicy.maxFailedLogins - 1)
    expect(await attempt('13800138102', password)).toBe(423)
  })

  it('refuses the right password at position 30 of 40 parallel tries', async () => {
    await signUp(t.db, { account: '13800138103', name: '张三', password })
    const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt('13800138103', i === 29 ? password : 'Wrong#Pass1')))
    expect(statuses[29]).toBe(423)
    expect(statuses).not.toContain(200)
  })

  it('opens again when the lock has run out, with the count started afresh', async () => {
    await signUp(t.db, { account: '13800138104', name: '张四', password })
    for (let i = 0; i < accountPolicy.maxFailedLogins; i++) await attempt('13800138104', 'Wrong#Pass1')
    const later = new Date(Date.now() + (accountPolicy.lockMinutes + 1) * 60_000)
    expect(await attempt('13800138104', 'Wrong#Pass1', later)).toBe(401)
    expect(await attempt('13800138104', password, later)).toBe(200)
    expect(await rowOf('13800138104')).toMatchObject({ failedLogins: 0, lockedUntil: null })
  })

  it('never locks an unknown account: every try is a wrong password', async () => {
    const statuses = await Promise.all(Array.from({ length: 20 }, () => attempt('13900000009', 'Wrong#Pass1')))
    expect(statuses).toEqual(Array(20).fill(401))
  })
})

describe('registration of a taken account', () => {
  it('changes nothing of the account and leaves its owner a message', async () => {
    const owner = await signUp(t.db, { account: 'owner@example.com', name: '孙丽', password })
    const before = await t.db.select().from(users).where(eq(users.id, owner.id))
    await submitSignUp(t.db, null, { account: 'owner@example.com', name: '冒名者', password: 'Other#Pass2026' })
    expect(await t.db.select().from(users).where(eq(users.id, owner.id))).toEqual(before)
    const box = await t.db.select().from(messages).where(eq(messages.userId, owner.id))
    expect(box.map(m => m.title)).toEqual(['有人尝试用您的账号注册'])
    await submitSignUp(t.db, null, { account: 'new@example.com', name: '王五', password })
    expect(await attempt('new@example.com', password)).toBe(200)
  })
})

describe('sessions', () => {
  it('open the account until revoked, one or all, or until the account is disabled', async () => {
    const user = await signUp(t.db, { account: 'devices@example.com', name: '李四', password })
    const [phone, desktop, tablet] = [await openSession(t.db, user.id), await openSession(t.db, user.id), await openSession(t.db, user.id)]
    expect(await sessionUser(t.db, phone)).toEqual(user)
    await revokeSession(t.db, phone)
    expect(await sessionUser(t.db, phone)).toBeUndefined()
    expect(await sessionUser(t.db, desktop)).toEqual(user)
    await revokeAllSessions(t.db, user.id)
    expect(await sessionUser(t.db, desktop)).toBeUndefined()
    expect(await sessionUser(t.db, tablet)).toBeUndefined()
    const fresh = await openSession(t.db, user.id)
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id))
    expect(await sessionUser(t.db, fresh)).toBeUndefined()
  })
})
