import { and, eq, ne } from 'drizzle-orm'
import type { ClaimInput } from '../../../shared/schemas/claims'
import { applications, subjectAgents, subjects, users } from '../../database/schema'
import type { Database, Tx } from '../../utils/db'
import { refuse } from '../../utils/errors'
import { actsForSubject } from '../access/subjects'
import { createApplication, type Application } from '../workflow/applications'
import type { Actor } from '../workflow/machine'
import { claimWorkflow } from './workflow'

/**
 * A person asks to act for an organisation. Refused when the code names no subject here, when the
 * person already acts for it, or when a claim of theirs for it is still open (with its number).
 */
export async function submitClaim(db: Database, applicant: Actor, input: ClaimInput) {
  const [subject] = await db.select({ id: subjects.id, name: subjects.name, actsFor: actsForSubject(applicant.id, subjects.id).mapWith(Boolean) })
    .from(subjects).where(eq(subjects.creditCode, input.creditCode))
  if (!subject) throw refuse(404, '本平台暂无该统一社会信用代码的主体信息，请核对代码', 'creditCode')
  if (subject.actsFor) throw refuse(409, `您已是“${subject.name}”的经办人，无需重复认领`, 'creditCode')
  const fileIds = [input.businessLicenceFileId, ...(input.authorizationFileId ? [input.authorizationFileId] : [])]
  const data = { creditCode: input.creditCode, subjectName: subject.name, isLegalRepresentative: input.isLegalRepresentative, contactPhone: input.contactPhone }
  return createApplication(db, {
    workflow: claimWorkflow, subjectId: subject.id, applicant, departmentId: null, data, fileIds, requestKey: input.requestKey,
    // Reached only by a new request key: a repeat of this one has already returned its claim.
    onCreate: async (tx, application) => {
      const [open] = await tx.select({ id: applications.id }).from(applications).where(and(
        eq(applications.kind, 'claim'), eq(applications.applicantId, applicant.id), eq(applications.subjectId, subject.id),
        eq(applications.state, claimWorkflow.initial), ne(applications.id, application.id),
      ))
      if (open) throw refuse(409, `您对该主体的认领申请（编号${open.id}）正在审核中，请勿重复提交`, 'creditCode')
    },
  })
}

/** An approved claim makes the applicant an agent of the subject (and a `public` account a subject agent). */
export async function onClaimDecided(tx: Tx, application: Application): Promise<void> {
  if (application.state !== 'approved') return
  await tx.insert(subjectAgents).values({ userId: application.applicantId, subjectId: application.subjectId, applicationId: application.id }).onConflictDoNothing()
  await tx.update(users).set({ role: 'subject_agent' }).where(and(eq(users.id, application.applicantId), eq(users.role, 'public')))
}
