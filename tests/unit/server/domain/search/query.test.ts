import { describe, expect, it } from 'vitest'
import { creditCodeProblem } from '../../../../../server/domain/search/query'
import { residentId } from '../../../../support/ids'

describe('creditCodeProblem', () => {
  it('names the wrong character of a typed credit code, as the profile does', () => {
    expect(creditCodeProblem('91211300MA4UH5U3NX')).toBe('统一社会信用代码第18位校验码不正确，请核对营业执照')
    expect(creditCodeProblem('９１２１１３００ma4uh5u3nx')).toBe('统一社会信用代码第18位校验码不正确，请核对营业执照')
    expect(creditCodeProblem('91211300MA4UH5U3N')).toBe('统一社会信用代码应为18位，当前为17位')
    expect(creditCodeProblem('91211300MO4UH5U3NT')).toContain('第10位“O”不是有效字符')
  })

  it('says nothing about a valid code, a name, a document number or an ID number', () => {
    expect(creditCodeProblem('91211300MA4UH5U3NT')).toBeUndefined()
    expect(creditCodeProblem('鑫达建材')).toBeUndefined()
    expect(creditCodeProblem('朝市监罚〔2026〕802号')).toBeUndefined()
    expect(creditCodeProblem('ABCDEFGHJKLMNPQRTU')).toBeUndefined()
    expect(creditCodeProblem(residentId('211381', '19880101', '045'))).toBeUndefined()
  })
})
