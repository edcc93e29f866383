import type { commitments } from '../../database/schema'
import { portalSigningKey } from './key'
import { verificationText, verifyCommitment, type SealFacts } from './seal'

export type CommitmentRow = typeof commitments.$inferSelect

/** What the seal covers, read from a stored row: the same function seals and verifies. */
export function factsOf(row: Omit<CommitmentRow, 'id' | 'contentHash' | 'seal' | 'keyId' | 'fulfilment' | 'fulfilmentNote' | 'fulfilmentBy' | 'fulfilmentAt' | 'updatedAt' | 'requestKey' | 'templateVersionId' | 'subjectId' | 'judgingDepartmentId'>, judgingDepartment: string): SealFacts {
  return {
    code: row.code, type: row.type, matter: row.matter, content: row.content, liability: row.liability,
    acceptingBody: row.acceptingBody, acceptingBodyCreditCode: row.acceptingBodyCreditCode, judgingDepartment,
    disclosure: row.disclosure, signature: row.signature, signerId: row.signerId, subjectName: row.subjectName,
    creditCode: row.creditCode, signedAt: row.signedAt,
  }
}

/** The stored row checked against its seal with the portal's published key. */
export function verifyRow(row: CommitmentRow, judgingDepartment: string) {
  const result = verifyCommitment(factsOf(row, judgingDepartment), row.seal, portalSigningKey().publicKey)
  return { valid: result.valid, text: verificationText(result), differs: result.differs, keyId: result.keyId, contentHash: row.contentHash }
}
