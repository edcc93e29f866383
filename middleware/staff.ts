import { isStaffRole } from '~~/shared/roles'

/** The console: staff only; others are sent to sign in (or to 我的 when signed in as a business). */
export default defineNuxtRouteMiddleware((to) => {
  const { loggedIn, user } = useUserSession()
  if (!loggedIn.value) return navigateTo({ path: '/login', query: { redirect: to.fullPath } })
  if (!isStaffRole(user.value?.role)) return navigateTo('/me')
})
