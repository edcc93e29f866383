import { and, desc, eq, like, sql } from 'drizzle-orm'
import { certificateNumberPattern, type CertificateView } from '../../../shared/schemas/training'
import type { IsoDate } from '../../../shared/utils/dates'
import { certificates, courses, subjects } from '../../database/schema'
import type { Database, Tx } from '../../utils/db'
import { notFound } from '../../utils/errors'
import { recordAudit } from '../audit'
import { actsForSubject } from '../access/subjects'
import { certificateNumber, certificatePrefix } from './certificateNumber'


/** The advisory-lock class of certificate numbering; the second key is the day (YYYYMMDD). */
const NUMBER_LOCK = 727_101

export interface Issue { courseId: number, subjectId: number, userId: number, attemptId: number, score: number, day: IsoDate }

/**
 * Issues the certificate of a passed attempt, inside the grading transaction. The day's serial is the
 * last one + 1 under a transaction-level lock of that day, so two passes at the same moment never get
 * the same number (the unique index would refuse it anyway, rolling the grading back).
 */
export async function issueCertificate(tx: Tx, issue: Issue, actor: string): Promise<string> {
  const dayKey = Number(issue.day.replaceAll('-', ''))
  await tx.execute(sql`select pg_advisory_xact_lock(${NUMBER_LOCK}, ${dayKey})`)
  const prefix = certificatePrefix(issue.day)
  const [last] = await tx.select({ number: sql<string | null>`max(${certificates.number})` }).from(certificates).where(like(certificates.number, `${prefix}%`))
  const serial = last?.number ? Number(last.number.slice(prefix.length)) + 1 : 1
  const number = certificateNumber(issue.day, serial)
  await tx.insert(certificates).values({ number, courseId: issue.courseId, subjectId: issue.subjectId, userId: issue.userId, attemptId: issue.attemptId, score: issue.score, issuedOn: issue.day })
  await recordAudit(tx, { actor, action: 'certificate.issue', entity: 'certificate', entityId: number, detail: { attemptId: issue.attemptId, courseId: issue.courseId } })
  return number
}

/** A natural person's name on a public page: the surname only (DOMAIN.md rule 7). */
export function maskName(name: string): string {
  const chars = [...name]
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1)
}

const viewColumns = {
  number: certificates.number, score: certificates.score, issuedOn: certificates.issuedOn, courseTitle: courses.title,
  subjectName: subjects.name, subjectKind: subjects.kind, creditCode: subjects.creditCode,
}
type ViewRow = { number: string, score: number, issuedOn: string, courseTitle: string, subjectName: string, subjectKind: string, creditCode: string | null }

/** The public face of a certificate: never an ID number; a person's name masked and no code. */
function publicView(row: ViewRow): CertificateView {
  const person = row.subjectKind === 'natural_person'
  return {
    number: row.number, courseTitle: row.courseTitle, score: row.score, issuedOn: row.issuedOn, valid: true,
    subjectName: person ? maskName(row.subjectName) : row.subjectName,
    creditCode: person ? null : row.creditCode,
  }
}

/** Public verification by number; a malformed number is the same 404 as an unknown one. */
export async function certificateByNumber(db: Pick<Database, 'select'>, number: string): Promise<CertificateView> {
  const normalized = number.trim().toUpperCase()
  if (!certificateNumberPattern.test(normalized)) throw notFound('培训证明')
  const [row] = await db.select(viewColumns).from(certificates)
    .innerJoin(courses, eq(courses.id, certificates.courseId)).innerJoin(subjects, eq(subjects.id, certificates.subjectId))
    .where(eq(certificates.number, normalized))
  if (!row) throw notFound('培训证明')
  return publicView(row)
}

/** The certificates of every subject the account acts for (issued to any of its agents). */
export async function myCertificates(db: Database, userId: number): Promise<(CertificateView & { subjectId: number, courseId: number })[]> {
  const rows = await db.select({ ...viewColumns, subjectId: certificates.subjectId, courseId: certificates.courseId }).from(certificates)
    .innerJoin(courses, eq(courses.id, certificates.courseId)).innerJoin(subjects, eq(subjects.id, certificates.subjectId))
    .where(actsForSubject(userId, certificates.subjectId)).orderBy(desc(certificates.issuedOn), desc(certificates.id))
  // The subject's own people see their own name in full.
  return rows.map(r => ({ ...publicView(r), subjectName: r.subjectName, subjectId: r.subjectId, courseId: r.courseId }))
}

/** The certificate of one attempt, for its result page. */
export async function certificateOfAttempt(db: Pick<Database, 'select'>, attemptId: number): Promise<CertificateView | null> {
  const [row] = await db.select(viewColumns).from(certificates)
    .innerJoin(courses, eq(courses.id, certificates.courseId)).innerJoin(subjects, eq(subjects.id, certificates.subjectId))
    .where(and(eq(certificates.attemptId, attemptId)))
  return row ? publicView(row) : null
}
