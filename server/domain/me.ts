import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import type { OwnRecord, OwnSubject } from '../../shared/schemas/me'
import { todayInChina } from '../../shared/utils/dates'
import { isPublic } from '../../shared/utils/publication'
import { departments, messages, recordHistory, records, subjectAgents, subjects, users } from '../database/schema'
import type { Database } from '../utils/db'
import { notFound } from '../utils/errors'
import { actingAs, actsForSubject } from './access/subjects'
import { summary } from './records/public'
import { eligibilityOf } from './repairs/eligibility'

/** The subjects an account acts for (approved claims) and the natural person it verified itself as. */
export async function ownSubjects(db: Database, userId: number): Promise<OwnSubject[]> {
  const agentOf = await db.select({ id: subjects.id, name: subjects.name, creditCode: subjects.creditCode, kind: subjects.kind })
    .from(subjectAgents).innerJoin(subjects, eq(subjects.id, subjectAgents.subjectId))
    .where(eq(subjectAgents.userId, userId)).orderBy(subjects.name)
  const person = await db.select({ id: subjects.id, name: subjects.name, creditCode: subjects.creditCode, kind: subjects.kind })
    .from(users).innerJoin(subjects, eq(subjects.id, users.personSubjectId)).where(eq(users.id, userId))
  return [...person.map(s => ({ ...s, via: 'person' as const })), ...agentOf.map(s => ({ ...s, via: 'agent' as const }))]
}

function ownRecordOf(record: typeof records.$inferSelect, departmentName: string, subject: OwnSubject, today: string, repairedBy: number | null): OwnRecord {
  return {
    ...summary(record, departmentName),
    state: record.state,
    isPublic: isPublic({ kind: record.kind, subjectKind: subject.kind, state: record.state, publicUntil: record.publicUntil }, today),
    objectionId: record.objectionId,
    repairId: record.repairId,
    repairedBy,
    repair: eligibilityOf(record, today),
  }
}

/** The approved repair application of each repaired record, from the records' history. */
async function repairsOf(db: Database, recordIds: number[]): Promise<Map<number, number>> {
  if (!recordIds.length) return new Map()
  const rows = await db.select({ recordId: recordHistory.recordId, applicationId: recordHistory.applicationId }).from(recordHistory)
    .where(and(inArray(recordHistory.recordId, recordIds), eq(recordHistory.action, 'repaired')))
  return new Map(rows.map(r => [r.recordId, r.applicationId!]))
}

/** A subject as 我的 shows it: with how the account acts for it. */
const ownSubjectColumns = (userId: number) => ({
  id: subjects.id, name: subjects.name, creditCode: subjects.creditCode, kind: subjects.kind,
  // Never NULL where the query asks actsForSubject of the same subject.
  via: actingAs(userId, subjects.id) as SQL<OwnSubject['via']>,
})

/** One subject the account acts for, whole; another's (or a missing one) is a 404. */
export async function ownSubject(db: Database, userId: number, subjectId: number) {
  const [subject] = await db.select().from(subjects).where(and(eq(subjects.id, subjectId), actsForSubject(userId, subjects.id)))
  if (!subject) throw notFound('主体')
  return subject
}

/** Every record of a subject the account acts for, public or not; another subject's are a 404. */
export async function ownRecords(db: Database, userId: number, subjectId: number, today = todayInChina()) {
  const [subject] = await db.select(ownSubjectColumns(userId)).from(subjects)
    .where(and(eq(subjects.id, subjectId), actsForSubject(userId, subjects.id)))
  if (!subject) throw notFound('主体')
  const rows = await db.select({ record: records, departmentName: departments.name }).from(records)
    .innerJoin(departments, eq(departments.id, records.departmentId))
    .where(eq(records.subjectId, subjectId)).orderBy(desc(records.decisionDate), desc(records.id))
  const repairs = await repairsOf(db, rows.map(r => r.record.id))
  return { subject, records: rows.map(({ record, departmentName }) => ownRecordOf(record, departmentName, subject, today, repairs.get(record.id) ?? null)) }
}

/** One record of a subject the account acts for (the objection form's heading); anyone else's is a 404. */
export async function ownRecord(db: Database, userId: number, recordId: number, today = todayInChina()) {
  const [row] = await db.select({ record: records, departmentName: departments.name, subject: ownSubjectColumns(userId) }).from(records)
    .innerJoin(departments, eq(departments.id, records.departmentId)).innerJoin(subjects, eq(subjects.id, records.subjectId))
    .where(and(eq(records.id, recordId), actsForSubject(userId, records.subjectId)))
  if (!row) throw notFound('信用记录')
  const { subject } = row
  const repairs = await repairsOf(db, [recordId])
  return { subject, record: ownRecordOf(row.record, row.departmentName, subject, today, repairs.get(recordId) ?? null) }
}

export async function ownMessages(db: Database, userId: number) {
  return db.select().from(messages).where(eq(messages.userId, userId)).orderBy(desc(messages.id)).limit(100)
}

export async function markMessagesRead(db: Database, userId: number, id?: number) {
  await db.update(messages).set({ readAt: new Date() })
    .where(and(eq(messages.userId, userId), isNull(messages.readAt), id ? eq(messages.id, id) : undefined))
}

export async function unreadCount(db: Database, userId: number): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(messages).where(and(eq(messages.userId, userId), isNull(messages.readAt)))
  return row?.n ?? 0
}
