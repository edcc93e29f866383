import { claimSchema } from '../../../shared/schemas/claims'
import { submitClaim } from '../../domain/claims'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const input = await readBodyAs(event, claimSchema)
  const { db } = await usePlatform()
  const { application, created } = await submitClaim(db, user, input)
  setResponseStatus(event, created ? 201 : 200)
  return { id: application.id, state: application.state, created }
})
