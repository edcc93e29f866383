import { z } from 'zod'
import type { DecisionStats } from './applications'
import { contactNameSchema, contactPhoneSchema, fileIdsSchema, requestKeySchema, textInput } from './fields'

export const objectionReasons = {
  wrong_information: '信息错误',
  missing_information: '信息遗漏',
  duplicate: '重复公示',
  should_not_publish: '不应公示',
  overdue_publication: '超期公示',
  not_this_subject: '非本主体',
  other: '其他',
} as const
export type ObjectionReason = keyof typeof objectionReasons

/** POST /api/objections and the 异议申诉 form. */
export const objectionSchema = z.object({
  recordId: z.number({ error: '请选择要提出异议的信用记录' }).int().positive(),
  reason: z.enum(Object.keys(objectionReasons) as [ObjectionReason, ...ObjectionReason[]], { error: '请选择异议理由' }),
  description: textInput({ error: '请说明异议的具体内容' }).trim().min(10, '请至少用10个字说明异议内容').max(2000, '异议说明最多2000字'),
  requestedCorrection: textInput().trim().max(2000, '更正要求最多2000字').default(''),
  contactName: contactNameSchema,
  contactPhone: contactPhoneSchema,
  fileIds: fileIdsSchema,
  requestKey: requestKeySchema,
})
export type ObjectionInput = z.infer<typeof objectionSchema>

/** GET /api/admin/stats/objections, one row per department. */
export type ObjectionStats = DecisionStats<'corrected' | 'revoked' | 'upheld' | 'withdrawn'>
