import { and, desc, eq, inArray, isNull } from 'drizzle-orm'
import type { CommitmentDraftInput } from '../../../shared/schemas/commitments'
import { commitmentDrafts, commitmentTemplates, departments, subjectAgents, subjects } from '../../database/schema'
import type { Database } from '../../utils/db'
import type { Mailer } from '../../utils/mail'
import { notFound, refuse } from '../../utils/errors'
import { inStaffScope } from '../access/staff'
import { actorOf, recordAudit } from '../audit'
import { actsForSubject } from '../access/subjects'
import { notify } from '../notify'
import type { Actor } from '../workflow/machine'

/**
 * A department starts a commitment during an approval: it fixes the template, matter, bodies and
 * disclosure; the subject's agents find it in 我的 and sign it (the signature is theirs alone).
 * A reviewer starts drafts only with its own department as the accepting body.
 */
export async function createDraft(db: Database, mailer: Mailer | null, actor: Actor, input: CommitmentDraftInput, siteUrl = '') {
  const [subject] = await db.select().from(subjects).where(eq(subjects.creditCode, input.creditCode))
  if (!subject) throw refuse(404, '未找到该统一社会信用代码对应的信用主体', 'creditCode')
  const [template] = await db.select({ id: commitmentTemplates.id }).from(commitmentTemplates).where(eq(commitmentTemplates.id, input.templateId))
  if (!template) throw refuse(400, '请选择承诺书模板', 'templateId')
  const found = await db.select({ id: departments.id, inScope: inStaffScope(actor, departments.id).mapWith(Boolean) }).from(departments)
    .where(inArray(departments.id, [input.acceptingDepartmentId, input.judgingDepartmentId]))
  if (!found.some(d => d.id === input.judgingDepartmentId)) throw refuse(400, '请选择履约认定单位', 'judgingDepartmentId')
  const accepting = found.find(d => d.id === input.acceptingDepartmentId)
  if (!accepting) throw refuse(400, '请选择承诺受理单位', 'acceptingDepartmentId')
  if (!accepting.inScope) throw refuse(403, '只能以本部门作为承诺受理单位发起信用承诺', 'acceptingDepartmentId')
  const draft = await db.transaction(async (tx) => {
    const [row] = await tx.insert(commitmentDrafts).values({
      subjectId: subject.id, templateId: input.templateId, matter: input.matter, acceptingDepartmentId: input.acceptingDepartmentId,
      judgingDepartmentId: input.judgingDepartmentId, disclosure: input.disclosure, createdBy: actor.id,
    }).returning()
    await recordAudit(tx, { actor: actorOf(actor), action: 'commitmentDraft.create', entity: 'subject', entityId: String(subject.id), detail: { draftId: row!.id } })
    return row!
  })
  const agents = await db.select({ userId: subjectAgents.userId }).from(subjectAgents).where(eq(subjectAgents.subjectId, subject.id))
  for (const { userId } of agents) {
    await notify(db, mailer, userId, { title: '有一份信用承诺待您签署', body: `${subject.name}：${input.matter}`, link: `/me/commitments/new?draft=${draft.id}` }, siteUrl)
  }
  return draft
}

/** The unsigned drafts of the subjects an account acts for. */
export async function ownDrafts(db: Database, userId: number) {
  return db.select({ id: commitmentDrafts.id, subjectId: commitmentDrafts.subjectId, subjectName: subjects.name, matter: commitmentDrafts.matter, type: commitmentTemplates.type, createdAt: commitmentDrafts.createdAt })
    .from(commitmentDrafts).innerJoin(subjects, eq(subjects.id, commitmentDrafts.subjectId))
    .innerJoin(commitmentTemplates, eq(commitmentTemplates.id, commitmentDrafts.templateId))
    .where(and(actsForSubject(userId, commitmentDrafts.subjectId), isNull(commitmentDrafts.commitmentId)))
    .orderBy(desc(commitmentDrafts.id))
}

/** One unsigned draft of a subject the account acts for; anyone else's (or a signed one) is a 404. */
export async function ownDraft(db: Database, userId: number, draftId: number) {
  const [draft] = await db.select().from(commitmentDrafts)
    .where(and(eq(commitmentDrafts.id, draftId), isNull(commitmentDrafts.commitmentId), actsForSubject(userId, commitmentDrafts.subjectId)))
  if (!draft) throw notFound('信用承诺草稿')
  return draft
}
