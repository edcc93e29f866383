import { and, eq, isNull } from 'drizzle-orm'
import { correctableColumns } from '../../../shared/columns'
import { familyOf } from '../../../shared/kinds'
import { objectionReasons, type ObjectionInput } from '../../../shared/schemas/objections'
import { recordTitle } from '../../../shared/utils/recordTitle'
import { applications, departments, recordHistory, records } from '../../database/schema'
import type { Database, Tx } from '../../utils/db'
import { refuse } from '../../utils/errors'
import type { Mailer } from '../../utils/mail'
import { actorOf } from '../audit'
import { actsForSubject } from '../access/subjects'
import { notifyStaff } from '../notify'
import { correctRecord, loadRecord, rowValuesOf, withdrawRecord } from '../records/correct'
import { enqueue } from '../search/outbox'
import { createApplication, type Application, type Effects } from '../workflow/applications'
import type { Actor } from '../workflow/machine'
import { objectionWorkflow } from './workflow'

/**
 * 异议申诉: an agent of the record's subject (or the person it is about) objects to one active record.
 * The record is marked 异议处理中 in the same transaction, which also makes a second open objection
 * on it impossible; the department that published it is told at once.
 */
export async function submitObjection(db: Database, mailer: Mailer | null, applicant: Actor, input: ObjectionInput, siteUrl = '') {
  const loaded = await loadRecord(db, input.recordId, actsForSubject(applicant.id, records.subjectId))
  if (!loaded) throw refuse(404, '信用记录不存在，或您不是该记录主体的经办人', 'recordId')
  const { record, subject } = loaded
  if (record.state !== 'active') throw refuse(409, '该记录已撤销、已修复或已过公示期，无需提出异议', 'recordId')
  const data = {
    recordId: record.id, documentNumber: record.documentNumber,
    subjectName: subject.name, reason: input.reason, reasonLabel: objectionReasons[input.reason], description: input.description,
    requestedCorrection: input.requestedCorrection, contactName: input.contactName, contactPhone: input.contactPhone,
  }
  const result = await createApplication(db, {
    workflow: objectionWorkflow, subjectId: subject.id, applicant, departmentId: record.departmentId, data, fileIds: input.fileIds, requestKey: input.requestKey,
    onCreate: async (tx, application) => {
      const [marked] = await tx.update(records).set({ objectionId: application.id })
        .where(and(eq(records.id, record.id), isNull(records.objectionId))).returning({ id: records.id })
      if (!marked) {
        const [current] = await tx.select({ objectionId: records.objectionId }).from(records).where(eq(records.id, record.id))
        throw refuse(409, `该记录已有异议正在处理（申请编号 ${current?.objectionId}），请勿重复提交`, 'recordId', { applicationId: current?.objectionId })
      }
      await enqueue(tx, [record.id])
      await tx.insert(recordHistory).values({ recordId: record.id, action: 'objection_opened', applicationId: application.id, actor: actorOf(applicant) })
    },
  })
  if (result.created) await notifyReviewers(db, mailer, record.departmentId, result.application.id, data.subjectName, siteUrl)
  return result
}

/** Every reviewer of the department gets the new objection in the message box (and by e-mail). */
function notifyReviewers(db: Database, mailer: Mailer | null, departmentId: number, applicationId: number, subjectName: string, siteUrl: string) {
  return notifyStaff(db, mailer, { role: 'department_reviewer', departmentId }, {
    title: '收到新的信用异议申请',
    body: `${subjectName}对本部门公示的信用记录提出异议（申请编号 ${applicationId}），请在5个工作日内核查处理。`,
    link: `/admin/applications/${applicationId}`,
  }, siteUrl)
}

/** The record on the objection's page; staff also get its correctable fields, to fill the 更正 form. */
export async function objectionContext(db: Database, application: Application, forStaff: boolean) {
  const loaded = await loadRecord(db, Number(application.data.recordId))
  if (!loaded) return {}
  const { record, subject } = loaded
  const values = rowValuesOf(record, subject)
  const family = familyOf(record.kind)
  const correctable = forStaff
    ? correctableColumns(family).map(c => ({ key: c.key, label: c.header, value: values[c.key] ?? '' }))
    : undefined
  // What this objection's correction replaced: the old version, kept in the record's history.
  const [correction] = await db.select({ previous: recordHistory.previous }).from(recordHistory)
    .where(and(eq(recordHistory.applicationId, application.id), eq(recordHistory.action, 'corrected')))
  const previous = correction?.previous
  const replaced = previous
    ? correctableColumns(family).filter(c => c.key in previous).map(c => ({ label: c.header, before: String(previous[c.key] ?? ''), after: values[c.key] ?? '' }))
    : undefined
  return { record: { id: record.id, title: recordTitle(record), documentNumber: record.documentNumber, state: record.state, correctable, replaced } }
}

/** A reassigned objection is news to its new department's reviewers. */
export async function afterObjectionStep(db: Database, mailer: Mailer | null, application: Application, action: string, siteUrl: string) {
  if (action === 'reassign' && application.departmentId) {
    await notifyReviewers(db, mailer, application.departmentId, application.id, String(application.data.subjectName), siteUrl)
  }
}

/** The record is no longer under objection: the public mark goes, with the outcome in its history. */
async function closeObjection(tx: Tx, recordId: number, applicationId: number, action: string | null, actor: string) {
  await tx.update(records).set({ objectionId: null }).where(and(eq(records.id, recordId), eq(records.objectionId, applicationId)))
  await enqueue(tx, [recordId])
  if (action) await tx.insert(recordHistory).values({ recordId, action, applicationId, actor })
}

export const onObjectionStep: Effects = async (tx, application, { action, actor, input }) => {
  const recordId = Number(application.data.recordId)
  const by = actorOf(actor)
  if (action === 'reassign') {
    const [target] = input.departmentId ? await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId)) : []
    if (!target) throw refuse(400, '请选择改派的部门', 'departmentId')
    await tx.update(applications).set({ departmentId: target.id }).where(eq(applications.id, application.id))
    return
  }
  // A correction or withdrawal is itself the record's history entry; the other outcomes get one here.
  if (action === 'correct') await correctRecord(tx, recordId, input.corrections ?? {}, by, application.id)
  if (action === 'revoke') await withdrawRecord(tx, recordId, by, application.id)
  await closeObjection(tx, recordId, application.id, action === 'correct' || action === 'revoke' ? null : `objection_${application.state}`, by)
}
