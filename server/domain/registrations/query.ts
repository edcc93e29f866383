import { and, desc, eq, inArray, ne } from 'drizzle-orm'
import { labelledFields, registrationCategoryLabels, type OwnRegistration, type PublicRegistration, type RegistrationCategory } from '../../../shared/schemas/registrations'
import { applicationEvents, applications, departments, subjects } from '../../database/schema'
import type { Database } from '../../utils/db'
import { ownSubject } from '../me'
import { registrationWorkflow, type RegistrationState } from './workflow'

const DEFAULT_VERIFIER = '市信用办'

/**
 * A subject's verified registrations for its public profile: only `verified` ones, so a withdrawn or
 * superseded item is gone at once; only the title, category, public fields and the date, never files.
 */
export async function subjectRegistrations(db: Database, creditCode: string): Promise<PublicRegistration[]> {
  const rows = await db.select({ application: applications, department: departments.name }).from(applications)
    .innerJoin(subjects, eq(subjects.id, applications.subjectId))
    .leftJoin(departments, eq(departments.id, applications.departmentId))
    .where(and(eq(subjects.creditCode, creditCode), ne(subjects.kind, 'natural_person'), eq(applications.kind, 'registration'), eq(applications.state, 'verified')))
    .orderBy(desc(applications.updatedAt))
  return rows.map(({ application, department }) => {
    const category = application.data.category as RegistrationCategory
    return {
      id: application.id, category, categoryLabel: registrationCategoryLabels[category], title: String(application.data.title),
      fields: labelledFields(category, application.data.fields as Record<string, unknown>).filter(f => f.public).map(({ public: _, ...f }) => f),
      verifiedOn: String(application.data.verifiedOn), verifier: department ?? DEFAULT_VERIFIER,
    }
  })
}

/** 我的: every registration of a subject the account acts for (404 otherwise), newest first, with the reason of a rejection. */
export async function ownRegistrations(db: Database, userId: number, subjectId: number): Promise<OwnRegistration[]> {
  await ownSubject(db, userId, subjectId)
  const rows = await db.select().from(applications)
    .where(and(eq(applications.subjectId, subjectId), eq(applications.kind, 'registration'))).orderBy(desc(applications.id))
  const rejected = rows.filter(r => r.state === 'rejected').map(r => r.id)
  const reasons = rejected.length
    ? await db.select({ applicationId: applicationEvents.applicationId, reason: applicationEvents.reason }).from(applicationEvents)
      .where(and(inArray(applicationEvents.applicationId, rejected), eq(applicationEvents.action, 'reject')))
    : []
  return rows.map((r) => {
    const category = r.data.category as RegistrationCategory
    return {
      id: r.id, category, categoryLabel: registrationCategoryLabels[category], title: String(r.data.title),
      state: r.state, stateLabel: registrationWorkflow.states[r.state as RegistrationState]?.label ?? r.state, version: r.version,
      verifiedOn: (r.data.verifiedOn as string | undefined) ?? null, reason: reasons.find(x => x.applicationId === r.id)?.reason ?? null,
      replaces: (r.data.replaces as number | null) ?? null, createdAt: r.createdAt.toISOString(),
    }
  })
}
