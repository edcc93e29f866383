import { checkCreditCode } from '../../../../shared/utils/creditCode'
import { subjectCommitments } from '../../../domain/commitments/view'

/** A subject's public commitments, for its credit profile. */
export default defineEventHandler(async (event) => {
  const check = checkCreditCode(await textParam(event, 'creditCode'))
  if (!check.ok) throw createError({ statusCode: 404, message: check.reason })
  const { db } = await usePlatform()
  return { items: await subjectCommitments(db, check.code) }
})
