import { and, eq } from 'drizzle-orm'
import type { OwnSubject } from '../../shared/schemas/me'
import { isValidResidentId } from '../../shared/utils/idNumber'
import { normalizeText, toHalfWidth } from '../../shared/utils/text'
import { subjects, users } from '../database/schema'
import type { Database } from '../utils/db'
import { actorOf, recordAudit } from './audit'
import { personIdentityKey } from './ingest/write'
import type { Actor } from './workflow/machine'

/**
 * A natural person sees their own records only after an identity provider has vouched for who they are
 * (DOMAIN.md rule 7); knowing a name and a number proves nothing. The verified ID number is only
 * compared: the account keeps the subject it was linked to, never the number.
 */
export interface VerifiedPerson { name: string, idNumber: string }
export type PersonRefusal = 'level' | 'incomplete'

export interface ClaimRules {
  claims: { name: string, idNumber: string }
  /** Accepted `acr` values; empty accepts the provider's minimum. */
  acr: string[]
}

/** The person that verified claims describe, or why they are not enough. */
export function personOfClaims(claims: Record<string, unknown>, rules: ClaimRules): VerifiedPerson | { refusal: PersonRefusal } {
  if (rules.acr.length && !rules.acr.includes(String(claims.acr ?? ''))) return { refusal: 'level' }
  const name = claims[rules.claims.name]
  const idNumber = claims[rules.claims.idNumber]
  if (typeof name !== 'string' || typeof idNumber !== 'string') return { refusal: 'incomplete' }
  const person = { name: normalizeText(name), idNumber: toHalfWidth(idNumber).replace(/\s+/g, '').toUpperCase() }
  if (!person.name || !isValidResidentId(person.idNumber)) return { refusal: 'incomplete' }
  return person
}

/**
 * Links the account to the natural-person subject with the verified name and resident ID number (as a
 * department published them); null when the portal holds no record of that person.
 */
export async function linkVerifiedPerson(db: Database, actor: Actor, person: VerifiedPerson): Promise<OwnSubject | null> {
  const [subject] = await db.select({ id: subjects.id, name: subjects.name, creditCode: subjects.creditCode, kind: subjects.kind }).from(subjects)
    .where(and(eq(subjects.kind, 'natural_person'), eq(subjects.identityKey, personIdentityKey('身份证', person.idNumber)), eq(subjects.name, person.name)))
  if (!subject) return null
  await db.transaction(async (tx) => {
    await tx.update(users).set({ personSubjectId: subject.id }).where(eq(users.id, actor.id))
    await recordAudit(tx, { actor: actorOf(actor), action: 'identity.verify', entity: 'subject', entityId: String(subject.id) })
  })
  return { ...subject, via: 'person' }
}
