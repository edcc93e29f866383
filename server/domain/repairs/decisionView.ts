import { eq } from 'drizzle-orm'
import type { RepairDecisionView } from '../../../shared/schemas/repairs'
import { decisionNumberOf } from '../../../shared/utils/decisionNumber'
import { repairDecisions, subjects } from '../../database/schema'
import type { Database } from '../../utils/db'
import { notFound } from '../../utils/errors'
import { portalSigningKey } from '../commitments/key'
import { verifyDecision } from './decisionSeal'

/**
 * The public verification of a repair decision by its number (or the number's URL form): what was
 * decided, for whom, by which department and when, read from the sealed facts and checked against the
 * seal now. A decision of a natural person is confirmed without naming the person or the records.
 */
export async function repairDecisionByNumber(db: Database, numberOrSlug: string): Promise<RepairDecisionView> {
  const number = decisionNumberOf(numberOrSlug)
  if (!number) throw notFound('信用修复决定书')
  const [row] = await db.select({ decision: repairDecisions, subjectKind: subjects.kind }).from(repairDecisions)
    .innerJoin(subjects, eq(subjects.id, repairDecisions.subjectId)).where(eq(repairDecisions.number, number))
  if (!row) throw notFound('信用修复决定书')
  const { facts, seal, contentHash } = row.decision
  const person = row.subjectKind === 'natural_person'
  return {
    number: facts.number, issuedOn: facts.issuedOn, department: facts.department, departmentCreditCode: facts.departmentCreditCode,
    subject: person ? null : { name: facts.subjectName, creditCode: facts.creditCode },
    records: person ? [] : facts.records,
    recordCount: facts.records.length,
    verification: seal && contentHash ? { ...verifyDecision(facts, seal, portalSigningKey().publicKey), contentHash } : null,
  }
}
