import { z } from 'zod'
import { headerOf } from '../columns'
import { textInput } from './fields'
import { actionKinds, familyOf, kindByLabel, kindLabels, listKinds, type RecordFamily, type RecordKind, type Severity, type SubjectKind } from '../kinds'
import { checkCreditCode } from '../utils/creditCode'
import { parseDate } from '../utils/dates'
import { isValidResidentId, maskIdNumbers } from '../utils/idNumber'
import { toSimplified } from '../utils/simplified'
import { hasBrokenCharacters, normalizeIdentifier, normalizeText, toHalfWidth } from '../utils/text'

/** One row of a department's file or JSON batch, validated against the national standard. */

const MAX_TEXT = 4000

function blank(value: unknown): unknown {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string') {
    const text = normalizeText(value)
    return text === '' ? undefined : text
  }
  return value
}

const asText = (value: unknown) => {
  const v = blank(value)
  return typeof v === 'number' ? String(v) : v instanceof Date ? v.toISOString().slice(0, 10) : v
}

const requiredMessage = (iss: { input?: unknown }) => iss.input === undefined ? '必填项，不能为空' : '应为文字'

/** Optional means blank is allowed: an empty cell is absent, not an invalid value. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional())

/** Free text is published: an ID number typed into it is masked before it is stored (DOMAIN.md rule 7). */
const text = z.preprocess((value) => {
  const t = asText(value)
  return typeof t === 'string' ? maskIdNumbers(t) : t
}, textInput({ error: requiredMessage }).max(MAX_TEXT, `内容过长，最多${MAX_TEXT}字`))
const optionalText = optional(text)
const identifier = z.preprocess(v => {
  const t = asText(v)
  return typeof t === 'string' ? normalizeIdentifier(t) : t
}, textInput({ error: requiredMessage }).max(200, '过长，最多200字符'))

const dateValue = z.preprocess(blank, z.union([textInput(), z.number(), z.date()], { error: requiredMessage }).transform((value, ctx) => {
  const date = parseDate(value)
  if (!date) {
    ctx.addIssue({ code: 'custom', message: `日期“${String(value)}”无法识别，请使用YYYY-MM-DD格式（如2025-03-08）` })
    return z.NEVER
  }
  return date
}))

/** Amounts in 万元, as the standard counts them; "1,200.5" and a trailing "万元" are tolerated. */
const amount = z.preprocess(blank, z.union([textInput(), z.number()]).transform((value, ctx) => {
  const n = typeof value === 'number' ? value : Number(toHalfWidth(value).replace(/[,，\s]|万元$/g, ''))
  if (!Number.isFinite(n) || n < 0 || n > 1e10) {
    ctx.addIssue({ code: 'custom', message: `金额“${value}”不是有效数字，请以万元为单位填写数字（如0.5）` })
    return z.NEVER
  }
  return Math.round(n * 1e6) / 1e6
}))

function choice<T extends string>(labels: Record<string, T>, what: string) {
  return z.preprocess(blank, textInput({ error: requiredMessage }).transform((value, ctx) => {
    const found = labels[toSimplified(value).replace(/\s+/g, '')]
    if (!found) {
      ctx.addIssue({ code: 'custom', message: `${what}“${value}”无效，应为：${Object.keys(labels).join('、')}` })
      return z.NEVER
    }
    return found
  }))
}

const subjectCategoryLabels: Record<string, SubjectKind> = {
  法人及非法人组织: 'legal_entity', 法人: 'legal_entity', 非法人组织: 'legal_entity',
  个体工商户: 'individual_business', 自然人: 'natural_person',
}
export const idTypes = ['身份证', '护照号', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证'] as const
const licenseCategories = ['普通', '特许', '认可', '核准', '登记', '其他'] as const
export const penaltyCategoryList = [
  '警告', '通报批评', '罚款', '没收违法所得', '没收非法财物', '暂扣许可证件', '降低资质等级', '吊销许可证件',
  '限制开展生产经营活动', '责令停产停业', '责令关闭', '限制从业', '行政拘留', '其他',
] as const
const severityLabels: Record<string, Severity> = { 轻微: 'minor', 一般: 'general', 严重: 'serious' }
const identity = <T extends string>(list: readonly T[]) => Object.fromEntries(list.map(v => [v, v])) as Record<string, T>

const penaltyCategories = z.preprocess(blank, textInput({ error: requiredMessage }).transform((value, ctx) => {
  const parts = toSimplified(value).split(/[;；,，、/|\s]+/).filter(Boolean)
  const unknown = parts.filter(p => !(penaltyCategoryList as readonly string[]).includes(p))
  if (parts.length === 0 || unknown.length > 0) {
    ctx.addIssue({ code: 'custom', message: `处罚类别“${unknown.join('、') || value}”无效，应为：${penaltyCategoryList.join('、')}（多个用分号分隔）` })
    return z.NEVER
  }
  return [...new Set(parts)]
}))

/** A credit code by GB 32100; the city's known legacy codes (issued before the standard) pass as they are. */
const creditCodeWith = (legacy: ReadonlySet<string>) => identifier.transform((value, ctx) => {
  const check = checkCreditCode(value)
  if (check.ok || legacy.has(check.code)) return check.code
  ctx.addIssue({ code: 'custom', message: check.reason })
  return z.NEVER
})

/** The columns of each family, with the credit-code check given. */
const shapesWith = (creditCode: ReturnType<typeof creditCodeWith>) => {
  const base = {
    subjectName: text,
    subjectCategory: choice(subjectCategoryLabels, '行政相对人类别'),
    creditCode: optional(creditCode),
    businessRegNo: optional(identifier),
    orgCode: optional(identifier),
    taxRegNo: optional(identifier),
    institutionCertNo: optional(identifier),
    socialOrgCertNo: optional(identifier),
    legalRepresentative: optionalText,
    legalRepIdType: optionalText,
    legalRepIdNumber: optional(identifier),
    idType: optional(choice(identity(idTypes), '证件类型')),
    idNumber: optional(identifier),
    documentNumber: identifier,
    documentName: optionalText,
    content: text,
    legalBasis: optionalText,
    decisionDate: dateValue,
    authority: text,
    authorityCreditCode: creditCode,
    sourceDepartment: text,
    sourceDepartmentCreditCode: creditCode,
    remarks: optionalText,
  }

  return {
    license: z.object({
      ...base,
      documentName: text,
      documentNumber: optional(identifier),
      licenseCategory: choice(identity(licenseCategories), '许可类别'),
      certificateName: optionalText,
      licenseNumber: optional(identifier),
      validFrom: dateValue,
      validTo: optional(dateValue),
      licenseStatus: choice({ 有效: 'valid', 无效: 'invalid' } as const, '当前状态'),
    }),
    penalty: z.object({
      ...base,
      violationType: text,
      violationFacts: text,
      legalBasis: text,
      penaltyCategories,
      fineAmount: optional(amount),
      confiscatedAmount: optional(amount),
      suspendedLicense: optionalText,
      penaltyValidUntil: optional(dateValue),
      disclosureDeadline: optional(dateValue),
      severity: optional(choice(severityLabels, '失信严重程度')),
    }),
    action: z.object({ ...base, category: choice(kindByLabel, '行为类别') }),
    list: z.object({
      ...base,
      subjectCategory: optional(choice(subjectCategoryLabels, '主体类别')).transform(v => v ?? 'legal_entity'),
      category: choice(kindByLabel, '名单类别'),
      legalBasis: text,
      validTo: optional(dateValue),
      sourceDepartment: optionalText,
      sourceDepartmentCreditCode: optional(creditCode),
    }),
  }
}
const familyShapes = shapesWith(creditCodeWith(new Set()))

type Shapes = { [F in RecordFamily]: z.infer<typeof familyShapes[F]> }
type AllFields = Shapes['license'] & Shapes['penalty'] & Shapes['action'] & Shapes['list']

/** A validated row, flattened: the fields its family lacks are absent. */
export type RecordRow = Partial<AllFields> & Pick<AllFields, 'subjectName' | 'subjectCategory' | 'content' | 'decisionDate' | 'authority' | 'authorityCreditCode'> & {
  kind: RecordKind
  documentNumber: string
  sourceDepartment?: string
}

const categoryMessages: Partial<Record<RecordFamily, string>> = {
  action: `行为类别应为${actionKinds.map(k => kindLabels[k]).join('、')}之一`,
  list: `名单类别应为${listKinds.map(k => kindLabels[k]).join('、')}之一`,
}

/**
 * A value holding characters a broken file leaves behind is refused before anything else, naming its
 * column: such text must never be stored and published as if it were what the department sent.
 */
const readableText = (family: RecordFamily) => z.record(textInput(), z.unknown()).superRefine((row, ctx) => {
  for (const [key, value] of Object.entries(row)) {
    if (typeof value === 'string' && hasBrokenCharacters(value)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `${headerOf(family, key)}含有无法识别的字符（文件编码损坏），请检查文件后重新报送` })
    }
  }
})

export interface RecordRowOptions {
  /** Codes issued before GB 32100 that fail its check digit yet are genuine (config/city.json). */
  legacyCreditCodes?: ReadonlySet<string>
}

/** The row schema of a family: readable text, field checks, then the rules that tie fields together. */
export function recordRowSchema(family: RecordFamily, { legacyCreditCodes }: RecordRowOptions = {}) {
  const shapes = legacyCreditCodes?.size ? shapesWith(creditCodeWith(legacyCreditCodes)) : familyShapes
  return readableText(family).pipe(shapes[family] as z.ZodType<Record<string, unknown>, Record<string, unknown>>).transform((row, ctx): RecordRow => {
    const r = row as Partial<AllFields>
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (r.subjectCategory === 'natural_person') {
      if (!r.idType) issue('idType', '自然人须填写证件类型')
      if (!r.idNumber) issue('idNumber', '自然人须填写证件号码')
      else if (r.idType === '身份证' && !isValidResidentId(r.idNumber.toUpperCase())) issue('idNumber', '身份证号码格式或校验位不正确')
    }
    else if (!r.creditCode) {
      issue('creditCode', '法人及非法人组织、个体工商户须填写统一社会信用代码')
    }
    const kind: RecordKind = family === 'license' || family === 'penalty' ? family : r.category!
    if (familyOf(kind) !== family) issue('category', `“${kindLabels[kind]}”不属于本表：${categoryMessages[family]}`)
    const documentNumber = r.documentNumber ?? r.licenseNumber
    if (!documentNumber) issue('documentNumber', '请填写行政许可决定文书号（没有文书号时填写许可编号）')
    if (r.validFrom && r.validTo && r.validTo < r.validFrom) issue('validTo', '有效期至不能早于有效期自')
    return {
      ...r,
      kind,
      documentNumber: documentNumber ?? '',
      idNumber: r.idNumber?.toUpperCase(),
      sourceDepartment: r.sourceDepartment ?? r.authority,
      sourceDepartmentCreditCode: r.sourceDepartmentCreditCode ?? r.authorityCreditCode,
    } as RecordRow
  })
}
