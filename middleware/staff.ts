const staffRoles = new Set(['department_reviewer', 'credit_office', 'admin'])

/** The console: staff only; others are sent to sign in (or to 我的 when signed in as a business). */
export default defineNuxtRouteMiddleware((to) => {
  const { loggedIn, user } = useUserSession()
  if (!loggedIn.value) return navigateTo({ path: '/login', query: { redirect: to.fullPath } })
  if (!staffRoles.has(user.value?.role ?? '')) return navigateTo('/me')
})
