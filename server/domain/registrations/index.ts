import { and, eq, inArray, isNull } from 'drizzle-orm'
import { registrationTemplateDomain } from '../../../config/commitments'
import { deadlines } from '../../../config/deadlines'
import { registrationCategoryLabels, type RegistrationData } from '../../../shared/schemas/registrations'
import { applications, commitmentTemplates, departments, files } from '../../database/schema'
import type { Database } from '../../utils/db'
import { refuse } from '../../utils/errors'
import type { Mailer } from '../../utils/mail'
import { signCommitment } from '../commitments/sign'
import { ownSubject } from '../me'
import { notifyStaff } from '../notify'
import { createApplication } from '../workflow/applications'
import type { Actor } from '../workflow/machine'
import { registrationWorkflow } from './workflow'

/** The body that verifies: the department named, or the credit office's own department. */
async function verifyingDepartment(db: Database, departmentId: number | undefined) {
  const [row] = await db.select().from(departments)
    .where(departmentId ? eq(departments.id, departmentId) : eq(departments.slug, 'credit-office'))
  if (!row) throw refuse(400, '请选择核验部门', 'departmentId')
  return row
}

async function registrationTemplate(db: Database) {
  const [row] = await db.select({ id: commitmentTemplates.id }).from(commitmentTemplates)
    .where(and(eq(commitmentTemplates.type, 'voluntary'), eq(commitmentTemplates.domain, registrationTemplateDomain)))
  if (!row) throw refuse(503, '信息真实性承诺书模板尚未配置，请联系市信用办')
  return row.id
}

/** The evidence must be the applicant's own, not yet attached: checked before anything is sealed. */
async function checkFiles(db: Database, uploaderId: number, ids: readonly string[]) {
  const found = await db.select({ id: files.id }).from(files)
    .where(and(inArray(files.id, [...ids]), eq(files.uploaderId, uploaderId), isNull(files.eventId)))
  if (found.length !== new Set(ids).size) throw refuse(400, '证明材料无效或已被使用，请重新上传', 'fileIds')
}

/** An update names a verified registration of the same subject. */
async function checkReplaced(db: Database, subjectId: number, id: number) {
  const [old] = await db.select({ id: applications.id }).from(applications)
    .where(and(eq(applications.id, id), eq(applications.kind, 'registration'), eq(applications.subjectId, subjectId), eq(applications.state, 'verified')))
  if (!old) throw refuse(409, '只能更新本主体已核验的注册信息', 'replaces')
}

/**
 * 信用信息自愿注册: an agent of the subject registers one item with its evidence and signs the
 * 信息真实性承诺及授权共享 in the same request. Everything that can refuse is checked before the seal; the
 * commitment is then sealed through the commitments code, and the application filed naming its code.
 * The same `requestKey` again finds the first commitment and the first application.
 */
export async function submitRegistration(db: Database, mailer: Mailer | null, applicant: Actor, input: RegistrationData, siteUrl = '') {
  const subject = await ownSubject(db, applicant.id, input.subjectId)
  const [earlier] = await db.select().from(applications).where(eq(applications.requestKey, `${applicant.id}:${input.requestKey}`))
  if (earlier) return { application: earlier, created: false }
  const department = await verifyingDepartment(db, input.departmentId)
  await checkFiles(db, applicant.id, input.fileIds)
  if (input.replaces) await checkReplaced(db, subject.id, input.replaces)
  const categoryLabel = registrationCategoryLabels[input.category]
  const title = input.fields.name!
  const { commitment } = await signCommitment(db, applicant, {
    subjectId: subject.id, templateId: await registrationTemplate(db), matter: `${categoryLabel}信息“${title}”`,
    acceptingDepartmentId: department.id, judgingDepartmentId: department.id,
    // Shared with departments for supervision, not published as a commitment of its own.
    disclosure: 'restricted', signature: input.signature, requestKey: `registration:${input.requestKey}`,
  })
  const data = {
    subjectName: subject.name, creditCode: subject.creditCode, category: input.category, categoryLabel, title,
    fields: input.fields, fileIds: input.fileIds, commitmentCode: commitment.code, replaces: input.replaces ?? null,
  }
  const result = await createApplication(db, {
    workflow: registrationWorkflow, subjectId: subject.id, applicant,
    // The credit office's own registrations stay in its queue: reviewers of no department see them.
    departmentId: input.departmentId ? department.id : null,
    data, fileIds: input.fileIds, requestKey: input.requestKey,
  })
  if (result.created) await tellVerifier(db, mailer, result.application.id, input.departmentId ? department.id : null, subject.name, title, siteUrl)
  return result
}

function tellVerifier(db: Database, mailer: Mailer | null, applicationId: number, departmentId: number | null, subjectName: string, title: string, siteUrl: string) {
  return notifyStaff(db, mailer, departmentId ? { role: 'department_reviewer', departmentId } : { role: 'credit_office' }, {
    title: '收到信用信息自愿注册',
    body: `${subjectName}自愿注册“${title}”（申请编号 ${applicationId}），请在${deadlines.registrationWorkingDays}个工作日内核验。`,
    link: `/admin/applications/${applicationId}`,
  }, siteUrl)
}
