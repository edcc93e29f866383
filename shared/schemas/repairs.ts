import { z } from 'zod'
import type { DecisionStats } from './applications'
import type { RepairEligibility } from '../utils/repair'
import { certificateNumberPattern } from './training'
import { contactNameSchema, contactPhoneSchema, fileIdSchema, requestKeySchema, textInput } from './fields'

/** A 修复培训 certificate number (PX + date + serial), as the training issues it. */
export const certificateNumberSchema = textInput().trim().toUpperCase().regex(certificateNumberPattern, '培训证明编号应为PX加14位数字，请从“我的培训证明”中选择')

/** POST /api/repairs and the 信用修复 wizard. */
export const repairSchema = z.object({
  subjectId: z.number({ error: '请选择信用主体' }).int().positive(),
  recordIds: z.array(z.number().int().positive(), { error: '请选择要修复的信用记录' }).min(1, '请选择要修复的信用记录').max(20, '一次最多申请修复20条记录'),
  measures: textInput({ error: '请说明履行义务和整改情况' }).trim().min(10, '请至少用10个字说明履行义务和整改情况').max(2000, '整改情况最多2000字'),
  proofFileIds: z.array(fileIdSchema(), { error: '请上传已履行义务的证明材料' })
    .min(1, '请上传已履行义务的证明材料（如罚款缴纳凭证、整改报告）').max(10, '证明材料最多10个'),
  /** Files the department asks for, by the document's name. */
  documentFileIds: z.record(textInput(), fileIdSchema()).default({}),
  certificateNumber: certificateNumberSchema.optional(),
  commitmentConfirmed: z.literal(true, { error: '请阅读并确认信用修复承诺书' }),
  contactName: contactNameSchema,
  contactPhone: contactPhoneSchema,
  requestKey: requestKeySchema,
})
export type RepairInput = z.infer<typeof repairSchema>

/** PUT /api/admin/departments/:id/repair-requirements: what a department asks of repair applicants. */
export const repairRequirementsSchema = z.object({
  certificate: z.boolean({ error: '请选择是否要求培训证明' }),
  documents: z.array(textInput().trim().min(2, '材料名称至少2个字').max(40, '材料名称最多40个字')).max(8, '最多8项材料').default([]),
})

/** A record's repair timeline, on its page and in 我的. */
export type RecordRepair = RepairEligibility

/** GET /api/me/subjects/:id/repair: what the wizard needs beside the subject's records. */
export interface RepairOptions {
  subject: { id: number, name: string, creditCode: string | null, legalRepresentative: string | null }
  /** By department id: what that department asks for. */
  requirements: Record<string, { departmentName: string, certificate: boolean, documents: string[] }>
  certificates: { number: string, courseTitle: string, issuedOn: string }[]
  today: string
}

/** GET /api/admin/stats/repairs, one row per finding department. */
export type RepairStats = DecisionStats<'repaired' | 'rejected' | 'withdrawn'>
