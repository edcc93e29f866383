/**
 * A server-rendered form can be typed into before the page's script has loaded (a slow phone); hydration then
 * sets each input back to the page's empty state. This reads what was typed in the form `formId` before that
 * happens and puts it back into the empty fields of `state` once the page runs.
 */
export function useTypedBeforeHydration<T extends Record<string, string>>(formId: string, state: T) {
  if (!import.meta.client || !useNuxtApp().isHydrating) return
  const form = document.getElementById(formId)
  const typed = Object.keys(state).map(name => [name, form?.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value ?? ''] as const)
  onMounted(() => {
    for (const [name, value] of typed) if (value && !state[name]) (state as Record<string, string>)[name] = value
  })
}
