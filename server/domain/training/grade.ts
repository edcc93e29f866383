/** A question as grading needs it: its id and the indexes of the correct options. */
export interface AnswerKey { id: number, answers: readonly number[] }

export interface Grading {
  score: number
  passed: boolean
  /** Per question, in the attempt's order: answered exactly right or not. */
  right: boolean[]
}

const sameSet = (a: readonly number[], b: readonly number[]) => {
  const x = new Set(a)
  const y = new Set(b)
  return x.size === y.size && [...x].every(v => y.has(v))
}

/**
 * Pure grading: a question counts only when the chosen options are exactly the correct ones (a
 * multiple-answer question with one option missing is wrong). Score = % right, rounded down, so a
 * pass mark of 80 is never reached by rounding 79.5 up. A missing answer is a wrong one.
 */
export function grade(keys: readonly AnswerKey[], chosen: readonly (readonly number[])[], passMark: number): Grading {
  const right = keys.map((key, i) => sameSet(key.answers, chosen[i] ?? []) && (chosen[i]?.length ?? 0) > 0)
  const score = keys.length ? Math.floor((right.filter(Boolean).length * 100) / keys.length) : 0
  return { score, passed: score >= passMark, right }
}
