import { randomUUID } from 'node:crypto'
import { eq, inArray, or, sql } from 'drizzle-orm'
import { accountPolicy } from '../../../config/accounts'
import { staffRoles } from '../../../shared/roles'
import { mobilePattern, type SessionUser, type SignUp, type StaffUser } from '../../../shared/schemas/accounts'
import { departments, users } from '../../database/schema'
import type { Database } from '../../utils/db'
import type { Mailer } from '../../utils/mail'
import { refuse } from '../../utils/errors'
import { recordAudit } from '../audit'
import { notify } from '../notify'
import { hashPassword, verifyPassword } from './password'

type UserRow = typeof users.$inferSelect

const loginColumn = (account: string) => (mobilePattern.test(account) ? { mobile: account } : { email: account })

export const sessionUserOf = (row: UserRow): SessionUser => ({ id: row.id, name: row.name, role: row.role, departmentId: row.departmentId })

export async function findUserByAccount(db: Database, account: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(or(eq(users.mobile, account), eq(users.email, account)))
  return row
}

/** Inserts an account; undefined when the account is taken already. */
async function insertUser(db: Database, values: Omit<typeof users.$inferInsert, 'passwordHash'> & { password: string, account: string }): Promise<UserRow | undefined> {
  const { password, account, ...rest } = values
  const [row] = await db.insert(users).values({ ...rest, ...loginColumn(account), passwordHash: await hashPassword(password) })
    .onConflictDoNothing().returning()
  return row
}

const taken = () => refuse(409, '该手机号或邮箱已注册，请直接登录或找回密码', 'account')

/** Makes a `public` account (the seed, tests); staff roles only come from an admin (createStaffUser). */
export async function signUp(db: Database, input: SignUp): Promise<SessionUser> {
  const row = await insertUser(db, { account: input.account, name: input.name, password: input.password, role: 'public' })
  if (!row) throw taken()
  return sessionUserOf(row)
}

/**
 * The public sign-up form. A taken account is answered exactly as a new one (the caller answers the same and
 * signs no one in), so the form does not tell the world which accounts exist; the owner is told instead.
 */
export async function submitSignUp(db: Database, mailer: Mailer | null, input: SignUp, siteUrl = ''): Promise<void> {
  if (await insertUser(db, { account: input.account, name: input.name, password: input.password, role: 'public' })) return
  const owner = await findUserByAccount(db, input.account)
  if (!owner) return
  const notice = {
    title: '有人尝试用您的账号注册',
    body: `有人在本平台用您的账号（${input.account}）提交了注册。您的账号和密码没有任何改变。如果是您本人，请直接登录，忘记密码可找回；如果不是，无需处理，请留意账号安全。`,
    link: '/login',
  }
  await notify(db, null, owner.id, notice)
  // Mailed after the answer: the time an SMTP server takes must not tell that the account exists.
  if (mailer && owner.email) void mailer.send(owner.email, notice.title, `${notice.body}\n\n${siteUrl}${notice.link}`)
}

export async function createStaffUser(db: Database, input: StaffUser, actor: string): Promise<SessionUser> {
  const row = await insertUser(db, {
    account: input.account,
    name: input.name,
    password: input.password,
    role: input.role,
    departmentId: input.role === 'department_reviewer' ? input.departmentId : null,
  })
  if (!row) throw taken()
  await recordAudit(db, { actor, action: 'create', entity: 'user', entityId: String(row.id), detail: { role: row.role, departmentId: row.departmentId } })
  return sessionUserOf(row)
}

const wrongCredentials = () => refuse(401, '账号或密码错误', 'password')

function locked(lockedUntil: Date, now: Date) {
  const minutes = Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000)
  return refuse(423, `密码错误次数过多，账号已锁定，请${minutes}分钟后再试或找回密码`, 'account')
}

const isLocked = (row: { lockedUntil: Date | null }, now: Date): row is { lockedUntil: Date } => !!row.lockedUntil && row.lockedUntil > now

// A hash to check passwords of unknown accounts against, so they take as long as known ones.
let dummyHash: Promise<string> | undefined

/**
 * Checks a password. Failures are counted per account, in one atomic statement each, and lock it for a while
 * once there are too many in a row; what the statement returns decides, so parallel attempts cannot slip past
 * the lock, not even with the right password. An unknown or disabled account answers as a wrong password does,
 * after as long, and is never locked.
 */
export async function authenticate(db: Database, account: string, password: string, now = new Date()): Promise<SessionUser> {
  const row = await findUserByAccount(db, account)
  if (!row || row.disabledAt) {
    await verifyPassword(await (dummyHash ??= hashPassword(randomUUID())), password)
    throw wrongCredentials()
  }
  if (isLocked(row, now)) throw locked(row.lockedUntil, now)
  const lockingFailure = sql`${users.failedLogins} + 1 >= ${accountPolicy.maxFailedLogins}`
  const stillLocked = sql`${users.lockedUntil} > ${now}`
  if (!(await verifyPassword(row.passwordHash, password))) {
    // A failure while locked changes nothing; the one that reaches the limit locks and starts the count again.
    const [after] = await db.update(users).set({
      failedLogins: sql`case when ${stillLocked} then ${users.failedLogins} when ${lockingFailure} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${stillLocked} then ${users.lockedUntil} when ${lockingFailure} then ${new Date(now.getTime() + accountPolicy.lockMinutes * 60_000)} else null end`,
    }).where(eq(users.id, row.id)).returning()
    if (after && isLocked(after, now)) throw locked(after.lockedUntil, now)
    throw wrongCredentials()
  }
  // The right password clears the count, unless parallel failures have locked the account meanwhile.
  const [after] = await db.update(users).set({
    failedLogins: sql`case when ${stillLocked} then ${users.failedLogins} else 0 end`,
    lockedUntil: sql`case when ${stillLocked} then ${users.lockedUntil} else null end`,
  }).where(eq(users.id, row.id)).returning()
  if (!after || after.disabledAt) throw wrongCredentials()
  if (isLocked(after, now)) throw locked(after.lockedUntil, now)
  return sessionUserOf(after)
}

/** Staff accounts for the admin's list, with their department's name. */
export async function listStaff(db: Database) {
  return db.select({
    id: users.id, name: users.name, email: users.email, mobile: users.mobile, role: users.role,
    department: departments.name, lockedUntil: users.lockedUntil, disabledAt: users.disabledAt, createdAt: users.createdAt,
  }).from(users).leftJoin(departments, eq(departments.id, users.departmentId))
    .where(inArray(users.role, [...staffRoles])).orderBy(users.role, users.id)
}
