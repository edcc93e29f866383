import { z } from 'zod'
import { commitmentTypes, disclosures, fulfilments, type CommitmentType, type Disclosure, type Fulfilment } from '../commitments'
import { checkCreditCode } from '../utils/creditCode'
import { containsIdNumber, maskIdNumbers } from '../utils/idNumber'
import { requestKeySchema, textInput } from './fields'

/** The largest signature PNG accepted: a phone canvas at device pixel ratio 3 stays far below it. */
export const SIGNATURE_MAX_BYTES = 300 * 1024
const PNG_DATA_URL = 'data:image/png;base64,'

/** The handwritten signature as signature_pad exports it (a PNG data URL); the server checks its bytes too. */
export const signatureSchema = textInput({ error: '请手写签名' })
  .min(PNG_DATA_URL.length + 16, '请手写签名')
  .max(PNG_DATA_URL.length + Math.ceil(SIGNATURE_MAX_BYTES / 3) * 4, '签名图像过大，请清除后重新签名')
  .refine(value => value.startsWith(PNG_DATA_URL), '签名图像应为PNG格式，请重新签名')

/** 承诺事由 is sealed and published as typed, so an ID number must not get into it (DOMAIN.md rule 7). */
const matterSchema = textInput({ error: '请填写承诺事由' }).trim().min(2, '承诺事由至少2个字，如“食品经营许可”').max(200, '承诺事由最多200字')
  .refine(value => !containsIdNumber(value), '承诺事由中请勿填写身份证号码')

/** POST /api/commitments and the signing form on the phone. */
export const commitmentSignSchema = z.object({
  subjectId: z.number({ error: '请选择信用主体' }).int().positive(),
  templateId: z.number({ error: '请选择承诺书模板' }).int().positive('请选择承诺书模板'),
  matter: matterSchema,
  acceptingDepartmentId: z.number({ error: '请选择承诺受理单位' }).int().positive('请选择承诺受理单位'),
  judgingDepartmentId: z.number({ error: '请选择履约认定单位' }).int().positive('请选择履约认定单位'),
  disclosure: z.enum(disclosures, { error: '请选择公开类型' }),
  signature: signatureSchema,
  requestKey: requestKeySchema,
  /** The department's draft being signed, when the commitment started there. */
  draftId: z.number().int().positive().optional(),
})
export type CommitmentSignInput = z.infer<typeof commitmentSignSchema>

/** POST /api/admin/commitments/drafts: a department starts a commitment for a subject to sign. */
export const commitmentDraftSchema = z.object({
  creditCode: textInput({ error: '请输入统一社会信用代码' }).trim().min(1, '请输入统一社会信用代码').transform((value, ctx) => {
    const check = checkCreditCode(value)
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason })
    return check.code
  }),
  templateId: z.number({ error: '请选择承诺书模板' }).int().positive('请选择承诺书模板'),
  matter: matterSchema,
  acceptingDepartmentId: z.number({ error: '请选择承诺受理单位' }).int().positive('请选择承诺受理单位'),
  judgingDepartmentId: z.number({ error: '请选择履约认定单位' }).int().positive('请选择履约认定单位'),
  disclosure: z.enum(disclosures, { error: '请选择公开类型' }),
})
export type CommitmentDraftInput = z.infer<typeof commitmentDraftSchema>

/** A template's text (published in every commitment made from it, so ID numbers are masked); placeholders in braces: {subjectName} {creditCode} {legalRepresentative} {date} {matter}. */
const templateText = {
  matter: textInput({ error: '请填写承诺事由模板' }).trim().min(4, '承诺事由模板至少4个字').max(500, '承诺事由模板最多500字').transform(maskIdNumbers),
  content: textInput({ error: '请填写承诺内容模板' }).trim().min(10, '承诺内容模板至少10个字').max(5000, '承诺内容模板最多5000字').transform(maskIdNumbers),
  liability: textInput({ error: '请填写违诺责任模板' }).trim().min(4, '违诺责任模板至少4个字').max(2000, '违诺责任模板最多2000字').transform(maskIdNumbers),
}
const titleSchema = textInput({ error: '请填写模板名称' }).trim().min(2, '模板名称至少2个字').max(60, '模板名称最多60字')

/** POST /api/admin/commitments/templates. */
export const templateCreateSchema = z.object({
  type: z.enum(commitmentTypes, { error: '请选择承诺类型' }),
  domain: textInput({ error: '请填写适用领域' }).trim().min(2, '适用领域至少2个字，如“通用”“食品经营”').max(30, '适用领域最多30字'),
  title: titleSchema,
  ...templateText,
})
export type TemplateCreateInput = z.infer<typeof templateCreateSchema>

/** PUT /api/admin/commitments/templates/:id: a new version; signed commitments keep theirs. */
export const templateEditSchema = z.object({ title: titleSchema, ...templateText })
export type TemplateEditInput = z.infer<typeof templateEditSchema>

/** POST /api/admin/commitments/:id/fulfilment. */
export const fulfilmentSchema = z.object({
  status: z.enum(fulfilments, { error: '请选择履行状态' }),
  /** Published with the commitment: an ID number typed into it is masked before it is stored. */
  note: textInput({ error: '请填写认定说明' }).trim().min(4, '认定说明至少4个字').max(1000, '认定说明最多1000字').transform(maskIdNumbers),
})
export type FulfilmentInput = z.infer<typeof fulfilmentSchema>

/** GET /api/commitments and the /commitments page's query string. */
export const commitmentQuerySchema = z.object({
  q: textInput().trim().max(100, '搜索词最多100个字').default(''),
  type: z.enum(commitmentTypes, { error: '承诺类型无效' }).optional(),
  department: textInput().trim().max(60, '部门名称过长').optional(),
  status: z.enum([...fulfilments, 'pending', 'breach'], { error: '履行状态无效' }).optional(),
  page: z.coerce.number({ error: '页码应为数字' }).int('页码应为整数').min(1, '页码从1开始').max(1000, '页码最大为1000').default(1),
})
export type CommitmentQuery = z.infer<typeof commitmentQuerySchema>

export interface TemplateVersionView { id: number, version: number, matter: string, content: string, liability: string, createdAt: string, createdBy: string | null }
export interface TemplateView {
  id: number, type: CommitmentType, domain: string, title: string, currentVersion: number
  current: TemplateVersionView, history?: TemplateVersionView[]
}

export interface CommitmentSummary {
  code: string, type: CommitmentType, subjectName: string, creditCode: string | null, matter: string
  acceptingBody: string, judgingDepartment: string, signedAt: string, fulfilment: Fulfilment | null, breach: boolean
}

/** GET /api/commitments/:code: every public field, the signature and the server's verification. */
export interface CommitmentView extends CommitmentSummary {
  id: number, content: string, liability: string, acceptingBodyCreditCode: string, judgingDepartmentCreditCode: string
  disclosure: Disclosure, signature: string, templateVersion: number, templateTitle: string
  fulfilmentNote: string | null, fulfilmentAt: string | null
  verification: { valid: boolean, text: string, differs: string[], keyId: string | null, contentHash: string }
}

export interface CommitmentSearchResult {
  total: number, page: number, pageSize: number, hits: CommitmentSummary[]
  facets: { type: Record<string, number>, department: Record<string, number>, status: Record<string, number> }
}
