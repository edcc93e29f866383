import { toHalfWidth } from './text'

/** GB 32100-2015 charset: digits and capitals without I, O, Z, S, V. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export type CreditCodeCheck =
  | { ok: true, code: string }
  | { ok: false, code: string, reason: string }

/** Accepts lower case, full-width characters and stray spaces, as people type and spreadsheets hold them. */
export function normalizeCreditCode(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, '').toUpperCase()
}

export function creditCodeCheckDigit(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!
}

export function checkCreditCode(input: string): CreditCodeCheck {
  const code = normalizeCreditCode(input)
  if (code.length === 0) return { ok: false, code, reason: '请填写统一社会信用代码' }
  if (code.length !== 18) return { ok: false, code, reason: `统一社会信用代码应为18位，当前为${code.length}位` }
  for (let i = 0; i < 18; i++) {
    if (!CREDIT_CODE_CHARSET.includes(code[i]!)) {
      return { ok: false, code, reason: `统一社会信用代码第${i + 1}位“${code[i]}”不是有效字符（不使用I、O、Z、S、V）` }
    }
  }
  const expected = creditCodeCheckDigit(code.slice(0, 17))
  if (code[17] !== expected) {
    return { ok: false, code, reason: '统一社会信用代码第18位校验码不正确，请核对营业执照' }
  }
  return { ok: true, code }
}
