import { loginSchema } from '../../../shared/schemas/accounts'
import { authenticate } from '../../domain/accounts/users'

export default defineEventHandler(async (event) => {
  const input = await readBodyAs(event, loginSchema)
  const { db } = await usePlatform()
  const user = await authenticate(db, input.account, input.password)
  await startSession(event, user)
  return { user }
})
