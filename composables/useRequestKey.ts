/**
 * The one-time key of a form that files an application: made in the browser when the form appears, so
 * a second click or a retry after a dropped connection files one application. Empty until mounted.
 */
export function useRequestKey() {
  const key = ref('')
  onMounted(() => {
    key.value = crypto.randomUUID()
  })
  return key
}
