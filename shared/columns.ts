import type { RecordFamily } from './kinds'

/**
 * The Chinese column headers departments send, per family, defined once: files, the JSON API and the
 * README's tables all come from here. Licence and penalty columns are the national 双公示 standard.
 */
export interface Column { key: string, header: string, required?: boolean }

const subjectColumns: Column[] = [
  { key: 'subjectName', header: '行政相对人名称', required: true },
  { key: 'subjectCategory', header: '行政相对人类别', required: true },
  { key: 'creditCode', header: '统一社会信用代码' },
  { key: 'businessRegNo', header: '工商注册号' },
  { key: 'orgCode', header: '组织机构代码' },
  { key: 'taxRegNo', header: '税务登记号' },
  { key: 'institutionCertNo', header: '事业单位证书号' },
  { key: 'socialOrgCertNo', header: '社会组织登记证号' },
  { key: 'legalRepresentative', header: '法定代表人' },
  { key: 'legalRepIdType', header: '法定代表人证件类型' },
  { key: 'legalRepIdNumber', header: '法定代表人证件号码' },
  { key: 'idType', header: '证件类型' },
  { key: 'idNumber', header: '证件号码' },
]

const sourceColumns: Column[] = [
  { key: 'sourceDepartment', header: '数据来源单位', required: true },
  { key: 'sourceDepartmentCreditCode', header: '数据来源单位统一社会信用代码', required: true },
  { key: 'remarks', header: '备注' },
]

export const familyColumns: Record<RecordFamily, Column[]> = {
  license: [
    ...subjectColumns,
    { key: 'documentName', header: '行政许可决定文书名称', required: true },
    { key: 'documentNumber', header: '行政许可决定文书号' },
    { key: 'licenseCategory', header: '许可类别', required: true },
    { key: 'certificateName', header: '许可证书名称' },
    { key: 'licenseNumber', header: '许可编号' },
    { key: 'content', header: '许可内容', required: true },
    { key: 'decisionDate', header: '许可决定日期', required: true },
    { key: 'validFrom', header: '有效期自', required: true },
    { key: 'validTo', header: '有效期至' },
    { key: 'authority', header: '许可机关', required: true },
    { key: 'authorityCreditCode', header: '许可机关统一社会信用代码', required: true },
    { key: 'licenseStatus', header: '当前状态', required: true },
    ...sourceColumns,
  ],
  penalty: [
    ...subjectColumns,
    { key: 'documentNumber', header: '行政处罚决定书文号', required: true },
    { key: 'violationType', header: '违法行为类型', required: true },
    { key: 'violationFacts', header: '违法事实', required: true },
    { key: 'legalBasis', header: '处罚依据', required: true },
    { key: 'penaltyCategories', header: '处罚类别', required: true },
    { key: 'content', header: '处罚内容', required: true },
    { key: 'fineAmount', header: '罚款金额（万元）' },
    { key: 'confiscatedAmount', header: '没收违法所得、没收非法财物的金额（万元）' },
    { key: 'suspendedLicense', header: '暂扣或吊销证照名称及编号' },
    { key: 'decisionDate', header: '处罚决定日期', required: true },
    { key: 'penaltyValidUntil', header: '处罚有效期' },
    { key: 'disclosureDeadline', header: '公示截止期' },
    { key: 'authority', header: '处罚机关', required: true },
    { key: 'authorityCreditCode', header: '处罚机关统一社会信用代码', required: true },
    { key: 'severity', header: '失信严重程度' },
    ...sourceColumns,
  ],
  // The other administrative actions of seed 004 §5; 行为类别 names the kind (行政强制, 行政检查…).
  action: [
    ...subjectColumns,
    { key: 'category', header: '行为类别', required: true },
    { key: 'documentName', header: '决定文书名称' },
    { key: 'documentNumber', header: '决定文书号', required: true },
    { key: 'content', header: '行为内容', required: true },
    { key: 'legalBasis', header: '实施依据' },
    { key: 'decisionDate', header: '决定日期', required: true },
    { key: 'authority', header: '实施机关', required: true },
    { key: 'authorityCreditCode', header: '实施机关统一社会信用代码', required: true },
    ...sourceColumns,
  ],
  // Red, black and watch lists and judgment defaulters; 名单类别 names the list.
  list: [
    { key: 'subjectName', header: '名称', required: true },
    { key: 'subjectCategory', header: '主体类别' },
    { key: 'creditCode', header: '统一社会信用代码' },
    { key: 'legalRepresentative', header: '法定代表人' },
    { key: 'idType', header: '证件类型' },
    { key: 'idNumber', header: '证件号码' },
    { key: 'category', header: '名单类别', required: true },
    { key: 'documentNumber', header: '认定文书号', required: true },
    { key: 'content', header: '列入原因', required: true },
    { key: 'legalBasis', header: '认定依据', required: true },
    { key: 'decisionDate', header: '列入日期', required: true },
    { key: 'validTo', header: '有效期至' },
    { key: 'authority', header: '认定部门', required: true },
    { key: 'authorityCreditCode', header: '认定部门统一社会信用代码', required: true },
    { key: 'sourceDepartment', header: '数据来源单位' },
    { key: 'sourceDepartmentCreditCode', header: '数据来源单位统一社会信用代码' },
    { key: 'remarks', header: '备注' },
  ],
}

/** A header that only one family has, so a file's kind is known from its first row. */
const signatureHeaders: Record<RecordFamily, string> = {
  license: '行政许可决定文书名称',
  penalty: '行政处罚决定书文号',
  action: '行为类别',
  list: '名单类别',
}

export function familyFromHeaders(headers: string[]): RecordFamily | null {
  const set = new Set(headers)
  const found = (Object.keys(signatureHeaders) as RecordFamily[]).filter(f => set.has(signatureHeaders[f]))
  return found.length === 1 ? found[0]! : null
}

export function headerOf(family: RecordFamily, key: string): string {
  return familyColumns[family].find(c => c.key === key)?.header ?? key
}

/** What identifies a record or its subject: a correction (更正) never changes these; a wrong one is withdrawn (撤销). */
const fixedKeys = new Set(['subjectCategory', 'creditCode', 'businessRegNo', 'orgCode', 'taxRegNo', 'institutionCertNo', 'socialOrgCertNo',
  'legalRepIdType', 'legalRepIdNumber', 'idType', 'idNumber', 'sourceDepartment', 'sourceDepartmentCreditCode', 'documentNumber', 'category'])

/** The columns of a family a department may correct after an objection. */
export function correctableColumns(family: RecordFamily): Column[] {
  return familyColumns[family].filter(c => !fixedKeys.has(c.key))
}
