/** Lesson images and videos: one file's limit in MB; MEDIA_MAX_MB changes it (a lecture video is large). */
export const mediaMaxBytes = Number(process.env.MEDIA_MAX_MB || 200) * 1024 * 1024

/**
 * What a course starts with when the console does not say otherwise.
 * @public the console's course pages read it (issue 14, client half); drop this tag once they import it.
 */
export const courseDefaults = { passMark: 80, questionsPerQuiz: 10, attemptsPerDay: 3 } as const
