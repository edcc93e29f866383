import { z } from 'zod'
import { publicRecord } from '../../domain/records/public'
import { usePlatform } from '../../utils/platform'

const params = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) })

export default defineEventHandler(async (event) => {
  const parsed = await getValidatedRouterParams(event, value => params.safeParse(value))
  const record = parsed.success ? await publicRecord((await usePlatform()).db, parsed.data.id) : null
  if (!record) throw createError({ statusCode: 404, message: '该信用信息不存在或已不再公示' })
  return record
})
