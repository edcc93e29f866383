import { and, eq, isNull, like, sql } from 'drizzle-orm'
import type { CommitmentSignInput } from '../../../shared/schemas/commitments'
import { commitmentCode, commitmentCodePrefix } from '../../../shared/utils/commitmentCode'
import { todayInChina } from '../../../shared/utils/dates'
import { fillCommitment } from '../../../shared/utils/commitmentText'
import { commitmentDrafts, commitments, departments } from '../../database/schema'
import type { Database } from '../../utils/db'
import { refuse } from '../../utils/errors'
import { actorOf, recordAudit } from '../audit'
import { loadCity } from '../city'
import { ownSubject } from '../me'
import type { Actor } from '../workflow/machine'
import { ownDraft } from './drafts'
import { factsOf } from './facts'
import { portalSigningKey } from './key'
import { enqueueCommitment } from './outbox'
import { sealCommitment } from './seal'
import { checkSignaturePng } from './signatureImage'
import { currentVersion } from './templates'

async function department(db: Database, id: number, field: string, what: string) {
  const [row] = await db.select().from(departments).where(eq(departments.id, id))
  if (!row) throw refuse(400, `请选择${what}`, field)
  return row
}

/** A unique violation on the code: another signer took the serial (only where the lock could not hold). */
const isCodeClash = (error: unknown) => {
  const cause = (error as { cause?: { code?: string, constraint?: string } }).cause ?? (error as { code?: string, constraint?: string })
  return cause.code === '23505' && cause.constraint === 'commitments_code_unique'
}

/**
 * The advisory lock serialises numbering on PostgreSQL; should two ever pick one serial anyway, the
 * unique index refuses the second, which then takes the next number.
 */
async function withCodeRetry<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    }
    catch (error) {
      if (attempt >= attempts || !isCodeClash(error)) throw error
    }
  }
}

/**
 * 签署信用承诺: fills the template's current version on the server, seals text, signature, signer,
 * subject and time with the portal's key and numbers it. One commitment per `requestKey`: a second
 * press finds the first.
 */
export async function signCommitment(db: Database, signer: Actor, input: CommitmentSignInput, now = new Date()) {
  const [earlier] = await db.select().from(commitments).where(and(eq(commitments.requestKey, input.requestKey), eq(commitments.signerId, signer.id)))
  if (earlier) return { commitment: earlier, created: false }
  // A department's draft fixes what it asked for; the agent adds the signature.
  if (input.draftId) {
    const draft = await ownDraft(db, signer.id, input.draftId)
    input = { ...input, subjectId: draft.subjectId, templateId: draft.templateId, matter: draft.matter, acceptingDepartmentId: draft.acceptingDepartmentId, judgingDepartmentId: draft.judgingDepartmentId, disclosure: draft.disclosure }
  }
  const subject = await ownSubject(db, signer.id, input.subjectId)
  const { template, version } = await currentVersion(db, input.templateId)
  const accepting = await department(db, input.acceptingDepartmentId, 'acceptingDepartmentId', '承诺受理单位')
  const judging = await department(db, input.judgingDepartmentId, 'judgingDepartmentId', '履约认定单位')
  const signature = checkSignaturePng(input.signature)
  const filled = fillCommitment(version, subject, input.matter, todayInChina(now))
  // Milliseconds only: the seal's ISO time must survive the database's round trip unchanged.
  const signedAt = new Date(Math.floor(now.getTime()))
  const division = loadCity().city.division
  const prefix = commitmentCodePrefix(division, signedAt)
  const commitment = await withCodeRetry(() => db.transaction(async (tx) => {
    // One serial counter per day: the lock makes concurrent signers take turns for the next number.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`commitment-code:${prefix}`}))`)
    const [last] = await tx.select({ code: commitments.code }).from(commitments).where(like(commitments.code, `${prefix}%`)).orderBy(sql`${commitments.code} desc`).limit(1)
    const code = commitmentCode(division, signedAt, last ? Number(last.code.slice(14)) + 1 : 1)
    const row = {
      code, requestKey: input.requestKey, type: template.type, templateVersionId: version.id, subjectId: subject.id, signerId: signer.id,
      subjectName: subject.name, creditCode: subject.creditCode, matter: filled.matter, content: filled.content, liability: filled.liability,
      acceptingBody: accepting.name, acceptingBodyCreditCode: accepting.creditCode, judgingDepartmentId: judging.id,
      disclosure: input.disclosure, signedAt, signature,
    }
    const sealed = sealCommitment(factsOf(row, judging.name), portalSigningKey())
    const [inserted] = await tx.insert(commitments).values({ ...row, ...sealed }).onConflictDoNothing({ target: commitments.requestKey }).returning()
    if (!inserted) return null
    if (input.draftId) {
      const [marked] = await tx.update(commitmentDrafts).set({ commitmentId: inserted.id })
        .where(and(eq(commitmentDrafts.id, input.draftId), isNull(commitmentDrafts.commitmentId))).returning({ id: commitmentDrafts.id })
      if (!marked) throw refuse(409, '该承诺草稿已签署', 'draftId')
    }
    await enqueueCommitment(tx, inserted.id)
    await recordAudit(tx, { actor: actorOf(signer), action: 'commitment.sign', entity: 'commitment', entityId: code, detail: { type: template.type, templateVersionId: version.id } })
    return inserted
  }))
  if (commitment) return { commitment, created: true }
  // Two presses at once: the other one's insert won the request key.
  const [first] = await db.select().from(commitments).where(and(eq(commitments.requestKey, input.requestKey), eq(commitments.signerId, signer.id)))
  if (!first) throw refuse(409, '该提交已被使用，请刷新页面后重新签署', 'requestKey')
  return { commitment: first, created: false }
}
