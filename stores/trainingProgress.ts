import { defineStore } from 'pinia'
import type { LessonProgressView } from '~~/shared/schemas/training'
import { dequeueProgress, enqueueProgress, isNetworkFailure, parseProgressQueue, type PendingProgress, type ProgressQueue } from '~~/shared/utils/progressQueue'

const STORAGE_KEY = 'training-progress-queue'

/**
 * Lesson progress that could not be saved for lack of network: kept in localStorage (a phone on a weak
 * network loses its connection in a lift) and sent when the `online` event fires or a page loads again.
 * In a store, not a module-level ref, so nothing leaks between users under SSR.
 */
export const useTrainingProgressStore = defineStore('trainingProgress', () => {
  const queue = ref<ProgressQueue>({})
  const loaded = ref(false)
  const flushing = ref(false)
  const pendingCount = computed(() => Object.keys(queue.value).length)

  function persist() {
    if (!import.meta.client) return
    try {
      if (pendingCount.value) localStorage.setItem(STORAGE_KEY, JSON.stringify(queue.value))
      else localStorage.removeItem(STORAGE_KEY)
    }
    catch {
      // Private mode or a full storage: the queue lives on in memory for this visit.
    }
  }

  /** Called once the page is in the browser (after hydration, so the server's HTML still matches). */
  function load() {
    if (!import.meta.client || loaded.value) return
    loaded.value = true
    let stored: string | null = null
    try {
      stored = localStorage.getItem(STORAGE_KEY)
    }
    catch {
      // Storage refused (private mode, a blocked origin): start with an empty queue.
    }
    for (const [id, entry] of Object.entries(parseProgressQueue(stored))) queue.value = enqueueProgress(queue.value, Number(id), entry)
    window.addEventListener('online', () => { void flush() })
  }

  async function send(lessonId: number, entry: PendingProgress): Promise<LessonProgressView> {
    return $fetch<LessonProgressView>(`/api/training/lessons/${lessonId}/progress`, { method: 'PUT', body: entry })
  }

  /**
   * Saves one lesson's progress; without network it is queued (and `null` returned). A refusal by the
   * server (not signed in, no subject) is thrown to the page, which explains it.
   */
  async function save(lessonId: number, entry: PendingProgress): Promise<LessonProgressView | null> {
    try {
      const saved = await send(lessonId, entry)
      if (queue.value[lessonId]) {
        queue.value = dequeueProgress(queue.value, lessonId)
        persist()
      }
      return saved
    }
    catch (error) {
      if (!isNetworkFailure(error)) throw error
      queue.value = enqueueProgress(queue.value, lessonId, entry)
      persist()
      return null
    }
  }

  /** Sends what is queued, oldest first; stops at the first network failure and keeps the rest. */
  async function flush() {
    if (flushing.value || !pendingCount.value) return
    flushing.value = true
    try {
      for (const [id, entry] of Object.entries(queue.value)) {
        try {
          await send(Number(id), entry)
        }
        catch (error) {
          if (isNetworkFailure(error)) break
          // 401: kept until the learner signs in again; any other refusal can never succeed.
          if ((error as { statusCode?: number }).statusCode === 401) continue
        }
        queue.value = dequeueProgress(queue.value, Number(id))
        persist()
      }
    }
    finally {
      flushing.value = false
    }
  }

  return { queue, pendingCount, load, save, flush }
})
