import { queueQuerySchema } from '../../../shared/schemas/applications'
import { reviewQueue } from '../../domain/workflow/queue'
import { staffRoles } from '../../../shared/roles'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event, staffRoles)
  const query = await readQueryAs(event, queueQuerySchema)
  const { db } = await usePlatform()
  return reviewQueue(db, user, query)
})
