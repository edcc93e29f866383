import { signUpSchema } from '../../../shared/schemas/accounts'
import { signUp } from '../../domain/accounts/users'

export default defineEventHandler(async (event) => {
  const input = await readBodyAs(event, signUpSchema)
  const { db } = await usePlatform()
  const user = await signUp(db, input)
  await startSession(event, user)
  return { user }
})
