import type { FormTarget } from './useAction'

/**
 * A field shown with an error is checked again as soon as its value changes, whatever changed it (typing,
 * a tick, an upload), so a mended field loses its message at once. A field without an error still waits
 * for 提交 (see useAction: no validation on blur).
 */
export function useRevalidate(form: Ref<unknown>, state: Record<string, unknown>) {
  for (const key of Object.keys(state)) {
    watch(() => state[key], () => {
      const target = form.value as FormTarget | null | undefined
      const names = (target?.getErrors() ?? []).map(e => e.name).filter((n): n is string => !!n && (n === key || n.startsWith(`${key}.`)))
      if (names.length) void target!.validate({ name: names, silent: true })
    }, { deep: true })
  }
}
