/**
 * The upload limits of config/ (EVIDENCE_MAX_MB, MEDIA_MAX_MB), read by the server as it runs and handed
 * to the browser in the page's payload, so a phone checks a file's size before sending it and both sides
 * say the same limit even when the environment changes it after the build.
 */
export default defineNuxtPlugin(async () => {
  const limits = useUploadLimits()
  if (import.meta.server) {
    const [{ evidenceMaxBytes }, { mediaMaxBytes }] = await Promise.all([import('~~/config/uploads'), import('~~/config/training')])
    limits.value = { evidenceMaxBytes, mediaMaxBytes }
  }
})
