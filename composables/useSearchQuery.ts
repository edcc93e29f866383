import type { LocationQuery } from 'vue-router'

/** The URL's query string as the search API takes it: the query stays in the URL, so results can be shared. */
export function pickSearchParams(query: LocationQuery): Record<string, string> {
  const params: Record<string, string> = {}
  for (const key of ['q', 'kind', 'department', 'year', 'page', 'sort'] as const) {
    const value = query[key]
    const text = Array.isArray(value) ? value[0] : value
    if (typeof text === 'string' && text !== '') params[key] = text
  }
  return params
}

/** A link to the same search with some parameters changed; a changed filter goes back to page 1. */
export function withSearchParams(current: Record<string, string>, changes: Record<string, string | undefined>) {
  const kept = Object.entries(current).filter(([key]) => key !== 'page' && !(key in changes))
  const changed = Object.entries(changes).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
  return { path: '/search', query: Object.fromEntries([...kept, ...changed]) }
}
