import { describe, expect, it } from 'vitest'
import { parseDate, addMonths } from '../../../../shared/utils/dates'
import { toSimplified } from '../../../../shared/utils/simplified'
import { hasBrokenCharacters, normalizeIdentifier, normalizeText } from '../../../../shared/utils/text'

describe('normalisation', () => {
  it('folds full-width digits and letters, keeps CJK brackets, trims', () => {
    expect(normalizeText('　朝阳ＡＢＣ建材（分公司）１２３  ')).toBe('朝阳ABC建材（分公司）123')
    expect(normalizeIdentifier(' 朝市监罚〔２０２５〕１２３号 ')).toBe('朝市监罚〔2025〕123号')
  })

  it('finds what a broken encoding leaves in text, and only that', () => {
    for (const broken of ['房\uFFFD产', '\uD840', 'a\uDC00', '\u0000', '\u000B', '\u001F', '\u007F', '\u009F', '\uFFFF']) expect(hasBrokenCharacters(broken), JSON.stringify(broken)).toBe(true)
    for (const text of ['朝阳𠀀𪚥', '买买提·艾力', '第一行\r\n第二行\t', '（分公司）〔2026〕', '']) expect(hasBrokenCharacters(text), text).toBe(false)
  })

  it('turns traditional characters into simplified', () => {
    expect(toSimplified('鑫達建材')).toBe('鑫达建材')
    expect(toSimplified('朝陽市環保科技')).toBe('朝阳市环保科技')
  })
})

describe('parseDate', () => {
  it('reads the formats departments send', () => {
    expect(parseDate('2025-03-08')).toBe('2025-03-08')
    expect(parseDate('2025/3/8')).toBe('2025-03-08')
    expect(parseDate('２０２５/０３/０８')).toBe('2025-03-08')
    expect(parseDate('2025年3月8日')).toBe('2025-03-08')
    expect(parseDate('2025-03-08 00:00:00')).toBe('2025-03-08')
    expect(parseDate(45724)).toBe('2025-03-08')
    expect(parseDate('45724')).toBe('2025-03-08')
    expect(parseDate(new Date(Date.UTC(2025, 2, 8)))).toBe('2025-03-08')
  })

  it('refuses impossible dates', () => {
    expect(parseDate('2025-02-30')).toBeNull()
    expect(parseDate('2025-13-01')).toBeNull()
    expect(parseDate('昨天')).toBeNull()
  })

  it('adds months, clamping to the month’s end', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28')
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15')
  })
})
