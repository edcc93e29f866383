import { and, eq, inArray, sql } from 'drizzle-orm'
import type { RepairContext } from '../../../shared/schemas/applications'
import { todayInChina } from '../../../shared/utils/dates'
import { applications, departments, recordHistory, records, repairDecisions } from '../../database/schema'
import type { Database, Tx } from '../../utils/db'
import type { Mailer } from '../../utils/mail'
import { actorOf } from '../audit'
import { notifyStaff } from '../notify'
import { enqueue } from '../search/outbox'
import type { Application, Effects } from '../workflow/applications'
import { certificatesOf, checkCertificate, tellOffice } from './index'

/** Guards the yearly serial of decision numbers when two departments approve at once. */
const DECISION_NUMBER_LOCK = 727_003

const recordIdsOf = (application: Application) => (application.data.recordIds as number[]).map(Number)

/** The records leave public view and the index at once; the decision is kept in their history. */
async function repair(tx: Tx, application: Application, actor: string) {
  const ids = recordIdsOf(application)
  const now = new Date()
  const today = todayInChina(now)
  await tx.update(records).set({ state: 'repaired', repairId: null, updatedAt: now })
    .where(and(inArray(records.id, ids), eq(records.repairId, application.id)))
  await enqueue(tx, ids)
  await tx.insert(recordHistory).values(ids.map(recordId => ({ recordId, action: 'repaired', applicationId: application.id, actor })))
  await tx.execute(sql`select pg_advisory_xact_lock(${DECISION_NUMBER_LOCK})`)
  const year = today.slice(0, 4)
  const [{ n }] = (await tx.execute<{ n: number }>(sql`select count(*)::int as n from repair_decisions where issued_on >= ${`${year}-01-01`}::date and issued_on <= ${`${year}-12-31`}::date`)).rows as [{ n: number }]
  await tx.insert(repairDecisions).values({
    applicationId: application.id, number: `朝信修决〔${year}〕${n + 1}号`, departmentId: application.departmentId!,
    subjectId: application.subjectId, recordIds: ids, issuedOn: today,
  })
}

/** A closed application without repair frees its records for another objection or repair. */
async function release(tx: Tx, application: Application) {
  await tx.update(records).set({ repairId: null }).where(and(inArray(records.id, recordIdsOf(application)), eq(records.repairId, application.id)))
}

export const onRepairStep: Effects = async (tx, application, { action, actor, input }) => {
  if (action === 'approve') return repair(tx, application, actorOf(actor))
  if (action === 'refuse' || action === 'reject' || action === 'withdraw') return release(tx, application)
  if (action === 'resubmit') {
    const [department] = await tx.select({ requirements: departments.repairRequirements }).from(departments).where(eq(departments.id, application.departmentId!))
    const number = input.certificateNumber ?? (application.data.certificateNumber as string | undefined)
    await checkCertificate(tx, application.subjectId, number, department!.requirements.certificate)
    if (input.certificateNumber) {
      await tx.update(applications).set({ data: { ...application.data, certificateNumber: input.certificateNumber } }).where(eq(applications.id, application.id))
    }
  }
}

/** The finding department hears of an accepted application; the credit office of a completed one. */
export async function afterRepairStep(db: Database, mailer: Mailer | null, application: Application, action: string, siteUrl: string) {
  const subjectName = String(application.data.subjectName)
  if (action === 'accept') {
    await notifyStaff(db, mailer, { role: 'department_reviewer', departmentId: application.departmentId }, {
      title: '收到信用修复申请（已通过初审）',
      body: `${subjectName}申请修复本部门认定的信用记录（申请编号 ${application.id}），已通过市信用办初审，请按时限作出决定。`,
      link: `/admin/applications/${application.id}`,
    }, siteUrl)
  }
  if (action === 'resubmit') await tellOffice(db, mailer, application.id, subjectName, '信用修复申请已补正材料', siteUrl)
}

/** The records the application covers as they are now, the confirmed commitment, the certificate and the decision. */
export async function repairContext(db: Database, application: Application): Promise<{ repair: RepairContext }> {
  const ids = recordIdsOf(application)
  const current = await db.select({ id: records.id, state: records.state }).from(records).where(inArray(records.id, ids))
  const stateOf = new Map(current.map(r => [r.id, r.state]))
  const listed = application.data.records as Omit<RepairContext['records'][number], 'state'>[]
  const [department] = await db.select({ requirements: departments.repairRequirements }).from(departments).where(eq(departments.id, application.departmentId!))
  const number = application.data.certificateNumber as string | undefined
  const certificate = number ? (await certificatesOf(db, application.subjectId)).find(c => c.number === number) ?? null : null
  const [decision] = await db.select({ number: repairDecisions.number, issuedOn: repairDecisions.issuedOn }).from(repairDecisions)
    .where(eq(repairDecisions.applicationId, application.id))
  return {
    repair: {
      records: listed.map(r => ({ ...r, state: stateOf.get(r.id) ?? 'active' })),
      commitmentText: String(application.data.commitmentText ?? ''),
      requirements: department!.requirements,
      certificate,
      decision: decision ? { ...decision, url: `/api/applications/${application.id}/decision.pdf` } : null,
    },
  }
}
