import { searchQuerySchema } from '../../shared/schemas/search'
import { searchRecords } from '../domain/search/query'
import { validationError } from '../utils/errors'
import { usePlatform } from '../utils/platform'

export default defineEventHandler(async (event) => {
  const parsed = await getValidatedQuery(event, query => searchQuerySchema.safeParse(query))
  if (!parsed.success) throw validationError(parsed.error, '查询参数有误')
  const { search } = await usePlatform()
  if (!search) throw createError({ statusCode: 503, message: '检索服务暂不可用，请稍后再试' })
  return searchRecords(search, parsed.data).catch(() => {
    throw createError({ statusCode: 503, message: '检索服务暂不可用，请稍后再试' })
  })
})
