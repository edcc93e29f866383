import { queueQuerySchema } from '../../../shared/schemas/applications'
import { reviewQueue } from '../../domain/workflow/queue'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event, ['department_reviewer', 'credit_office', 'admin'])
  const query = await readQueryAs(event, queueQuerySchema)
  const { db } = await usePlatform()
  return reviewQueue(db, user, query)
})
