import { describe, expect, it } from 'vitest'
import { drawQuestions } from '../../../../../server/domain/training/draw'

const bank = Array.from({ length: 12 }, (_, i) => i + 1)

describe('drawQuestions', () => {
  it('draws the asked number of distinct questions from the bank', () => {
    for (let run = 0; run < 200; run++) {
      const drawn = drawQuestions(bank, 10)
      expect(drawn).toHaveLength(10)
      expect(new Set(drawn).size).toBe(10)
      expect(drawn.every(id => bank.includes(id))).toBe(true)
    }
  })

  it('draws the whole bank when it is smaller than asked, and nothing from an empty one', () => {
    expect([...drawQuestions(bank, 50)].sort((a, b) => a - b)).toEqual(bank)
    expect(drawQuestions([], 10)).toEqual([])
  })

  it('leaves the bank as it was', () => {
    const copy = [...bank]
    drawQuestions(bank, 5)
    expect(bank).toEqual(copy)
  })

  it('reaches every question (not always the first ones)', () => {
    const seen = new Set<number>()
    for (let run = 0; run < 300; run++) for (const id of drawQuestions(bank, 3)) seen.add(id)
    expect(seen.size).toBe(12)
  })

  it('is deterministic for a given random source, even at its edge values', () => {
    expect(drawQuestions(bank, 3, () => 0)).toEqual([1, 2, 3])
    const high = drawQuestions(bank, 12, () => 0.999999)
    expect(new Set(high).size).toBe(12)
  })
})
