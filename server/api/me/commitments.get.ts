import { ownDrafts } from '../../domain/commitments/drafts'
import { ownCommitments } from '../../domain/commitments/view'

/** 我的信用承诺: every commitment of the subjects this account acts for, and the drafts waiting to be signed. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  return { items: await ownCommitments(db, user.id), drafts: await ownDrafts(db, user.id) }
})
