import { judgedCommitments } from '../../../domain/commitments/fulfilment'

/** Commitments whose fulfilment this reviewer's department judges (all for the credit office). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event, ['department_reviewer', 'credit_office', 'admin'])
  const { db } = await usePlatform()
  return { items: await judgedCommitments(db, user) }
})
