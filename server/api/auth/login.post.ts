import { loginSchema } from '../../../shared/schemas/accounts'
import { authenticate } from '../../domain/accounts/users'
import { enforceRateLimit, loginRateLimits } from '../../utils/rateLimit'

export default defineEventHandler(async (event) => {
  const input = await readBodyAs(event, loginSchema)
  await enforceRateLimit(event, loginRateLimits.perClient)
  await enforceRateLimit(event, loginRateLimits.perAccount, input.account)
  const { db } = await usePlatform()
  const user = await authenticate(db, input.account, input.password)
  await startSession(event, user)
  return { user }
})
