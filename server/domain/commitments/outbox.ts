import { count, eq, inArray, sql } from 'drizzle-orm'
import { commitmentOutbox, commitments, departments, subjects } from '../../database/schema'
import type { Database } from '../../utils/db'
import type { SearchService } from '../../utils/search'
import { toCommitmentDocument, type CommitmentSource } from './document'

const CLAIM_SECONDS = 120

/** Queues a commitment for the index, in the caller's transaction (ARCHITECTURE.md: one source of truth). */
export async function enqueueCommitment(db: Pick<Database, 'insert'>, commitmentId: number): Promise<void> {
  await db.insert(commitmentOutbox).values({ commitmentId })
}

/** The index sources of these commitments, or of all when `ids` is absent. */
export async function commitmentSources(db: Database, ids?: number[]): Promise<CommitmentSource[]> {
  return db.select({
    id: commitments.id, code: commitments.code, type: commitments.type, disclosure: commitments.disclosure, subjectKind: subjects.kind,
    subjectName: commitments.subjectName, creditCode: commitments.creditCode, matter: commitments.matter, content: commitments.content,
    acceptingBody: commitments.acceptingBody, judgingDepartment: departments.name, signedAt: commitments.signedAt,
    fulfilment: commitments.fulfilment, contentHash: commitments.contentHash,
  }).from(commitments).innerJoin(subjects, eq(subjects.id, commitments.subjectId))
    .innerJoin(departments, eq(departments.id, commitments.judgingDepartmentId))
    .where(ids ? inArray(commitments.id, ids) : undefined).orderBy(commitments.id)
}

/**
 * One batch of the commitments outbox into the index, leased like the records outbox so several
 * instances drain at once. Each commitment's current state is read now; a non-public one is deleted.
 */
export async function drainCommitmentsOnce(db: Database, search: SearchService, limit = 1000): Promise<number> {
  const claimed = await db.execute<{ id: string, commitment_id: string }>(sql`
    update commitment_outbox set claimed_until = now() + make_interval(secs => ${CLAIM_SECONDS}), attempts = attempts + 1
    where id in (
      select id from commitment_outbox where claimed_until is null or claimed_until < now()
      order by id limit ${limit} for update skip locked
    )
    returning id, commitment_id`)
  const ids = claimed.rows.map(r => Number(r.id))
  if (!ids.length) return 0
  const commitmentIds = [...new Set(claimed.rows.map(r => Number(r.commitment_id)))]
  try {
    const documents = (await commitmentSources(db, commitmentIds)).map(toCommitmentDocument).filter(d => d !== null)
    const indexed = new Set(documents.map(d => d.id))
    const removed = commitmentIds.filter(id => !indexed.has(id))
    const tasks = []
    if (documents.length) tasks.push(search.commitments.addDocuments(documents, { primaryKey: 'id' }).waitTask({ timeout: 600_000 }))
    if (removed.length) tasks.push(search.commitments.deleteDocuments(removed).waitTask({ timeout: 600_000 }))
    for (const task of await Promise.all(tasks)) {
      if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? ''}`)
    }
    await db.delete(commitmentOutbox).where(inArray(commitmentOutbox.id, ids))
    return ids.length
  }
  catch (error) {
    await db.update(commitmentOutbox).set({ claimedUntil: null }).where(inArray(commitmentOutbox.id, ids))
    throw error
  }
}

export async function drainAllCommitments(db: Database, search: SearchService): Promise<number> {
  let total = 0
  for (let done = await drainCommitmentsOnce(db, search); done > 0; done = await drainCommitmentsOnce(db, search)) total += done
  return total
}

export async function commitmentOutboxLag(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(commitmentOutbox)
  return row?.n ?? 0
}

/**
 * Reconcile for commitments (a city holds thousands, not millions): every public commitment whose
 * document is missing or stale, and every document that should not be there, is queued again.
 */
export async function reconcileCommitments(db: Database, search: SearchService) {
  const expected = new Map((await commitmentSources(db)).map(toCommitmentDocument).filter(d => d !== null).map(d => [d.id, d.rev]))
  const drift = { missing: 0, stale: 0, extra: 0 }
  const queue: number[] = []
  const seen = new Set<number>()
  for (let offset = 0; ; offset += 1000) {
    const page = await search.commitments.getDocuments({ fields: ['id', 'rev'], limit: 1000, offset })
    for (const d of page.results) {
      seen.add(d.id)
      const rev = expected.get(d.id)
      if (rev === undefined) drift.extra++
      else if (rev !== d.rev) drift.stale++
      else continue
      queue.push(d.id)
    }
    if (page.results.length < 1000) break
  }
  for (const id of expected.keys()) {
    if (!seen.has(id)) {
      drift.missing++
      queue.push(id)
    }
  }
  if (queue.length) await db.insert(commitmentOutbox).values(queue.map(commitmentId => ({ commitmentId })))
  return drift
}

/** Rebuild: every commitment queued again; the drain writes the public ones and removes the rest. */
export async function reindexCommitments(db: Database, search: SearchService): Promise<number> {
  await search.commitments.deleteAllDocuments().waitTask({ timeout: 600_000 })
  await db.execute(sql`insert into commitment_outbox (commitment_id) select id from commitments`)
  return drainAllCommitments(db, search)
}
