import { describe, expect, it } from 'vitest'
import { grade } from '../../../../../server/domain/training/grade'

const keys = [
  { id: 1, answers: [0] },
  { id: 2, answers: [1, 2] },
  { id: 3, answers: [3] },
]

describe('grade', () => {
  it('counts a question only when the chosen options are exactly the correct ones', () => {
    expect(grade(keys, [[0], [2, 1], [3]], 80)).toEqual({ score: 100, passed: true, right: [true, true, true] })
    // One of two correct options missing, or one too many, is wrong.
    expect(grade(keys, [[0], [1], [3]], 80).right).toEqual([true, false, true])
    expect(grade(keys, [[0, 1], [1, 2], [3]], 80).right).toEqual([false, true, true])
  })

  it('rounds the percentage down and passes at the mark, not below', () => {
    expect(grade(keys, [[0], [1, 2], [0]], 66)).toMatchObject({ score: 66, passed: true })
    expect(grade(keys, [[0], [1, 2], [0]], 67)).toMatchObject({ score: 66, passed: false })
  })

  it('treats a missing or empty answer as wrong', () => {
    expect(grade(keys, [[0]], 80)).toMatchObject({ score: 33, passed: false, right: [true, false, false] })
    expect(grade(keys, [[], [], []], 0).score).toBe(0)
  })

  it('ignores a repeated option index', () => {
    expect(grade([{ id: 1, answers: [0] }], [[0, 0]], 100).passed).toBe(true)
  })
})
