import { eq } from 'drizzle-orm'
import { roleLabels } from '../../../shared/schemas/accounts'
import { todayInChina } from '../../../shared/utils/dates'
import { departments, subjects, users } from '../../database/schema'
import type { Database } from '../../utils/db'
import { historyOf, visibleApplication } from './applications'
import { availableActions, partiesOf, type Actor } from './machine'
import { summarize } from './queue'
import { workflowOf } from './registry'

/** Steps that are no action of the workflow's own: the filing, and a registration replaced by its update. */
const stepLabels: Record<string, string> = { submit: '提交申请', supersede: '已被更新的注册信息替换' }

/**
 * One application on one page: its summary, what was submitted, every step with its files, and the
 * actions this actor may take now. Applicants see staff steps by role, not by the reviewer's name.
 */
export async function applicationDetail(db: Database, actor: Actor, id: number) {
  const { application, access, standing } = await visibleApplication(db, actor, id)
  const [subject] = await db.select({ name: subjects.name, creditCode: subjects.creditCode }).from(subjects).where(eq(subjects.id, application.subjectId))
  const [applicant] = await db.select({ name: users.name }).from(users).where(eq(users.id, application.applicantId))
  // The department handling it is read, not stored in the data: a reassignment changes it.
  const [department] = application.departmentId
    ? await db.select({ name: departments.name }).from(departments).where(eq(departments.id, application.departmentId))
    : []
  const { workflow, context } = workflowOf(application.kind)
  const history = (await historyOf(db, id)).map(step => ({
    ...step,
    actorName: access === 'staff' || step.actorRole === 'public' || step.actorRole === 'subject_agent' ? step.actorName : roleLabels[step.actorRole],
    toLabel: workflow.states[step.toState]?.label ?? step.toState,
    actionLabel: stepLabels[step.action] ?? workflow.transitions[step.action]?.label ?? step.action,
  }))
  const actions = availableActions(workflow, application.state, partiesOf(actor, standing))
    .map(name => ({ name, label: workflow.transitions[name]!.label, reasonRequired: !!workflow.transitions[name]!.reasonRequired }))
  return {
    ...summarize({ application, subjectName: subject!.name }, todayInChina()),
    version: application.version,
    subject: subject!,
    applicantName: applicant!.name,
    data: department ? { ...application.data, departmentName: department.name } : application.data,
    context: (await context?.(db, application, access === 'staff')) ?? {},
    history,
    actions,
  }
}
