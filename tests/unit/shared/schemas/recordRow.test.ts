import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { recordRowSchema } from '../../../../shared/schemas/recordRow'
import { residentId } from '../../../support/ids'
import { keyed, licenseRow, penaltyRow } from '../../../support/rows'

const penalty = (overrides: Record<string, string> = {}) => recordRowSchema('penalty').safeParse(keyed('penalty', penaltyRow(overrides)))
const firstIssue = (result: ReturnType<typeof penalty>) => result.success ? null : { path: result.error.issues[0]!.path[0], message: result.error.issues[0]!.message }

describe('recordRowSchema', () => {
  it('accepts and normalises a messy but valid penalty', () => {
    const result = penalty({ '统一社会信用代码': ' 91211300ma0y2k3l8q ', '罚款金额（万元）': '２.５', '处罚决定日期': '2026/6/15', '处罚类别': '警告；罰款', '行政相对人类别': '法人及非法人組織' })
    expect(result.success).toBe(true)
    expect(result.data).toMatchObject({ kind: 'penalty', creditCode: '91211300MA0Y2K3L8Q', fineAmount: 2.5, decisionDate: '2026-06-15', penaltyCategories: ['警告', '罚款'], subjectCategory: 'legal_entity' })
  })

  it('names the field and the reason of a bad value', () => {
    expect(firstIssue(penalty({ 统一社会信用代码: '91211300MA0Y2K3L8R' }))).toEqual({ path: 'creditCode', message: '统一社会信用代码第18位校验码不正确，请核对营业执照' })
    expect(firstIssue(penalty({ 处罚决定日期: '2026-02-30' }))).toMatchObject({ path: 'decisionDate', message: expect.stringContaining('无法识别') })
    expect(firstIssue(penalty({ 违法事实: '' }))).toEqual({ path: 'violationFacts', message: '必填项，不能为空' })
    expect(firstIssue(penalty({ 处罚类别: '罚款;打板子' }))).toMatchObject({ path: 'penaltyCategories', message: expect.stringContaining('打板子') })
    expect(firstIssue(penalty({ '罚款金额（万元）': '两万' }))).toMatchObject({ path: 'fineAmount' })
    expect(firstIssue(penalty({ 行政相对人类别: '公司' }))).toMatchObject({ path: 'subjectCategory' })
  })

  it('requires a credit code of organisations and an ID of natural persons', () => {
    expect(firstIssue(penalty({ 统一社会信用代码: '' }))).toMatchObject({ path: 'creditCode', message: expect.stringContaining('须填写统一社会信用代码') })
    expect(firstIssue(penalty({ 行政相对人类别: '自然人', 统一社会信用代码: '' }))).toMatchObject({ path: 'idType' })
    const person = penalty({ 行政相对人类别: '自然人', 统一社会信用代码: '', 证件类型: '身份证', 证件号码: residentId() })
    expect(person.success).toBe(true)
    expect(firstIssue(penalty({ 行政相对人类别: '自然人', 统一社会信用代码: '', 证件类型: '身份证', 证件号码: '211302198506120310' }))).toMatchObject({ path: 'idNumber' })
  })

  it('masks ID numbers in free text before anything is stored, and keeps the structured ID column', () => {
    const id = residentId('211302', '19650622', '320')
    const spaced = `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`
    const result = penalty({ 违法行为类型: `经办人ID${id}无证经营`, 违法事实: `当事人（身份证${spaced}）无证经营`, 备注: `身份证号${id.slice(0, 6)}-${id.slice(6)}` })
    expect(result.success).toBe(true)
    const stored = JSON.stringify(result.data)
    expect(stored.replace(/\D/g, '')).not.toContain(id.slice(3, 17))
    expect(result.data).toMatchObject({ violationType: `经办人ID211${'*'.repeat(15)}无证经营`, violationFacts: `当事人（身份证211${'*'.repeat(15)}）无证经营` })
    const person = penalty({ 行政相对人类别: '自然人', 统一社会信用代码: '', 证件类型: '身份证', 证件号码: id })
    expect(person.success && person.data.idNumber).toBe(id)
  })

  it('takes a licence’s 许可编号 when it has no decision number', () => {
    const row = licenseRow({ 行政许可决定文书号: '' })
    const result = recordRowSchema('license').safeParse(keyed('license', row))
    expect(result.success && result.data.documentNumber).toBe('JY22113000012345')
    const bad = recordRowSchema('license').safeParse(keyed('license', { ...row, 有效期至: '2020-01-01' }))
    expect(bad.success).toBe(false)
  })
})

describe('text a broken file leaves behind', () => {
  const brokenMessage = (header: string) => `${header}含有无法识别的字符（文件编码损坏），请检查文件后重新报送`

  it('refuses a row whose text holds U+FFFD, half a surrogate pair, a control character or a noncharacter, naming the column', () => {
    for (const broken of ['\uFFFD', '\uD840', '\uDC00', '\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\uFFFE']) {
      expect(firstIssue(penalty({ 行政相对人名称: `朝阳县盛达${broken}地产开发有限责任公司` }))).toEqual({ path: 'subjectName', message: brokenMessage('行政相对人名称') })
    }
    expect(firstIssue(penalty({ 违法事实: '当事人\uFFFD\uFFFD\uFFFD虚假宣传' }))).toEqual({ path: 'violationFacts', message: brokenMessage('违法事实') })
    expect(firstIssue(penalty({ 行政处罚决定书文号: '朝市监罚〔2026〕\uFFFD号' }))).toEqual({ path: 'documentNumber', message: brokenMessage('行政处罚决定书文号') })
    // Before any other fault of the row: the other faults may be the broken bytes' doing.
    expect(firstIssue(penalty({ 行政相对人类别: '法人\uFFFD', 备注: '\uFFFD' }))).toMatchObject({ path: 'subjectCategory', message: brokenMessage('行政相对人类别') })
    const list = recordRowSchema('list').safeParse({ subjectName: '朝阳\uFFFD', category: '黑名单' })
    expect(list.success || list.error.issues[0]!.message).toBe(brokenMessage('名称'))
  })

  it('takes 4-byte characters, tabs and line breaks as text', () => {
    const result = penalty({ 行政相对人名称: '𠀀𪚥朝阳·鑫达有限公司', 违法事实: '第一行\r\n第二行\t完' })
    expect(result.success && [result.data.subjectName, result.data.violationFacts]).toEqual(['𠀀𪚥朝阳·鑫达有限公司', '第一行 第二行 完'])
  })
})

describe('real credit codes', () => {
  it('accepts each of the 702 real named subjects of tests/fixtures/real as a penalty’s subject', () => {
    const subjects = parse(readFileSync('tests/fixtures/real/uscc-named.csv'), { columns: true }) as { 统一社会信用代码: string, 名称: string }[]
    expect(subjects).toHaveLength(702)
    const refused = subjects
      .map(s => ({ ...s, result: penalty({ 行政相对人名称: s.名称, 统一社会信用代码: s.统一社会信用代码 }) }))
      .filter(s => !s.result.success)
      .map(s => [s.名称, firstIssue(s.result)])
    expect(refused).toEqual([])
  })

  it('accepts a legacy code only when the city lists it', () => {
    const legacy = penaltyRow({ 行政相对人名称: '厦门云上晴空航空科技有限公司', 统一社会信用代码: '91350211m0000xuf46' })
    const listed = recordRowSchema('penalty', { legacyCreditCodes: new Set(['91350211M0000XUF46']) })
    expect(listed.safeParse(keyed('penalty', legacy))).toMatchObject({ success: true, data: { creditCode: '91350211M0000XUF46' } })
    expect(firstIssue(penalty(legacy))).toEqual({ path: 'creditCode', message: '统一社会信用代码第18位校验码不正确，请核对营业执照' })
    const unlisted = listed.safeParse(keyed('penalty', { ...legacy, 统一社会信用代码: '91350211M0000XUF47' }))
    expect(unlisted.success || unlisted.error.issues[0]!.message).toBe('统一社会信用代码第18位校验码不正确，请核对营业执照')
  })
})
