import { z } from 'zod'
import { checkCreditCode } from '../utils/creditCode'

const fileId = z.uuid('附件无效，请重新上传')

/** POST /api/claims and the 主体认领 form. */
export const claimSchema = z.object({
  creditCode: z.string({ error: '请输入统一社会信用代码' }).trim().min(1, '请输入统一社会信用代码').transform((value, ctx) => {
    const check = checkCreditCode(value)
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason })
    return check.code
  }),
  isLegalRepresentative: z.boolean({ error: '请说明您是否为法定代表人' }),
  contactPhone: z.string({ error: '请输入联系电话' }).trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '联系电话应为手机号或带区号的固定电话'),
  licenceFileId: fileId,
  authorizationFileId: fileId.optional(),
  requestKey: z.string().min(8).max(64),
}).superRefine((value, ctx) => {
  if (!value.isLegalRepresentative && !value.authorizationFileId) {
    ctx.addIssue({ code: 'custom', path: ['authorizationFileId'], message: '非法定代表人办理须上传授权委托书' })
  }
})
export type ClaimInput = z.infer<typeof claimSchema>
