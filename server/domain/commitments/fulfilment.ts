import { and, desc, eq } from 'drizzle-orm'
import { fulfilmentLabels } from '../../../shared/commitments'
import type { FulfilmentInput } from '../../../shared/schemas/commitments'
import { commitments } from '../../database/schema'
import type { Database } from '../../utils/db'
import { notFound } from '../../utils/errors'
import { inStaffScope } from '../access/staff'
import { actorOf, recordAudit } from '../audit'
import type { Actor } from '../workflow/machine'
import { enqueueCommitment } from './outbox'

/**
 * 履行状态, recorded by the judging department's reviewers (or the credit office). Reviewers of other
 * departments get the same 404 as a missing commitment. The status is not sealed: it is the
 * department's finding about the commitment, not part of what the subject signed.
 */
export async function recordFulfilment(db: Database, actor: Actor, commitmentId: number, input: FulfilmentInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(commitments)
      .where(and(eq(commitments.id, commitmentId), inStaffScope(actor, commitments.judgingDepartmentId))).for('update')
    if (!row) throw notFound('信用承诺')
    const [updated] = await tx.update(commitments).set({
      fulfilment: input.status, fulfilmentNote: input.note, fulfilmentBy: actor.id, fulfilmentAt: new Date(), updatedAt: new Date(),
    }).where(eq(commitments.id, commitmentId)).returning()
    await enqueueCommitment(tx, commitmentId)
    await recordAudit(tx, {
      actor: actorOf(actor), action: 'commitment.fulfilment', entity: 'commitment', entityId: row.code,
      detail: { from: row.fulfilment, to: input.status, label: fulfilmentLabels[input.status] },
    })
    return updated!
  })
}

/** The console's list: the commitments a reviewer's department judges, or all for the credit office. */
export async function judgedCommitments(db: Database, actor: Actor) {
  return db.select({
    id: commitments.id, code: commitments.code, type: commitments.type, subjectName: commitments.subjectName, matter: commitments.matter,
    disclosure: commitments.disclosure, signedAt: commitments.signedAt, fulfilment: commitments.fulfilment, fulfilmentNote: commitments.fulfilmentNote,
  }).from(commitments).where(inStaffScope(actor, commitments.judgingDepartmentId)).orderBy(desc(commitments.signedAt)).limit(200)
}
