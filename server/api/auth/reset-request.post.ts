import { resetRequestSchema } from '../../../shared/schemas/accounts'
import { requestReset } from '../../domain/accounts/reset'

/** Always the same answer, so the form does not tell which accounts exist. */
export default defineEventHandler(async (event) => {
  const { account } = await readBodyAs(event, resetRequestSchema)
  const mailer = useMailer()
  if (!mailer) throw refuse(503, '本平台未配置邮件服务，暂不能在线找回密码，请联系市信用办')
  const { db } = await usePlatform()
  await requestReset(db, mailer, account, siteUrl(event))
  return { ok: true, message: '如该账号已绑定邮箱，重设密码的链接已发送，请查收邮件' }
})
