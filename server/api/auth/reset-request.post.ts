import { resetRequestSchema } from '../../../shared/schemas/accounts'
import { requestReset } from '../../domain/accounts/reset'

/** Always the same answer, so the form does not tell which accounts exist. */
export default defineEventHandler(async (event) => {
  const { account } = await readBodyAs(event, resetRequestSchema)
  const mailer = useMailer()
  if (!mailer) throw refuse(503, '本平台未配置邮件服务，暂不能在线找回密码，请联系市信用办')
  const { db } = await usePlatform()
  const reset = await requestReset(db, account)
  if (reset) {
    const link = `${siteUrl(event)}/reset?token=${reset.token}&account=${encodeURIComponent(account)}`
    await mailer.send(reset.user.email!, '重设密码', `您正在重设信用中国（辽宁朝阳）账号的密码。请在30分钟内打开以下链接设置新密码：\n${link}\n如非本人操作，请忽略本邮件。`)
      .catch((error: Error) => console.error(`[mail] reset link for user ${reset.user.id} not sent: ${error.message}`))
  }
  return { ok: true, message: '如该账号已绑定邮箱，重设密码的链接已发送，请查收邮件' }
})
