import { judgedCommitments } from '../../../domain/commitments/fulfilment'
import { staffRoles } from '../../../../shared/roles'

/** Commitments whose fulfilment this reviewer's department judges (all for the credit office). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event, staffRoles)
  const { db } = await usePlatform()
  return { items: await judgedCommitments(db, user) }
})
