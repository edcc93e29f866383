import { z } from 'zod'
import type { RecordKind } from '../kinds'
import type { RecordState } from '../utils/publication'
import { fileIdsSchema, textInput } from './fields'
import { certificateNumberSchema } from './repairs'
import type { ApplicationSummary } from './me'
import type { RegistrationContext } from './registrations'

export const applicationKindLabels = { claim: '主体认领', objection: '信用异议', repair: '信用修复', registration: '自愿注册', commitment: '信用承诺' } as const
export type ApplicationKindName = keyof typeof applicationKindLabels

/** POST /api/applications/:id/actions: one step, naming the version the actor saw. */
export const actionSchema = z.object({
  action: textInput({ error: '请选择操作' }).min(1, '请选择操作').max(40),
  version: z.number({ error: '缺少版本号，请刷新页面' }).int().min(0),
  reason: textInput().trim().max(2000, '理由最多2000字').optional(),
  fileIds: fileIdsSchema,
  /** 更正: the corrected fields, by field key. */
  corrections: z.record(textInput(), textInput().trim().max(4000, '内容过长')).optional(),
  /** 改派: the department an objection goes to instead. */
  departmentId: z.number().int().positive().optional(),
  /** 补正后重新提交 of a repair: the training certificate that was missing. */
  certificateNumber: certificateNumberSchema.optional(),
})

/** GET /api/admin/applications: the review queue's filters. */
export const queueQuerySchema = z.object({
  kind: z.enum(Object.keys(applicationKindLabels) as [ApplicationKindName, ...ApplicationKindName[]], { error: '申请类型无效' }).optional(),
  status: z.enum(['open', 'closed', 'all'], { error: '状态应为 open、closed 或 all' }).default('open'),
  overdue: z.enum(['1', '0'], { error: 'overdue 应为 1 或 0' }).optional(),
  q: textInput().trim().max(60, '搜索词最多60个字').optional(),
  page: z.coerce.number({ error: '页码应为数字' }).int().min(1, '页码从1开始').max(1000).default(1),
})
export type QueueQuery = z.infer<typeof queueQuerySchema>

/** Labels of what an applicant submitted, in the order the detail page shows them; other keys are not shown. */
export const applicationDataLabels: Record<string, string> = {
  subjectName: '主体名称',
  creditCode: '统一社会信用代码',
  documentNumber: '文书号',
  departmentName: '办理部门',
  reasonLabel: '异议理由',
  description: '异议说明',
  requestedCorrection: '要求更正为',
  measures: '履行义务及整改情况',
  certificateNumber: '修复培训证明编号',
  isLegalRepresentative: '是否法定代表人本人办理',
  categoryLabel: '注册类别',
  title: '注册事项',
  contactName: '联系人',
  contactPhone: '联系电话',
}

/** The record an objection is about; its correctable fields only for the deciding staff. */
export interface ApplicationContext {
  record?: {
    id: number
    title: string
    documentNumber: string
    state: string
    correctable?: { key: string, label: string, value: string }[]
    /** After 更正: each changed field before and after. */
    replaced?: { label: string, before: string, after: string }[]
  }
  repair?: RepairContext
  registration?: RegistrationContext
}

/** A repair's records as they are now, what the applicant confirmed, and the decision once issued. */
export interface RepairContext {
  records: { id: number, kind: RecordKind, title: string, documentNumber: string, decisionDate: string, department: string, state: RecordState }[]
  commitmentText: string
  requirements: { certificate: boolean, documents: string[] }
  certificate: { number: string, courseTitle: string, issuedOn: string } | null
  decision: { number: string, issuedOn: string, url: string } | null
}

export interface ApplicationStep {
  id: number
  action: string
  actionLabel: string
  toState: string
  toLabel: string
  actorName: string
  actorRole: string
  reason: string | null
  at: string
  files: { id: string, name: string, mime: string, size: number }[]
}

export interface ApplicationView extends ApplicationSummary {
  version: number
  subject: { name: string, creditCode: string | null }
  applicantName: string
  data: Record<string, unknown>
  context: ApplicationContext
  history: ApplicationStep[]
  actions: { name: string, label: string, reasonRequired: boolean }[]
}

/** One kind of application per handling department (the console's statistics). */
export interface DecisionStats<O extends string> {
  department: string
  total: number
  open: number
  overdue: number
  outcomes: Record<O, number>
  /** Median working days from filing to decision, of the decided ones; null when none is decided. */
  medianWorkingDays: number | null
  /** Decided within the deadline, of the decided ones. */
  onTime: number
}
