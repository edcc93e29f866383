/**
 * The data a page cannot show without: an expired sign-in goes back to the login page (and returns
 * here after), anything else becomes the error page with the API's Chinese message.
 */
export async function usePageFetch<T>(url: () => string, fallbackMessage: string) {
  const route = useRoute()
  const result = await useFetch<T>(url)
  const error = result.error.value
  if (error?.statusCode === 401) await navigateTo({ path: '/login', query: { redirect: route.fullPath } })
  else if (error) throw createError({ statusCode: error.statusCode ?? 500, message: error.data?.message ?? fallbackMessage, fatal: true })
  return result
}
