import { commitmentQuerySchema } from '../../../shared/schemas/commitments'
import { searchCommitments } from '../../domain/commitments/query'

/** Public commitment search (信用承诺): only 可向社会公开 commitments are in its index. */
export default defineEventHandler(async (event) => {
  const query = await readQueryAs(event, commitmentQuerySchema)
  const { search } = await usePlatform()
  if (!search) throw createError({ statusCode: 503, message: '检索服务暂不可用，请稍后再试' })
  return searchCommitments(search, query).catch(() => {
    throw createError({ statusCode: 503, message: '检索服务暂不可用，请稍后再试' })
  })
})
