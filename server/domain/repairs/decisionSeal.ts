import type { RepairDecisionFacts } from '../../../shared/schemas/repairs'
import { sealDocument, verificationText, verifyDocument, type CanonicalParts, type Sealed, type SigningKey } from '../commitments/seal'

/*
 * A 信用修复决定书 is sealed when the department approves, its facts kept beside the decision, so that the
 * public verification page checks exactly what was issued (ARCHITECTURE.md: one seal for every document
 * the portal vouches for). Nothing sealed is non-public: no facts of the conduct, no evidence, no ID number.
 */

/** The parts a failed verification names, in the page's words. */
export const decisionSealParts = { decision: '决定文号、部门和日期', subject: '修复主体', records: '修复的信用记录' } as const

const nfc = (text: string) => text.normalize('NFC')

function canonical(f: RepairDecisionFacts): CanonicalParts<keyof typeof decisionSealParts> {
  return {
    // The outcome is part of what is sealed: a decision number is only ever given to an approval.
    decision: [['number', f.number], ['outcome', 'repaired'], ['issuedOn', f.issuedOn], ['department', nfc(f.department)], ['departmentCreditCode', f.departmentCreditCode]],
    subject: [['subjectName', nfc(f.subjectName)], ['creditCode', f.creditCode]],
    records: f.records.map(r => ['record', `${r.kind}|${nfc(r.documentNumber)}|${r.decisionDate}`]),
  }
}

export function sealDecision(facts: RepairDecisionFacts, key: SigningKey): Sealed {
  return sealDocument(canonical(facts), key)
}

export function verifyDecision(facts: RepairDecisionFacts, seal: string, key: SigningKey['publicKey']) {
  const result = verifyDocument(canonical(facts), seal, key, decisionSealParts)
  return { valid: result.valid, text: verificationText(result), keyId: result.keyId }
}
