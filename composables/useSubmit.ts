import type { FormError } from '@nuxt/ui'

interface ApiError { data?: { message?: string, data?: { fields?: Record<string, string[]>, [key: string]: unknown } } }
interface ErrorTarget { setErrors: (errors: FormError[]) => void }

/** What a page holds of its form (UForm itself, or AppForm around it): errors to set and check again. */
export interface FormTarget extends ErrorTarget {
  getErrors: () => FormError[]
  validate: (options: { name: string[], silent: true }) => Promise<unknown>
}

/**
 * One form's submission: ignores a second click while the first runs, and shows the API's refusal
 * where it belongs: field errors under their fields (the shared zod schema's names, through `form`),
 * anything else as one message above the form.
 *
 * The forms validate on input only (`:validate-on="['input']"`), never on blur: a blur caused by
 * pressing 提交 would clear an error, move the button up under the finger, and lose the press.
 */
export function useSubmit(action: () => Promise<unknown>, form?: Ref<ErrorTarget | null | undefined>) {
  const busy = ref(false)
  const message = ref('')
  const fieldErrors = ref<FormError[]>([])
  /** The refusal's other data, e.g. the id of the open application a repeat would duplicate. */
  const details = ref<Record<string, unknown>>({})
  async function run() {
    if (busy.value) return
    busy.value = true
    message.value = ''
    fieldErrors.value = []
    details.value = {}
    try {
      await action()
    }
    catch (error) {
      const data = (error as ApiError).data
      details.value = data?.data ?? {}
      fieldErrors.value = Object.entries(data?.data?.fields ?? {}).map(([name, messages]) => ({ name, message: messages[0] ?? '' }))
      message.value = fieldErrors.value.length ? '' : (data?.message ?? '网络异常，请检查网络后重试')
      form?.value?.setErrors(fieldErrors.value)
    }
    finally {
      busy.value = false
    }
  }
  return { busy, message, fieldErrors, details, run }
}
