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

  it('takes a licence’s 许可编号 when it has no decision number', () => {
    const row = licenseRow({ 行政许可决定文书号: '' })
    const result = recordRowSchema('license').safeParse(keyed('license', row))
    expect(result.success && result.data.documentNumber).toBe('JY22113000012345')
    const bad = recordRowSchema('license').safeParse(keyed('license', { ...row, 有效期至: '2020-01-01' }))
    expect(bad.success).toBe(false)
  })
})
