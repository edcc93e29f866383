import { z } from 'zod'
import { checkCreditCode } from '../../../shared/utils/creditCode'
import { subjectProfile } from '../../domain/records/public'
import { usePlatform } from '../../utils/platform'

const params = z.object({ creditCode: z.string().max(40) })

export default defineEventHandler(async (event) => {
  const { creditCode } = await getValidatedRouterParams(event, params.parse)
  const check = checkCreditCode(decodeURIComponent(creditCode))
  if (!check.ok) throw createError({ statusCode: 404, message: check.reason, data: { fields: { creditCode: [check.reason] } } })
  const profile = await subjectProfile((await usePlatform()).db, check.code)
  if (!profile) throw createError({ statusCode: 404, message: '未找到该统一社会信用代码对应的公开信用主体' })
  return profile
})
