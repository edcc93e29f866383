import { firstReasons, problemSentence, readApiError, type ApiProblem } from '~/utils/apiError'

import type { FormError } from '@nuxt/ui'

interface ErrorTarget { setErrors: (errors: FormError[]) => void }

/** What a page holds of its form (UForm itself, or AppForm around it): errors to set and check again. */
export interface FormTarget extends ErrorTarget {
  getErrors: () => FormError[]
  /** Forgets every error, e.g. after a saved form is emptied for the next entry. */
  clear: () => void
  validate: (options: { name: string[], silent: true }) => Promise<unknown>
}

interface ActionOptions {
  /** Where the API's per-field reasons go: under their fields, by the shared zod schema's names. */
  form?: Ref<ErrorTarget | null | undefined>
  /** Runs after the work, failed or not, still busy (e.g. reload a list so no button acts on stale rows). */
  settle?: () => Promise<unknown>
}

/**
 * One action against the API: ignores a second press while the first runs, and keeps its refusal
 * (utils/apiError.ts): field reasons under their fields when a form is given, anything else as one
 * message above it. `busy` holds the tag of the running call (true when untagged), so a page of many
 * buttons can spin the one pressed and disable the rest.
 *
 * The forms validate on input only (`:validate-on="['input']"`), never on blur: a blur caused by
 * pressing 提交 would clear an error, move the button up under the finger, and lose the press.
 */
export function useAction<A extends unknown[]>(work: (...args: A) => Promise<unknown>, options: ActionOptions = {}) {
  const running = ref<string | true | null>(null)
  const busy = computed(() => running.value !== null)
  const problem = ref<ApiProblem | null>(null)
  const fieldErrors = computed<FormError[]>(() => (problem.value ? firstReasons(problem.value) : []))
  /**
   * The refusal as one sentence: above a form, only what no field shows; without a form (a button in a
   * list), the message with every field reason, since there is no field to show them beside.
   */
  const message = computed(() => {
    if (!problem.value) return ''
    if (options.form) return fieldErrors.value.length ? '' : problem.value.message
    return problemSentence(problem.value)
  })
  const details = computed(() => problem.value?.details ?? {})

  async function runTagged(tag: string | true, ...args: A): Promise<boolean> {
    if (running.value !== null) return false
    running.value = tag
    problem.value = null
    let done = false
    try {
      await work(...args)
      done = true
    }
    catch (error) {
      problem.value = readApiError(error)
      options.form?.value?.setErrors(fieldErrors.value)
    }
    finally {
      try {
        await options.settle?.()
      }
      finally {
        running.value = null
      }
    }
    return done
  }

  return {
    busy,
    /** Whether the call tagged `tag` is the one running. */
    isRunning: (tag: string) => running.value === tag,
    problem,
    message,
    fieldErrors,
    details,
    /** Runs the work; resolves to whether it succeeded. */
    run: (...args: A) => runTagged(true, ...args),
    runAs: (tag: string, ...args: A) => runTagged(tag, ...args),
    clear: () => { problem.value = null },
  }
}
