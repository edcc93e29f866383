import { isError } from 'h3'
import { loginSchema } from '../../shared/schemas/accounts'
import { landingAfterLogin } from '../../shared/utils/landing'
import { loginFlashCookie, loginFlashSeconds, type LoginFlash } from '../../shared/utils/loginFlash'
import { refuse } from '../utils/errors'
import { requestSite } from '../utils/origin'
import { signIn } from '../utils/session'

/**
 * The login page's form without JavaScript (or before the page has loaded): the same schema, limits and session
 * as POST /api/auth/login, then 303 to where the person was going, or back to the page with the refusal.
 * Only this site's page may post here: a request that does not say where it comes from is refused too, so another
 * site cannot sign a browser into an account of its choosing (login CSRF).
 */
export default defineEventHandler(async (event) => {
  if (requestSite(event) !== 'own') throw refuse(403, '跨站请求已被拒绝，请从本站页面操作')
  const redirect = getQuery(event).redirect
  try {
    const user = await signIn(event, await readBodyAs(event, loginSchema))
    return sendRedirect(event, landingAfterLogin(redirect, user.role), 303)
  }
  catch (error) {
    if (!isError(error) || error.statusCode >= 500) throw error
    const typed = (await readBody<Record<string, unknown> | undefined>(event))?.account
    const flash: LoginFlash = {
      message: error.message,
      fields: (error.data as { fields?: Record<string, string[]> } | undefined)?.fields,
      account: typeof typed === 'string' ? typed.slice(0, 120) : undefined,
    }
    setCookie(event, loginFlashCookie, JSON.stringify(flash), { path: '/login', maxAge: loginFlashSeconds, httpOnly: true, sameSite: 'lax' })
    return sendRedirect(event, typeof redirect === 'string' ? `/login?${new URLSearchParams({ redirect })}` : '/login', 303)
  }
})
