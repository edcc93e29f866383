/**
 * Pure: `count` distinct ids at random from the bank (all of them, shuffled, when the bank is smaller).
 * A partial Fisher–Yates shuffle, so every subset and order is equally likely and none repeats.
 */
export function drawQuestions<T>(bank: readonly T[], count: number, random: () => number = Math.random): T[] {
  const pool = [...bank]
  const n = Math.max(0, Math.min(count, pool.length))
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i))
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  return pool.slice(0, n)
}
