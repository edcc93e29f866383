import type { FormError } from '@nuxt/ui'

/**
 * An application form's submission: the state is filed at `url` once (useAction), and the new application
 * opens; a field shown with an error is checked again as soon as it changes (useRevalidate).
 */
export function useApplicationForm(url: string, state: Record<string, unknown>, form: Ref<{ setErrors: (errors: FormError[]) => void } | null | undefined>) {
  useRevalidate(form, state)
  return useAction(async () => {
    const created = await $fetch<{ id: number }>(url, { method: 'POST', body: state })
    await navigateTo(`/me/applications/${created.id}`)
  }, { form })
}
