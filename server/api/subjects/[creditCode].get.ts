import { checkCreditCode } from '../../../shared/utils/creditCode'
import { subjectProfile } from '../../domain/records/public'
import { usePlatform } from '../../utils/platform'

export default defineEventHandler(async (event) => {
  const check = checkCreditCode(await textParam(event, 'creditCode'))
  if (!check.ok) throw createError({ statusCode: 404, message: check.reason, data: { fields: { creditCode: [check.reason] } } })
  const profile = await subjectProfile((await usePlatform()).db, check.code)
  if (!profile) throw createError({ statusCode: 404, message: '未找到该统一社会信用代码对应的公开信用主体' })
  return profile
})
