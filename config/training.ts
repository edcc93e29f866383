/**
 * Lesson images and videos: one file's limit in MB; MEDIA_MAX_MB changes it (a lecture video is large).
 * The browser imports this file for `courseDefaults` and has no `process`: it gets the limit from the
 * server (plugins/uploadLimits.ts).
 */
export const mediaMaxBytes = Number(globalThis.process?.env.MEDIA_MAX_MB || 200) * 1024 * 1024

/**
 * What a course starts with when the console does not say otherwise.
 * @public the console's course pages read it (issue 14, client half); drop this tag once they import it.
 */
export const courseDefaults = { passMark: 80, questionsPerQuiz: 10, attemptsPerDay: 3 } as const

/**
 * When a lesson counts as learnt (issue 15 item 4): the certificate is evidence in a repair, so the
 * server decides from its own clock and the saved positions, never from a button alone.
 */
export const lessonCompletion = {
  /** Share of a video's length that the furthest saved position must reach. */
  videoWatchedShare: 0.9,
  /** The fastest playback counted: that share of the video takes at least its length divided by this. */
  maxPlaybackRate: 2,
  /** The reading time of a lesson the console sets none for (and of a video whose file states no length). */
  defaultReadingSeconds: 120,
  /** The longest reading time the console may set for one lesson. */
  maxReadingSeconds: 3 * 3600,
} as const
