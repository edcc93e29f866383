import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm'
import { departments, records, subjects } from '../../database/schema'
import type { Database } from '../../utils/db'
import type { IndexSource } from './document'

const columns = {
  id: records.id,
  kind: records.kind,
  state: records.state,
  subjectKind: subjects.kind,
  subjectName: records.subjectName,
  creditCode: subjects.creditCode,
  documentNumber: records.documentNumber,
  documentName: records.documentName,
  certificateName: records.certificateName,
  violationType: records.violationType,
  violationFacts: records.violationFacts,
  content: records.content,
  departmentName: departments.name,
  decisionDate: records.decisionDate,
  publicUntil: records.publicUntil,
  contentHash: records.contentHash,
  underObjection: sql<boolean>`${records.objectionId} is not null`,
}

function select(db: Database, where: SQL | undefined, limit?: number): Promise<IndexSource[]> {
  const query = db.select(columns).from(records)
    .innerJoin(subjects, eq(subjects.id, records.subjectId))
    .innerJoin(departments, eq(departments.id, records.departmentId))
    .where(where).orderBy(asc(records.id))
  return (limit ? query.limit(limit) : query) as Promise<IndexSource[]>
}

export function indexSourcesByIds(db: Database, ids: number[]): Promise<IndexSource[]> {
  return ids.length ? select(db, inArray(records.id, ids)) : Promise.resolve([])
}

/** Records that may be public, in id order from `afterId`: the reindex and reconcile walk. */
export function candidatePage(db: Database, afterId: number, limit: number): Promise<IndexSource[]> {
  return select(db, and(gt(records.id, afterId), eq(records.state, 'active'), sql`${subjects.kind} <> 'natural_person'`), limit)
}
