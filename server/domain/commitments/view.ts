import { and, desc, eq, inArray, ne, or, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { isBreach } from '../../../shared/commitments'
import type { CommitmentSummary, CommitmentView } from '../../../shared/schemas/commitments'
import type { SessionUser } from '../../../shared/schemas/accounts'
import { commitments, commitmentTemplates, commitmentTemplateVersions, departments, subjects } from '../../database/schema'
import type { Database } from '../../utils/db'
import { notFound } from '../../utils/errors'
import { actorOf, recordAudit } from '../audit'
import { ownSubjects } from '../me'
import { isPublicCommitment } from './document'
import { verifyRow, type CommitmentRow } from './facts'

function summaryOf(row: CommitmentRow, judgingDepartment: string): CommitmentSummary {
  return {
    code: row.code, type: row.type, subjectName: row.subjectName, creditCode: row.creditCode, matter: row.matter,
    acceptingBody: row.acceptingBody, judgingDepartment, signedAt: row.signedAt.toISOString(),
    fulfilment: row.fulfilment, breach: isBreach(row.fulfilment),
  }
}

const published = and(eq(commitments.disclosure, 'public'), ne(subjects.kind, 'natural_person'))
const viewerDepartment = alias(departments, 'viewer_department')

/**
 * Who reads a commitment that is not 可向社会公开 (issue 12 §6): the agents of its subject (and the
 * person it is about), reviewers of the department that accepted it or judges it, the credit office.
 */
function readableBy(db: Database, viewer: SessionUser | null, ownSubjectIds: number[]): SQL | undefined {
  if (viewer?.role === 'credit_office' || viewer?.role === 'admin') return undefined
  const department = viewer?.role === 'department_reviewer' && viewer.departmentId
    ? or(
        eq(commitments.judgingDepartmentId, viewer.departmentId),
        // The accepting body is sealed into the commitment by its credit code.
        inArray(commitments.acceptingBodyCreditCode, db.select({ creditCode: viewerDepartment.creditCode }).from(viewerDepartment).where(eq(viewerDepartment.id, viewer.departmentId))),
      )
    : undefined
  return or(published, ownSubjectIds.length ? inArray(commitments.subjectId, ownSubjectIds) : undefined, department)
}

async function rowByCode(db: Database, code: string, viewer: SessionUser | null) {
  const own = viewer ? (await ownSubjects(db, viewer.id)).map(s => s.id) : []
  const [row] = await db.select({
    commitment: commitments, subjectKind: subjects.kind, judging: departments,
    templateTitle: commitmentTemplates.title, templateVersion: commitmentTemplateVersions.version,
  }).from(commitments)
    .innerJoin(subjects, eq(subjects.id, commitments.subjectId))
    .innerJoin(departments, eq(departments.id, commitments.judgingDepartmentId))
    .innerJoin(commitmentTemplateVersions, eq(commitmentTemplateVersions.id, commitments.templateVersionId))
    .innerJoin(commitmentTemplates, eq(commitmentTemplates.id, commitmentTemplateVersions.templateId))
    .where(and(eq(commitments.code, code), readableBy(db, viewer, own)))
  return row && { ...row, byAgent: own.includes(row.commitment.subjectId) }
}

/**
 * One commitment as its page shows it, with the seal verified now from the stored row. 可向社会公开
 * is anyone's; any other only for those `readableBy` names (a staff read is audited); for everyone
 * else it does not exist.
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
  const own = await ownSubjects(db, userId)
  if (!own.length) return []
  const rows = await db.select({ commitment: commitments, judging: departments.name }).from(commitments)
    .innerJoin(departments, eq(departments.id, commitments.judgingDepartmentId))
    .where(inArray(commitments.subjectId, own.map(s => s.id))).orderBy(desc(commitments.signedAt))
  return rows.map(r => ({ ...summaryOf(r.commitment, r.judging), subjectId: r.commitment.subjectId, disclosure: r.commitment.disclosure }))
}

export async function commitmentForPdf(db: Database, code: string, viewer: SessionUser | null) {
  const view = await viewCommitment(db, code, viewer)
  const [subject] = await db.select({ legalRepresentative: subjects.legalRepresentative }).from(subjects)
    .innerJoin(commitments, eq(commitments.subjectId, subjects.id)).where(eq(commitments.code, code))
  return { view, legalRepresentative: subject?.legalRepresentative ?? null }
}
