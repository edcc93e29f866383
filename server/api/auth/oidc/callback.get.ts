import { linkVerifiedPerson, personOfClaims } from '../../../domain/identity'
import { completeVerification, oidcSettings } from '../../../utils/oidc'

/**
 * The identity provider sends the browser back here. Verified: the person's records; otherwise
 * /me/identity says why (shared/schemas/me.ts identityResults).
 */
export default defineEventHandler(async (event) => {
  const settings = oidcSettings()
  if (!settings) throw notFound('实名核验服务')
  const user = await requireUser(event)
  const verification = await completeVerification(event, settings, user.id)
  const person = 'claims' in verification ? personOfClaims(verification.claims, settings) : { refusal: verification.failure }
  if ('refusal' in person) return sendRedirect(event, `/me/identity?result=${person.refusal}`, 303)
  const { db } = await usePlatform()
  const subject = await linkVerifiedPerson(db, user, person)
  return sendRedirect(event, subject ? `/me/subjects/${subject.id}` : '/me/identity?result=none', 303)
})
