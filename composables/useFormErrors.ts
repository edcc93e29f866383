import type { FormError } from '@nuxt/ui'

interface ApiError { data?: { message?: string, data?: { fields?: Record<string, string[]> } }, statusCode?: number }

/**
 * The API's refusals shown where they belong: field errors under their fields (the same names the
 * shared zod schema uses), anything else as one message above the form.
 */
export function useFormErrors() {
  const message = ref('')
  const fieldErrors = ref<FormError[]>([])
  function show(error: unknown) {
    const data = (error as ApiError).data
    const fields = data?.data?.fields ?? {}
    fieldErrors.value = Object.entries(fields).map(([name, messages]) => ({ name, message: messages[0] ?? '' }))
    message.value = fieldErrors.value.length ? '' : (data?.message ?? '网络异常，请检查网络后重试')
  }
  function reset() {
    message.value = ''
    fieldErrors.value = []
  }
  return { message, fieldErrors, show, reset }
}
