import { ownDraft } from '../../../domain/commitments/drafts'

/** A draft to sign, for the signing form; another subject's is a 404. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  return ownDraft(db, user.id, idParam(event, 'id', '信用承诺草稿'))
})
