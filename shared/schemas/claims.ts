import { z } from 'zod'
import { checkCreditCode } from '../utils/creditCode'
import { contactPhoneSchema, fileIdSchema, requestKeySchema, textInput } from './fields'


/** POST /api/claims and the 主体认领 form. */
export const claimSchema = z.object({
  creditCode: textInput({ error: '请输入统一社会信用代码' }).trim().min(1, '请输入统一社会信用代码').transform((value, ctx) => {
    const check = checkCreditCode(value)
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason })
    return check.code
  }),
  isLegalRepresentative: z.boolean({ error: '请说明您是否为法定代表人' }),
  contactPhone: contactPhoneSchema,
  businessLicenceFileId: fileIdSchema('请上传营业执照'),
  authorizationFileId: fileIdSchema('请上传授权委托书').optional(),
  requestKey: requestKeySchema,
}).superRefine((value, ctx) => {
  if (!value.isLegalRepresentative && !value.authorizationFileId) {
    ctx.addIssue({ code: 'custom', path: ['authorizationFileId'], message: '非法定代表人办理须上传授权委托书' })
  }
})
export type ClaimInput = z.infer<typeof claimSchema>
