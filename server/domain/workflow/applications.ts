import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { todayInChina } from '../../../shared/utils/dates'
import { addWorkingDays } from '../../../shared/utils/workingDays'
import { applicationEvents, applications, files, users } from '../../database/schema'
import type { Database, Tx } from '../../utils/db'
import { notFound, refuse } from '../../utils/errors'
import { actorOf, recordAudit } from '../audit'
import { applicationFor } from './access'
import { partiesOf, planTransition, recusalMessage, refusedForRecusal, type Actor, type Standing, type Workflow } from './machine'

export type Application = typeof applications.$inferSelect

/** Evidence the actor uploaded and has not attached anywhere yet; anything else is refused by name. */
async function attachFiles(tx: Tx, fileIds: readonly string[], uploaderId: number, applicationId: number, eventId: number) {
  if (!fileIds.length) return
  const attached = await tx.update(files).set({ applicationId, eventId })
    .where(and(inArray(files.id, [...fileIds]), eq(files.uploaderId, uploaderId), isNull(files.eventId)))
    .returning({ id: files.id })
  if (attached.length !== new Set(fileIds).size) throw refuse(400, '附件无效或已被使用，请重新上传', 'fileIds')
}

export interface NewApplication {
  workflow: Workflow
  subjectId: number
  applicant: Actor
  departmentId: number | null
  data: Record<string, unknown>
  fileIds: readonly string[]
  /** The form's one-time key: the same key again returns the application it created. */
  requestKey: string
  /** What filing changes besides the application, in its transaction; it may refuse the filing. */
  onCreate?: (tx: Tx, application: Application) => Promise<void>
}

/** Files an application in its initial state with its first deadline; a repeated submission returns the first. */
export async function createApplication(db: Database, input: NewApplication, now = new Date()): Promise<{ application: Application, created: boolean }> {
  const today = todayInChina(now)
  return db.transaction(async (tx) => {
    const [application] = await tx.insert(applications).values({
      kind: input.workflow.kind,
      state: input.workflow.initial,
      subjectId: input.subjectId,
      applicantId: input.applicant.id,
      departmentId: input.departmentId,
      dueOn: addWorkingDays(today, input.workflow.initialDueInWorkingDays),
      data: input.data,
      requestKey: `${input.applicant.id}:${input.requestKey}`,
    }).onConflictDoNothing({ target: applications.requestKey }).returning()
    if (!application) {
      const [first] = await tx.select().from(applications).where(eq(applications.requestKey, `${input.applicant.id}:${input.requestKey}`))
      return { application: first!, created: false }
    }
    const [event] = await tx.insert(applicationEvents).values({
      applicationId: application.id, action: 'submit', fromState: null, toState: application.state, actorId: input.applicant.id, actorRole: input.applicant.role,
    }).returning({ id: applicationEvents.id })
    await attachFiles(tx, input.fileIds, input.applicant.id, application.id, event!.id)
    await input.onCreate?.(tx, application)
    await recordAudit(tx, { actor: actorOf(input.applicant), action: `${application.kind}.submit`, entity: 'application', entityId: String(application.id) })
    return { application, created: true }
  })
}

export interface TransitionInput {
  action: string
  /** The version the actor saw: if someone acted since, this one loses with a 409. */
  version: number
  reason?: string
  fileIds?: readonly string[]
  /** What some decisions carry: corrected fields (更正), the department an objection goes to (改派). */
  corrections?: Record<string, string>
  departmentId?: number
  /** A repair's missing training certificate, added when resubmitting. */
  certificateNumber?: string
}

/** What a step changes besides the application, in the same transaction; it may refuse the step. */
export type Effects = (tx: Tx, updated: Application, step: { action: string, actor: Actor, input: TransitionInput }) => Promise<void>

/** An application as found for one actor (visibleApplication): the row and how the actor stands to it. */
export interface Found { application: Application, standing: Standing }

/**
 * Moves an application along its workflow. The row is updated only if it still has the version the actor
 * saw, so of two reviewers acting at once exactly one wins; `effects` runs in the same transaction, and
 * what is returned is the row as the effects left it. A step refused for 回避 is audited as refused.
 */
export async function transition(
  db: Database, workflow: Workflow, { application, standing }: Found, actor: Actor, input: TransitionInput,
  effects?: Effects, now = new Date(),
): Promise<Application> {
  if (refusedForRecusal(workflow, input.action, actor, standing)) {
    await recordAudit(db, {
      actor: actorOf(actor), action: `${application.kind}.${input.action}`, entity: 'application', entityId: String(application.id),
      detail: { refused: '回避', applicant: standing.applicant, agent: standing.agent }, success: false,
    })
    throw refuse(403, recusalMessage, 'action')
  }
  const plan = planTransition(workflow, application.state, input.action, partiesOf(actor, standing), input.reason, todayInChina(now))
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(applications)
      .set({ state: plan.to, ...(plan.dueOn === 'keep' ? {} : { dueOn: plan.dueOn }), version: sql`${applications.version} + 1`, updatedAt: now })
      .where(and(eq(applications.id, application.id), eq(applications.version, input.version), eq(applications.state, application.state)))
      .returning()
    if (!updated) throw refuse(409, '该申请已被他人处理或已更新，请刷新后查看最新状态', 'version')
    const [event] = await tx.insert(applicationEvents).values({
      applicationId: application.id, action: input.action, fromState: application.state, toState: plan.to, actorId: actor.id, actorRole: actor.role, reason: input.reason?.trim() || null,
    }).returning({ id: applicationEvents.id })
    await attachFiles(tx, input.fileIds ?? [], actor.id, application.id, event!.id)
    await recordAudit(tx, { actor: actorOf(actor), action: `${application.kind}.${input.action}`, entity: 'application', entityId: String(application.id), detail: { from: application.state, to: plan.to } })
    if (!effects) return updated
    await effects(tx, updated, { action: input.action, actor, input })
    const [after] = await tx.select().from(applications).where(eq(applications.id, application.id))
    return after!
  })
}

/**
 * An application the actor may see, or 404 (also for another subject's or department's). A staff read
 * is audited; a step is audited as the step, so `read: false` skips the read entry for it.
 */
export async function visibleApplication(db: Database, actor: Actor, id: number, { read = true } = {}) {
  const found = await applicationFor(db, actor, id)
  if (!found) throw notFound('申请')
  if (read && found.access === 'staff') await recordAudit(db, { actor: actorOf(actor), action: 'application.read', entity: 'application', entityId: String(id) })
  return found
}

/** Every step of an application, oldest first, with who acted and the files attached at that step. */
export async function historyOf(db: Database, applicationId: number) {
  const events = await db.select({
    id: applicationEvents.id, action: applicationEvents.action, fromState: applicationEvents.fromState, toState: applicationEvents.toState,
    actorName: users.name, actorRole: applicationEvents.actorRole, reason: applicationEvents.reason, at: applicationEvents.at,
  }).from(applicationEvents).innerJoin(users, eq(users.id, applicationEvents.actorId))
    .where(eq(applicationEvents.applicationId, applicationId)).orderBy(asc(applicationEvents.id))
  const attached = await db.select({ id: files.id, eventId: files.eventId, name: files.name, mime: files.mime, size: files.size })
    .from(files).where(eq(files.applicationId, applicationId)).orderBy(asc(files.createdAt))
  return events.map(event => ({ ...event, files: attached.filter(f => f.eventId === event.id).map(({ eventId: _, ...f }) => f) }))
}
