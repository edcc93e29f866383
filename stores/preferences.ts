import { defineStore } from 'pinia'

/**
 * The elder-friendly mode (适老化) persists in a cookie, so the server renders the page the way it
 * will stay (no flash, no hydration mismatch).
 */
export const usePreferencesStore = defineStore('preferences', () => {
  const elder = useCookie<boolean>('elder-mode', { default: () => false, maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' })
  function toggleElder() {
    elder.value = !elder.value
  }
  return { elder, toggleElder }
})
