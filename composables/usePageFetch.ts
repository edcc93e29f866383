import type { NitroFetchRequest } from 'nitropack/types'
import { isUnavailable, readApiError } from '~/utils/apiError'

/** What the error page says when the API could not answer: the page exists, try again (error.vue offers 重试). */
const unavailableMessage = '服务暂时不可用，请稍后重试'

/**
 * The data a page cannot show without, typed by the route Nuxt generates for `url`. An expired sign-in
 * goes back to the login page (and returns here after); a refusal (not found, not yours, a bad credit
 * code) becomes the 404 page with the API's Chinese message; a server that is down or unreachable
 * becomes a 503 "try again", never a "not found" that would send a bank away from a real record.
 */
export async function usePageFetch<R extends NitroFetchRequest>(url: () => R, notFoundMessage: string) {
  const route = useRoute()
  const result = await useFetch(url)
  const error = result.error.value
  if (error) {
    const problem = readApiError(error, notFoundMessage)
    if (problem.status === 401) await navigateTo({ path: '/login', query: { redirect: route.fullPath } })
    else if (isUnavailable(problem)) throw createError({ statusCode: 503, message: unavailableMessage, fatal: true })
    else throw createError({ statusCode: 404, message: problem.message, fatal: true })
  }
  return result
}
