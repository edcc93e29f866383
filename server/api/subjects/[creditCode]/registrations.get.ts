import { checkCreditCode } from '../../../../shared/utils/creditCode'
import { subjectRegistrations } from '../../../domain/registrations/query'

/** A subject's verified voluntary registrations (自愿注册（已核验）), for its credit profile. */
export default defineEventHandler(async (event) => {
  const check = checkCreditCode(await textParam(event, 'creditCode'))
  if (!check.ok) throw createError({ statusCode: 404, message: check.reason })
  const { db } = await usePlatform()
  // A withdrawal must leave the profile at once: nothing here is cached.
  setResponseHeader(event, 'cache-control', 'no-store')
  return { items: await subjectRegistrations(db, check.code) }
})
