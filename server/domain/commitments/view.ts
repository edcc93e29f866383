import { and, desc, eq, ne, or, sql, type SQL } from 'drizzle-orm'
import { isBreach } from '../../../shared/commitments'
import type { CommitmentSummary, CommitmentView } from '../../../shared/schemas/commitments'
import type { SessionUser } from '../../../shared/schemas/accounts'
import { commitments, commitmentTemplates, commitmentTemplateVersions, departments, subjects } from '../../database/schema'
import type { Database } from '../../utils/db'
import { notFound } from '../../utils/errors'
import { actorOf, recordAudit } from '../audit'
import { isOfficeRole } from '../../../shared/roles'
import { reviewsForDepartment } from '../access/departments'
import { actsForSubject } from '../access/subjects'
import { isPublicCommitment } from './document'
import { verifyRow, type CommitmentRow } from './facts'

const isPublicRow = and(eq(commitments.disclosure, 'public'), ne(subjects.kind, 'natural_person'))!

/**
 * Who reads a commitment: anyone a public one; any other only the subject's agents, the accepting and the
 * judging department's reviewers, and the credit office.
 */
function readableBy(viewer: SessionUser | null): SQL | undefined {
  if (!viewer) return isPublicRow
  if (isOfficeRole(viewer.role)) return undefined
  const accepting = sql`(select ${departments.id} from ${departments} where ${departments.creditCode} = ${commitments.acceptingBodyCreditCode})`
  return or(
    isPublicRow, actsForSubject(viewer.id, commitments.subjectId),
    reviewsForDepartment(viewer.id, commitments.judgingDepartmentId), reviewsForDepartment(viewer.id, accepting),
  )
}

function summaryOf(row: CommitmentRow, judgingDepartment: string): CommitmentSummary {
  return {
    code: row.code, type: row.type, subjectName: row.subjectName, creditCode: row.creditCode, matter: row.matter,
    acceptingBody: row.acceptingBody, judgingDepartment, signedAt: row.signedAt.toISOString(),
    fulfilment: row.fulfilment, breach: isBreach(row.fulfilment),
  }
}

async function rowByCode(db: Database, code: string, viewer: SessionUser | null) {
  const [row] = await db.select({
    commitment: commitments, subjectKind: subjects.kind, judging: departments,
    byAgent: viewer ? actsForSubject(viewer.id, commitments.subjectId).mapWith(Boolean) : sql`false`.mapWith(Boolean),
    templateTitle: commitmentTemplates.title, templateVersion: commitmentTemplateVersions.version,
  }).from(commitments)
    .innerJoin(subjects, eq(subjects.id, commitments.subjectId))
    .innerJoin(departments, eq(departments.id, commitments.judgingDepartmentId))
    .innerJoin(commitmentTemplateVersions, eq(commitmentTemplateVersions.id, commitments.templateVersionId))
    .innerJoin(commitmentTemplates, eq(commitmentTemplates.id, commitmentTemplateVersions.templateId))
    .where(and(eq(commitments.code, code), readableBy(viewer)))
  return row
}

/**
 * One commitment as its page shows it, with the seal verified now from the stored row. For whoever may
 * not read it (see `readableBy`), it does not exist; a staff read of a non-public one is audited.
 */
export async function viewCommitment(db: Database, code: string, viewer: SessionUser | null): Promise<CommitmentView> {
  const row = await rowByCode(db, code, viewer)
  if (!row) throw notFound('信用承诺')
  const { commitment: c, judging } = row
  if (viewer && !row.byAgent && !isPublicCommitment({ disclosure: c.disclosure, subjectKind: row.subjectKind })) {
    await recordAudit(db, { actor: actorOf(viewer), action: 'commitment.read', entity: 'commitment', entityId: c.code })
  }
  return {
    ...summaryOf(c, judging.name), id: c.id, content: c.content, liability: c.liability, acceptingBodyCreditCode: c.acceptingBodyCreditCode,
    judgingDepartmentCreditCode: judging.creditCode, disclosure: c.disclosure, signature: `data:image/png;base64,${c.signature}`,
    templateVersion: row.templateVersion, templateTitle: row.templateTitle,
    fulfilmentNote: c.fulfilmentNote, fulfilmentAt: c.fulfilmentAt?.toISOString() ?? null,
    verification: verifyRow(c, judging.name),
  }
}

/** A subject's public commitments, for its profile; a natural person's never. */
export async function subjectCommitments(db: Database, creditCode: string): Promise<CommitmentSummary[]> {
  const rows = await db.select({ commitment: commitments, judging: departments.name }).from(commitments)
    .innerJoin(subjects, eq(subjects.id, commitments.subjectId))
    .innerJoin(departments, eq(departments.id, commitments.judgingDepartmentId))
    .where(and(eq(subjects.creditCode, creditCode), eq(commitments.disclosure, 'public'), ne(subjects.kind, 'natural_person')))
    .orderBy(desc(commitments.signedAt))
  return rows.map(r => summaryOf(r.commitment, r.judging))
}

/** 我的: the commitments of every subject the account acts for, with each one's disclosure. */
export async function ownCommitments(db: Database, userId: number) {
  const rows = await db.select({ commitment: commitments, judging: departments.name }).from(commitments)
    .innerJoin(departments, eq(departments.id, commitments.judgingDepartmentId))
    .where(actsForSubject(userId, commitments.subjectId)).orderBy(desc(commitments.signedAt))
  return rows.map(r => ({ ...summaryOf(r.commitment, r.judging), subjectId: r.commitment.subjectId, disclosure: r.commitment.disclosure }))
}

export async function commitmentForPdf(db: Database, code: string, viewer: SessionUser | null) {
  const view = await viewCommitment(db, code, viewer)
  const [subject] = await db.select({ legalRepresentative: subjects.legalRepresentative }).from(subjects)
    .innerJoin(commitments, eq(commitments.subjectId, subjects.id)).where(eq(commitments.code, code))
  return { view, legalRepresentative: subject?.legalRepresentative ?? null }
}
