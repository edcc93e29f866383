import { loginSchema } from '../../../shared/schemas/accounts'
import { signIn } from '../../utils/session'

export default defineEventHandler(async (event) => {
  const input = await readBodyAs(event, loginSchema)
  const user = await signIn(event, input)
  return { user }
})
