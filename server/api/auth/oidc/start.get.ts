import { beginVerification, identityRateLimit, oidcSettings } from '../../../utils/oidc'

/** 实名核验: sends the signed-in account to the identity provider; 404 where none is configured. */
export default defineEventHandler(async (event) => {
  const settings = oidcSettings()
  if (!settings) throw notFound('实名核验服务')
  const user = await requireUser(event)
  await enforceRateLimit(event, identityRateLimit)
  return sendRedirect(event, (await beginVerification(event, settings, user.id)).href, 302)
})
