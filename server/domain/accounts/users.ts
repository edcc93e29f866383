import { eq, inArray, or } from 'drizzle-orm'
import { accountPolicy } from '../../../config/accounts'
import { mobilePattern, staffRoles, type SessionUser, type SignUp, type StaffUser } from '../../../shared/schemas/accounts'
import { departments, users } from '../../database/schema'
import type { Database } from '../../utils/db'
import { refuse } from '../../utils/errors'
import { recordAudit } from '../audit'
import { hashPassword, verifyPassword } from './password'

type UserRow = typeof users.$inferSelect

const loginColumn = (account: string) => (mobilePattern.test(account) ? { mobile: account } : { email: account })

export const sessionUserOf = (row: UserRow): SessionUser => ({ id: row.id, name: row.name, role: row.role, departmentId: row.departmentId })

export async function findUserByAccount(db: Database, account: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(or(eq(users.mobile, account), eq(users.email, account)))
  return row
}

async function insertUser(db: Database, values: Omit<typeof users.$inferInsert, 'passwordHash'> & { password: string, account: string }): Promise<UserRow> {
  const { password, account, ...rest } = values
  // The app's clock, not the database's, starts the account's sessions: the check compares against it.
  const [row] = await db.insert(users).values({ ...rest, ...loginColumn(account), passwordHash: await hashPassword(password), sessionsValidFrom: new Date() })
    .onConflictDoNothing().returning()
  if (!row) throw refuse(409, '该手机号或邮箱已注册，请直接登录或找回密码', 'account')
  return row
}

/** Sign-up makes a `public` account; staff roles only come from an admin (createStaffUser). */
export async function signUp(db: Database, input: SignUp): Promise<SessionUser> {
  const row = await insertUser(db, { account: input.account, name: input.name, password: input.password, role: 'public' })
  return sessionUserOf(row)
}

export async function createStaffUser(db: Database, input: StaffUser, actor: string): Promise<SessionUser> {
  const row = await insertUser(db, {
    account: input.account,
    name: input.name,
    password: input.password,
    role: input.role,
    departmentId: input.role === 'department_reviewer' ? input.departmentId : null,
  })
  await recordAudit(db, { actor, action: 'create', entity: 'user', entityId: String(row.id), detail: { role: row.role, departmentId: row.departmentId } })
  return sessionUserOf(row)
}

const wrongCredentials = () => refuse(401, '账号或密码错误', 'password')

/**
 * Checks a password. Failures are counted per account and lock it for a while after too many in a row;
 * the answer is the same for an unknown account and a wrong password.
 */
export async function authenticate(db: Database, account: string, password: string, now = new Date()): Promise<SessionUser> {
  const row = await findUserByAccount(db, account)
  if (!row || row.disabledAt) {
    // Hash anyway so timing does not tell which accounts exist.
    await hashPassword(password)
    throw wrongCredentials()
  }
  if (row.lockedUntil && row.lockedUntil > now) {
    const minutes = Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 60_000)
    throw refuse(423, `密码错误次数过多，账号已锁定，请${minutes}分钟后再试或找回密码`, 'account')
  }
  if (!(await verifyPassword(row.passwordHash, password))) {
    const failed = row.failedLogins + 1
    const lock = failed >= accountPolicy.maxFailedLogins
    await db.update(users).set({
      failedLogins: lock ? 0 : failed,
      lockedUntil: lock ? new Date(now.getTime() + accountPolicy.lockMinutes * 60_000) : null,
    }).where(eq(users.id, row.id))
    if (lock) throw refuse(423, `密码错误次数过多，账号已锁定${accountPolicy.lockMinutes}分钟，可通过找回密码重设`, 'account')
    throw wrongCredentials()
  }
  if (row.failedLogins || row.lockedUntil) await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, row.id))
  return sessionUserOf(row)
}

/** The account behind a session, or undefined when it was disabled or its sessions were voided since. */
export async function activeUser(db: Database, id: number, loggedInAt: number): Promise<SessionUser | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id))
  if (!row || row.disabledAt || row.sessionsValidFrom.getTime() > loggedInAt) return undefined
  return sessionUserOf(row)
}

/** Staff accounts for the admin's list, with their department's name. */
export async function listStaff(db: Database) {
  return db.select({
    id: users.id, name: users.name, email: users.email, mobile: users.mobile, role: users.role,
    department: departments.name, lockedUntil: users.lockedUntil, disabledAt: users.disabledAt, createdAt: users.createdAt,
  }).from(users).leftJoin(departments, eq(departments.id, users.departmentId))
    .where(inArray(users.role, [...staffRoles])).orderBy(users.role, users.id)
}
