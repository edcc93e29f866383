import { ownCommitments } from '../../domain/commitments/view'

/** 我的信用承诺: every commitment of the subjects this account acts for. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  return { items: await ownCommitments(db, user.id) }
})
