import { and, eq } from 'drizzle-orm'
import { labelledFields, type RegistrationCategory, type RegistrationContext } from '../../../shared/schemas/registrations'
import { todayInChina } from '../../../shared/utils/dates'
import { applicationEvents, applications } from '../../database/schema'
import type { Application, Effects } from '../workflow/applications'

/**
 * 核验通过 dates the item for the profile; an update, once verified, supersedes the item it replaces in
 * the same transaction, so the profile never shows both or neither.
 */
export const onRegistrationStep: Effects = async (tx, application, { action, actor }) => {
  if (action !== 'verify') return
  await tx.update(applications).set({ data: { ...application.data, verifiedOn: todayInChina() } }).where(eq(applications.id, application.id))
  const replaces = application.data.replaces as number | null
  if (!replaces) return
  const [old] = await tx.update(applications).set({ state: 'superseded', updatedAt: new Date() })
    .where(and(eq(applications.id, replaces), eq(applications.subjectId, application.subjectId), eq(applications.kind, 'registration'), eq(applications.state, 'verified')))
    .returning({ id: applications.id })
  if (old) {
    await tx.insert(applicationEvents).values({
      applicationId: old.id, action: 'supersede', fromState: 'verified', toState: 'superseded', actorId: actor.id, actorRole: actor.role, reason: `已由申请编号 ${application.id} 更新`,
    })
  }
}

/** The item's fields (private ones marked), its sealed commitment and what it replaces. */
export async function registrationContext(_db: unknown, application: Application): Promise<{ registration: RegistrationContext }> {
  const data = application.data
  return {
    registration: {
      categoryLabel: String(data.categoryLabel),
      fields: labelledFields(data.category as RegistrationCategory, data.fields as Record<string, unknown>),
      commitmentCode: String(data.commitmentCode),
      verifiedOn: (data.verifiedOn as string | undefined) ?? null,
      replaces: (data.replaces as number | null) ?? null,
    },
  }
}
