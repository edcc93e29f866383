import { describe, expect, it } from 'vitest'
import { creditCodeCheckDigit } from '../../../../shared/utils/creditCode'
import { containsIdNumber, isValidResidentId, maskIdNumbers } from '../../../../shared/utils/idNumber'
import { residentId } from '../../../support/ids'

// Built at run time, so no ID-shaped literal sits in the repository.
const id = residentId('211302', '19650622', '320')
const withX = (() => {
  for (let serial = 0; ; serial++) {
    const candidate = residentId('110101', '19900307', String(serial).padStart(3, '0'))
    if (candidate.endsWith('X')) return candidate
  }
})()
const oldId = `${'211302'}${'650622'}${'320'}`
const fullWidth = (text: string) => text.replace(/[0-9X]/g, c => String.fromCharCode(c.charCodeAt(0) + 0xFEE0))
const digitsOf = (text: string) => text.replace(/\D/g, '')

/** The masked text keeps no more than the first three digits of the number. */
function expectMasked(text: string, number = id) {
  const masked = maskIdNumbers(text)
  expect(digitsOf(masked)).not.toContain(number.slice(3, 17).replace(/\D/g, ''))
  expect(masked).toContain(`${number.slice(0, 3)}${'*'.repeat(number.length - 3)}`)
  expect(containsIdNumber(text)).toBe(true)
  return masked
}

describe('ID numbers', () => {
  it('validates the check character', () => {
    expect(isValidResidentId(id)).toBe(true)
    expect(isValidResidentId(id.slice(0, 17) + (id.endsWith('0') ? '1' : '0'))).toBe(false)
  })

  it('masks an 18-character number inside Chinese text, keeping the text around it', () => {
    expect(expectMasked(`当事人张三（身份证号${id}）无证经营`)).toBe(`当事人张三（身份证号211${'*'.repeat(15)}）无证经营`)
  })

  it('masks one with an X check character, upper or lower case', () => {
    expectMasked(`身份证：${withX}。`, withX)
    expectMasked(`身份证：${withX.toLowerCase()}。`, withX)
  })

  it('masks one touching ASCII letters on either side', () => {
    expect(expectMasked(`经办人ID${id}`)).toBe(`经办人ID211${'*'.repeat(15)}`)
    expectMasked(`No.${id}abc`)
    expectMasked(`ID:${withX}Y`, withX)
  })

  it('masks the old 15-digit number', () => {
    expect(expectMasked(`身份证${oldId}号`, oldId)).toBe(`身份证211${'*'.repeat(12)}号`)
  })

  it('masks numbers split by spaces, hyphens or dots, in any grouping', () => {
    for (const spaced of [
      `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`,
      `${id.slice(0, 6)}-${id.slice(6, 10)}-${id.slice(10, 14)}-${id.slice(14)}`,
      `${id.slice(0, 6)}.${id.slice(6, 14)}.${id.slice(14)}`,
      id.replace(/(\d{4})(?=\d)/g, '$1 '),
      `${id.slice(0, 6)}\u3000${id.slice(6, 14)} - ${id.slice(14)}`,
      `${oldId.slice(0, 6)} ${oldId.slice(6, 12)} ${oldId.slice(12)}`,
    ]) {
      const number = digitsOf(spaced).length === 15 ? oldId : id
      expect(expectMasked(`违法事实：${spaced}，无证经营`, number)).toBe(`违法事实：${number.slice(0, 3)}${'*'.repeat(number.length - 3)}，无证经营`)
    }
  })

  it('masks full-width digits and a full-width X', () => {
    expectMasked(`身份证号${fullWidth(id)}`)
    expectMasked(`身份证号${fullWidth(withX)}`, withX)
  })

  it('masks a number with a wrong check character: anything shaped like an ID', () => {
    const wrong = id.slice(0, 17) + (id.endsWith('0') ? '1' : '0')
    expectMasked(`身份证号${wrong}`, wrong)
  })

  it('masks an ID next to another number, and every ID of a text', () => {
    expectMasked(`联系电话13800138000 ${id}`)
    expectMasked(`联系电话13800138000 ${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`)
    const masked = maskIdNumbers(`甲${id}，乙${withX}\n丙${oldId}`)
    expect(masked).toBe(`甲211${'*'.repeat(15)}，乙110${'*'.repeat(15)}\n丙211${'*'.repeat(12)}`)
  })

  it('leaves numbers that are not ID numbers alone', () => {
    const creditCodeFirst17 = `${'12'}${'110119'}${'850612'}${'123'}`
    const creditCode = creditCodeFirst17 + creditCodeCheckDigit(creditCodeFirst17)
    // An all-digit credit code that happens to look like an ID: its own check digit is right, an ID's is not.
    expect(/^\d{18}$/.test(creditCode) && !isValidResidentId(creditCode)).toBe(true)
    for (const text of [
      '朝市监罚〔2024〕123号',
      '罚款5000元，文号2025123，2024-06-22作出决定',
      '统一社会信用代码91211300MA0Y4XK26C',
      `统一社会信用代码${creditCode}`,
      '开户行账号6222021200001234567',
      // Groups two to five would make a 15-digit ID shape on their own.
      `账号6222 ${oldId.slice(0, 4)} ${oldId.slice(4, 8)} ${oldId.slice(8, 12)} ${oldId.slice(12)}`,
      '工商注册号211300000012345',
      '联系电话13800138000、0421-2612345',
      '编号12345678901234567890',
      `出生日期${id.slice(6, 14)}`,
    ]) {
      expect(maskIdNumbers(text)).toBe(text)
      expect(containsIdNumber(text)).toBe(false)
    }
  })
})
