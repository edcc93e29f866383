import { resetConfirmSchema } from '../../../shared/schemas/accounts'
import { confirmReset } from '../../domain/accounts/reset'

export default defineEventHandler(async (event) => {
  const input = await readBodyAs(event, resetConfirmSchema)
  const { db } = await usePlatform()
  await confirmReset(db, input.token, input.account, input.password)
  await clearUserSession(event)
  return { ok: true }
})
