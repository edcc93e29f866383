import { describe, expect, it } from 'vitest'
import { checkCreditCode, creditCodeCheckDigit } from '../../../../shared/utils/creditCode'

describe('checkCreditCode', () => {
  it('accepts the demo city departments’ codes', () => {
    for (const code of ['11211300M210004801', '11211300M21000851P', '11211300M2100270X2']) {
      expect(checkCreditCode(code)).toEqual({ ok: true, code })
    }
  })

  it('computes the GB 32100 check character', () => {
    expect(creditCodeCheckDigit('91211300MA0Y2K3L8')).toBe('Q')
    expect(creditCodeCheckDigit('11211300M21000851')).toBe('P')
  })

  it('normalises lower case, full-width characters and spaces', () => {
    expect(checkCreditCode(' 11211300m21000851p ')).toEqual({ ok: true, code: '11211300M21000851P' })
    expect(checkCreditCode('１１２１１３００Ｍ２１０００４８０１')).toEqual({ ok: true, code: '11211300M210004801' })
  })

  it('names the reason for a wrong code', () => {
    expect(checkCreditCode('11211300M210004802')).toMatchObject({ ok: false, reason: '统一社会信用代码第18位校验码不正确，请核对营业执照' })
    expect(checkCreditCode('11211300M21000480')).toMatchObject({ ok: false, reason: '统一社会信用代码应为18位，当前为17位' })
    expect(checkCreditCode('11211300I210004801')).toMatchObject({ ok: false, reason: expect.stringContaining('第9位“I”不是有效字符') })
    expect(checkCreditCode('')).toMatchObject({ ok: false, reason: '请填写统一社会信用代码' })
  })
})
