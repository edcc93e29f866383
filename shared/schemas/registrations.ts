import { z } from 'zod'
import { containsIdNumber } from '../utils/idNumber'
import { chineseDate, parseDate } from '../utils/dates'
import { signatureSchema } from './commitments'
import { fileIdSchema, requestKeySchema, textInput } from './fields'

/** 信用信息自愿注册 categories (seed 004 §4). */
export const registrationCategories = ['qualification', 'operation', 'contract', 'publicWelfare'] as const
export type RegistrationCategory = typeof registrationCategories[number]

export const registrationCategoryLabels: Record<RegistrationCategory, string> = {
  qualification: '资质证照',
  operation: '市场经营',
  contract: '合同履约',
  publicWelfare: '社会公益',
}

export interface RegistrationField {
  key: string
  label: string
  kind: 'text' | 'date' | 'textarea'
  max: number
  required: boolean
  /** Shown on the public profile once verified; the rest only to the subject and the verifying staff. */
  public: boolean
  hint?: string
}

const text = (key: string, label: string, max: number, extra: Partial<RegistrationField> = {}): RegistrationField =>
  ({ key, label, kind: 'text', max, required: true, public: true, ...extra })

/** Per category, what the subject fills in; the first field is the item's title. */
export const registrationFields: Record<RegistrationCategory, RegistrationField[]> = {
  qualification: [
    text('name', '证照名称', 60, { hint: '如“食品经营许可证”“建筑业企业资质证书”' }),
    text('number', '证照编号', 60),
    text('issuer', '发证机关', 60),
    { key: 'validUntil', label: '有效期至', kind: 'date', max: 10, required: false, public: true, hint: '长期有效的可不填' },
  ],
  operation: [
    text('name', '事项', 60, { hint: '如“获评守合同重信用企业”“通过质量管理体系认证”' }),
    { key: 'description', label: '说明', kind: 'textarea', max: 1000, required: true, public: true },
  ],
  contract: [
    text('name', '合同名称', 60),
    // The other party may be a private person: kept off the public page.
    text('counterparty', '相对方', 60, { public: false }),
    { key: 'performance', label: '履约情况', kind: 'textarea', max: 1000, required: true, public: true, hint: '如“已按约定全部履行，无违约”' },
  ],
  publicWelfare: [
    text('name', '活动名称', 60),
    { key: 'date', label: '日期', kind: 'date', max: 10, required: true, public: true },
    { key: 'description', label: '说明', kind: 'textarea', max: 1000, required: true, public: true },
  ],
}

/** Checks one category's fields, each error under `fields.<key>` naming the field. */
function checkFields(category: RegistrationCategory, values: Record<string, string>, ctx: z.RefinementCtx) {
  for (const field of registrationFields[category]) {
    const value = values[field.key]?.trim() ?? ''
    const path = ['fields', field.key]
    if (!value) {
      if (field.required) ctx.addIssue({ code: 'custom', path, message: `请填写${field.label}` })
      continue
    }
    if (value.length > field.max) ctx.addIssue({ code: 'custom', path, message: `${field.label}最多${field.max}字` })
    else if (field.kind === 'date' && (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !parseDate(value))) {
      ctx.addIssue({ code: 'custom', path, message: `${field.label}应为日期，如2026-05-01` })
    }
    // Registered text is published; an ID number must never get into it (DOMAIN.md rule 7).
    else if (containsIdNumber(value)) ctx.addIssue({ code: 'custom', path, message: `${field.label}中请勿填写身份证号码` })
  }
}

/** POST /api/registrations and the 自愿注册 wizard: the item, its evidence and the signed commitment. */
export const registrationSchema = z.object({
  subjectId: z.number({ error: '请选择信用主体' }).int().positive(),
  category: z.enum(registrationCategories, { error: '请选择注册类别' }),
  fields: z.record(textInput(), textInput().max(2000, '内容过长')).default({}),
  fileIds: z.array(fileIdSchema('请上传证明材料'), { error: '请上传证明材料' }).min(1, '请上传至少一份证明材料').max(10, '证明材料最多10个'),
  /** The department concerned; without one the credit office verifies. */
  departmentId: z.number().int().positive('请选择核验部门').optional(),
  /** 更新: the verified registration this one replaces once it is verified itself. */
  replaces: z.number().int().positive().optional(),
  commitmentConfirmed: z.literal(true, { error: '请阅读并确认信息真实性承诺及授权共享' }),
  signature: signatureSchema,
  requestKey: requestKeySchema,
}).superRefine((input, ctx) => {
  if (registrationCategories.includes(input.category)) checkFields(input.category, input.fields ?? {}, ctx)
}, {
  // Field errors come with the others in one answer, so the form lists them all at once.
  when: payload => typeof payload.value === 'object' && payload.value !== null,
})
  .transform(input => ({
    ...input,
    fields: Object.fromEntries(registrationFields[input.category].map(f => [f.key, input.fields[f.key]?.trim() ?? '']).filter(([, v]) => v)) as Record<string, string>,
  }))
export type RegistrationData = z.output<typeof registrationSchema>

export interface RegistrationFieldValue { key: string, label: string, value: string }

/** One verified registration on the public profile: no files, no private fields. */
export interface PublicRegistration {
  id: number
  category: RegistrationCategory
  categoryLabel: string
  title: string
  fields: RegistrationFieldValue[]
  verifiedOn: string
  verifier: string
}

/** 我的: one registration of a subject with what the agent may do. */
export interface OwnRegistration {
  id: number
  category: RegistrationCategory
  categoryLabel: string
  title: string
  state: string
  stateLabel: string
  version: number
  verifiedOn: string | null
  reason: string | null
  replaces: number | null
  createdAt: string
}

/** The detail page's context: the item's fields, the signed commitment and what it replaces. */
export interface RegistrationContext {
  categoryLabel: string
  fields: (RegistrationFieldValue & { public: boolean })[]
  commitmentCode: string
  verifiedOn: string | null
  replaces: number | null
}

/** The fields of a stored registration, labelled, in the category's order, dates as people read them. */
export function labelledFields(category: RegistrationCategory, values: Record<string, unknown>) {
  return registrationFields[category]
    .filter(f => typeof values[f.key] === 'string' && values[f.key])
    .map(f => ({ key: f.key, label: f.label, value: f.kind === 'date' ? chineseDate(String(values[f.key])) : String(values[f.key]), public: f.public }))
}

/** GET /api/me/subjects/:id/registration-options; the commitment's 承诺事由 keeps `{matter}` for the form to fill. */
export interface RegistrationOptions {
  subject: { id: number, name: string, creditCode: string | null }
  departments: { id: number, name: string }[]
  commitment: { title: string, matter: string, content: string, liability: string, signOff: string } | null
}
