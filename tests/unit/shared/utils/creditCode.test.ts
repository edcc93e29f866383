import { readFileSync } from 'node:fs'
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

/** The real codes of tests/fixtures/real (SOURCES.md says where each came from): one per line, `#` comments. */
const realCodes = (file: string) => readFileSync(`tests/fixtures/real/${file}`, 'utf8').split('\n')
  .filter(line => line.trim() && !line.startsWith('#'))
  .map(line => line.split('\t')[0]!)

describe('real codes', () => {
  it('accepts every one of the 905 real codes that follow GB 32100', () => {
    const codes = realCodes('uscc.txt')
    expect(codes).toHaveLength(905)
    expect(codes.filter(code => !checkCreditCode(code).ok)).toEqual([])
  })

  it('refuses the codes that break it, each with its reason', () => {
    const reasons = Object.fromEntries(realCodes('uscc-bad.txt').map((code) => {
      const check = checkCreditCode(code)
      return [code, check.ok ? 'ok' : check.reason]
    }))
    expect(reasons).toMatchObject({
      // The 厦门 pilot codes, genuine but older than the standard: only the city's list of legacy codes lets them in.
      '91350211M0000XUF46': '统一社会信用代码第18位校验码不正确，请核对营业执照',
      '91350100M0001TGQXM': '统一社会信用代码第18位校验码不正确，请核对营业执照',
      '91350203M0001FUE2P': '统一社会信用代码第18位校验码不正确，请核对营业执照',
      '91350211M00013FA1N': '统一社会信用代码第18位校验码不正确，请核对营业执照',
      '00000000000000000X': '统一社会信用代码第18位校验码不正确，请核对营业执照',
      '9111000060003IOZSV': '统一社会信用代码第14位“I”不是有效字符（不使用I、O、Z、S、V）',
      '12345': '统一社会信用代码应为18位，当前为5位',
      '91450100898218204': '统一社会信用代码应为18位，当前为17位',
      '9134080075 4875057)1': '统一社会信用代码应为18位，当前为19位',
      // OCR split this one with a space; without it, it is a valid code.
      '9134082868 68674171': 'ok',
    })
    expect(Object.values(reasons).filter(r => r === 'ok')).toHaveLength(1)
  })
})
