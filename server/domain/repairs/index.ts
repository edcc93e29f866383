import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm'
import { deadlines } from '../../../config/deadlines'
import type { RepairInput, RepairOptions } from '../../../shared/schemas/repairs'
import { todayInChina } from '../../../shared/utils/dates'
import { recordTitle } from '../../../shared/utils/recordTitle'
import { repairCommitmentText } from '../../../shared/utils/repairCommitment'
import { certificates, courses, departments, records } from '../../database/schema'
import type { Database, Tx } from '../../utils/db'
import { refuse } from '../../utils/errors'
import type { Mailer } from '../../utils/mail'
import { ownSubject } from '../me'
import { notifyStaff } from '../notify'
import { createApplication } from '../workflow/applications'
import type { Actor } from '../workflow/machine'
import { eligibilityOf } from './eligibility'
import { repairWorkflow } from './workflow'

/** What the wizard lists beside the records: each department's requirements and the subject's certificates. */
export async function repairOptions(db: Database, userId: number, subjectId: number, today = todayInChina()): Promise<RepairOptions> {
  const subject = await ownSubject(db, userId, subjectId)
  const rows = await db.selectDistinct({ id: departments.id, name: departments.name, requirements: departments.repairRequirements })
    .from(records).innerJoin(departments, eq(departments.id, records.departmentId)).where(eq(records.subjectId, subjectId))
  return {
    subject: { id: subject.id, name: subject.name, creditCode: subject.creditCode, legalRepresentative: subject.legalRepresentative },
    requirements: Object.fromEntries(rows.map(d => [String(d.id), { departmentName: d.name, ...d.requirements }])),
    certificates: await certificatesOf(db, subjectId),
    today,
  }
}

export function certificatesOf(db: Pick<Database, 'select'>, subjectId: number) {
  return db.select({ number: certificates.number, courseTitle: courses.title, issuedOn: certificates.issuedOn })
    .from(certificates).innerJoin(courses, eq(courses.id, certificates.courseId))
    .where(eq(certificates.subjectId, subjectId)).orderBy(certificates.issuedOn)
}

/** A certificate named by the applicant must be this subject's; a department that requires one gets one. */
export async function checkCertificate(db: Pick<Database, 'select'>, subjectId: number, number: string | undefined, required: boolean) {
  if (!number) {
    if (required) throw refuse(400, '认定部门要求提交信用修复培训证明，请先完成修复培训', 'certificateNumber')
    return
  }
  const [found] = await db.select({ id: certificates.id }).from(certificates)
    .where(and(eq(certificates.number, number), eq(certificates.subjectId, subjectId)))
  if (!found) throw refuse(400, '未找到本主体的该培训证明，请核对编号', 'certificateNumber')
}

/**
 * 信用修复申请: an agent of the subject asks to stop publishing one or more of its records early. Every
 * record must be eligible today and found by one department (谁认定谁修复); the core materials and what
 * that department asks for must be there. The records are marked in the same transaction, so a record
 * is in one open repair at most.
 */
export async function submitRepair(db: Database, mailer: Mailer | null, applicant: Actor, input: RepairInput, siteUrl = '', today = todayInChina()) {
  const subject = await ownSubject(db, applicant.id, input.subjectId)
  const ids = [...new Set(input.recordIds)]
  const chosen = await db.select({ record: records, departmentName: departments.name }).from(records)
    .innerJoin(departments, eq(departments.id, records.departmentId))
    .where(and(inArray(records.id, ids), eq(records.subjectId, subject.id)))
  if (chosen.length !== ids.length) throw refuse(404, '所选信用记录不存在，或不属于该主体', 'recordIds')
  for (const { record } of chosen) {
    // An open repair is checked when the records are marked: a repeated press must reach its first application.
    const eligibility = eligibilityOf(record, today, { openRepair: false })
    if (!eligibility.eligible) throw refuse(409, `${record.documentNumber}：${eligibility.reason}`, 'recordIds')
  }
  const departmentIds = new Set(chosen.map(c => c.record.departmentId))
  if (departmentIds.size > 1) throw refuse(400, '所选记录由不同部门认定，请按认定部门分别申请（谁认定谁修复）', 'recordIds')
  const departmentId = chosen[0]!.record.departmentId
  const [department] = await db.select().from(departments).where(eq(departments.id, departmentId))
  const requirements = department!.repairRequirements
  await checkCertificate(db, subject.id, input.certificateNumber, requirements.certificate)
  for (const name of requirements.documents) {
    if (!input.documentFileIds[name]) throw refuse(400, `认定部门要求提交：${name}`, `documentFileIds.${name}`)
  }
  const documentFileIds = Object.fromEntries(requirements.documents.map(name => [name, input.documentFileIds[name]!]))
  const listed = chosen.map(({ record, departmentName }) => ({ id: record.id, kind: record.kind, title: recordTitle(record), documentNumber: record.documentNumber, decisionDate: record.decisionDate, department: departmentName }))
  const data = {
    subjectName: subject.name, creditCode: subject.creditCode, recordIds: ids, records: listed,
    documentNumber: listed.map(r => r.documentNumber).join('；'),
    measures: input.measures, certificateNumber: input.certificateNumber,
    commitmentText: repairCommitmentText(subject, listed, today),
    proofFileIds: input.proofFileIds, documentFileIds,
    contactName: input.contactName, contactPhone: input.contactPhone,
  }
  const result = await createApplication(db, {
    workflow: repairWorkflow, subjectId: subject.id, applicant, departmentId, data,
    fileIds: [...input.proofFileIds, ...Object.values(documentFileIds)], requestKey: input.requestKey,
    onCreate: async (tx, application) => markRecords(tx, ids, application.id),
  })
  if (result.created) await tellOffice(db, mailer, result.application.id, subject.name, '收到新的信用修复申请', siteUrl)
  return result
}

/** One open repair per record: the first to mark it wins, a second is told which application holds it. */
async function markRecords(tx: Tx, ids: number[], applicationId: number) {
  const marked = await tx.update(records).set({ repairId: applicationId })
    .where(and(inArray(records.id, ids), isNull(records.repairId), isNull(records.objectionId), eq(records.state, 'active')))
    .returning({ id: records.id })
  if (marked.length === ids.length) return
  const [held] = await tx.select({ documentNumber: records.documentNumber, repairId: records.repairId }).from(records)
    .where(and(inArray(records.id, ids), isNotNull(records.repairId)))
  if (held) throw refuse(409, `${held.documentNumber}：该记录的信用修复申请正在办理中`, 'recordIds', { applicationId: held.repairId })
  throw refuse(409, '所选记录有异议正在处理或已不再公示，请刷新后重试', 'recordIds')
}

export function tellOffice(db: Database, mailer: Mailer | null, applicationId: number, subjectName: string, title: string, siteUrl: string) {
  return notifyStaff(db, mailer, { role: 'credit_office' }, {
    title,
    body: `${subjectName}的信用修复申请（申请编号 ${applicationId}）待初审，请在${deadlines.repairReviewWorkingDays}个工作日内完成。`,
    link: `/admin/applications/${applicationId}`,
  }, siteUrl)
}
