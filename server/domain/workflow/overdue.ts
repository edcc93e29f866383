import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import { applicationKindLabels } from '../../../shared/schemas/applications'
import { chineseDate, todayInChina, type IsoDate } from '../../../shared/utils/dates'
import { applications, departments, messages, subjects, users } from '../../database/schema'
import type { Database } from '../../utils/db'
import type { Mailer } from '../../utils/mail'
import { notify } from '../notify'
import { daysLeft, openStates } from './queue'

/** Guards the task when several instances run it (ARCHITECTURE.md, scheduled work). */
const OVERDUE_LOCK = 727_002

/**
 * Every open application past its deadline, reported once a day to the credit office (DOMAIN.md rules
 * 4 and 5: overdue steps are flagged, and nothing decides itself). Returns how many are overdue, or
 * null when another instance holds the task.
 */
export async function reportOverdue(db: Database, mailer: Mailer | null, today: IsoDate = todayInChina()): Promise<number | null> {
  return db.transaction(async (tx) => {
    const lock = await tx.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(${OVERDUE_LOCK}) as locked`)
    if (!lock.rows[0]?.locked) return null
    const overdue = await tx.select({ id: applications.id, kind: applications.kind, dueOn: applications.dueOn, subject: subjects.name, department: departments.name })
      .from(applications).innerJoin(subjects, eq(subjects.id, applications.subjectId)).leftJoin(departments, eq(departments.id, applications.departmentId))
      .where(and(inArray(applications.state, openStates()), lt(applications.dueOn, today))).orderBy(asc(applications.dueOn))
    if (!overdue.length) return 0
    const title = `超期未办结申请提醒（${chineseDate(today)}）`
    const lines = overdue.map(a => `编号${a.id} ${applicationKindLabels[a.kind]}（${a.subject}${a.department ? `，${a.department}` : ''}）已超期${-daysLeft(a.dueOn!, today)}个工作日`)
    const office = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, 'credit_office'), isNull(users.disabledAt)))
    for (const user of office) {
      const [sent] = await tx.select({ id: messages.id }).from(messages).where(and(eq(messages.userId, user.id), eq(messages.title, title)))
      if (sent) continue
      await notify(tx, mailer, user.id, { title, body: `共${overdue.length}件申请超过办理时限：\n${lines.join('\n')}`, link: '/admin?overdue=1' })
    }
    return overdue.length
  })
}
