import { z } from 'zod'
import { textInput } from './fields'
import { recordKinds } from '../kinds'

/** GET /api/admin/audit: newest first, paged by `before` (the last id seen). */
export const auditQuerySchema = z.object({
  actor: textInput().trim().max(60, '操作人过长').optional(),
  action: textInput().trim().max(60, '操作过长').optional(),
  entity: textInput().trim().max(40, '对象过长').optional(),
  since: z.iso.date('起始日期格式应为 YYYY-MM-DD').optional(),
  before: z.coerce.number({ error: '分页参数应为数字' }).int().positive().optional(),
  limit: z.coerce.number({ error: '条数应为数字' }).int().min(1).max(200, '每页最多200条').default(50),
})
export type AuditQuery = z.infer<typeof auditQuerySchema>

export const keyRequestSchema = z.object({
  label: textInput().trim().max(60, '说明最多60个字').default(''),
  /** The key this one replaces (rotation): revoked in the same step. */
  replaces: z.number().int().positive().optional(),
})

export const catalogSchema = z.object({ kinds: z.array(z.enum(recordKinds, { error: '信息类别无效' })).max(recordKinds.length) })

export const ingestTargetSchema = z.object({
  department: z.coerce.number({ error: '请选择数据来源单位' }).int().positive('请选择数据来源单位'),
})
