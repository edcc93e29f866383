import { commitmentDraftSchema } from '../../../../shared/schemas/commitments'
import { createDraft } from '../../../domain/commitments/drafts'
import { staffRoles } from '../../../../shared/roles'

/** A department starts a commitment for a subject; its agents sign it in 我的. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event, staffRoles)
  const input = await readBodyAs(event, commitmentDraftSchema)
  const { db } = await usePlatform()
  const draft = await createDraft(db, useMailer(), user, input, siteUrl(event))
  setResponseStatus(event, 201)
  return { id: draft.id }
})
