/** A lesson's progress waiting to reach the server (saved while offline). */
export interface PendingProgress { position: number, completed: boolean }
export type ProgressQueue = Record<string, PendingProgress>

/**
 * Pure: a newer save of the same lesson replaces the position (where the learner is now) but never
 * loses a completion, the same rule the server applies.
 */
export function enqueueProgress(queue: ProgressQueue, lessonId: number, next: PendingProgress): ProgressQueue {
  const before = queue[lessonId]
  return { ...queue, [lessonId]: { position: next.position, completed: next.completed || !!before?.completed } }
}

/** Pure: what is left after a lesson's save was accepted (or can never be). */
export function dequeueProgress(queue: ProgressQueue, lessonId: number): ProgressQueue {
  const { [lessonId]: _sent, ...rest } = queue
  return rest
}

/** Reads a stored queue defensively: localStorage may hold anything (an old format, a hand edit). */
export function parseProgressQueue(text: string | null): ProgressQueue {
  if (!text) return {}
  try {
    const value: unknown = JSON.parse(text)
    if (!value || typeof value !== 'object') return {}
    const queue: ProgressQueue = {}
    for (const [id, entry] of Object.entries(value as Record<string, unknown>)) {
      const e = entry as Partial<PendingProgress> | null
      if (/^\d+$/.test(id) && e && typeof e.position === 'number' && e.position >= 0 && typeof e.completed === 'boolean') queue[id] = { position: e.position, completed: e.completed }
    }
    return queue
  }
  catch {
    return {}
  }
}

/**
 * Worth keeping for later: the request never reached the server (no network), or the server or a proxy
 * in front of it failed (5xx). A refusal (4xx: signed out, no subject) will not get better by retrying.
 */
export function isNetworkFailure(error: unknown): boolean {
  const e = error as { statusCode?: number, response?: unknown } | null
  if (!e?.response && !e?.statusCode) return true
  return (e.statusCode ?? 0) >= 500
}
