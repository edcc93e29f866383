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
