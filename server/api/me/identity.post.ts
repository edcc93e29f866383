import { identitySchema } from '../../../shared/schemas/accounts'
import { verifyIdentity } from '../../domain/me'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const input = await readBodyAs(event, identitySchema)
  const { db } = await usePlatform()
  return { subject: await verifyIdentity(db, user, input) }
})
