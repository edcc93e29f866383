import { signUpSchema } from '../../../shared/schemas/accounts'
import { submitSignUp } from '../../domain/accounts/users'

/**
 * The same answer whether the account is new or taken (its owner is told), and no one is signed in here:
 * the page signs in next with the password just chosen, as for any login.
 */
export default defineEventHandler(async (event) => {
  const input = await readBodyAs(event, signUpSchema)
  const { db } = await usePlatform()
  await submitSignUp(db, useMailer(), input, siteUrl(event))
  return { ok: true, message: '注册信息已提交，请用该账号和密码登录' }
})
