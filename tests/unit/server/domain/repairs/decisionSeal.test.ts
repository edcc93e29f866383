import { describe, expect, it } from 'vitest'
import { generateSigningKeyPem, signingKeyFromPem } from '../../../../../server/domain/commitments/seal'
import { sealDecision, verifyDecision } from '../../../../../server/domain/repairs/decisionSeal'
import type { RepairDecisionFacts } from '../../../../../shared/schemas/repairs'

const facts: RepairDecisionFacts = {
  number: '朝信修决〔2026〕7号',
  issuedOn: '2026-12-02',
  department: '朝阳市市场监督管理局',
  departmentCreditCode: '11211300M210004801',
  subjectName: '朝阳市鑫达商贸有限公司',
  creditCode: '91211300MA0Y8P6Q2K',
  records: [{ kind: 'penalty', documentNumber: '朝市监罚〔2026〕601号', decisionDate: '2026-08-02' }],
}
const key = signingKeyFromPem(generateSigningKeyPem())

describe('repair decisions are sealed as commitments are (one seal module)', () => {
  it('verifies what was issued, with the portal key', () => {
    const sealed = sealDecision(facts, key)
    expect(sealed).toMatchObject({ keyId: key.keyId, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(verifyDecision(facts, sealed.seal, key.publicKey)).toEqual({ valid: true, text: '签章有效，内容未被篡改', keyId: key.keyId })
  })

  it('names what changed: the records, the subject, the number or date', () => {
    const { seal } = sealDecision(facts, key)
    const added = { ...facts, records: [...facts.records, { kind: 'penalty' as const, documentNumber: '朝市监罚〔2026〕602号', decisionDate: '2026-08-02' }] }
    expect(verifyDecision(added, seal, key.publicKey).text).toBe('签章无效：修复的信用记录与签章时不一致')
    expect(verifyDecision({ ...facts, subjectName: '朝阳市另一家公司' }, seal, key.publicKey).text).toBe('签章无效：修复主体与签章时不一致')
    expect(verifyDecision({ ...facts, issuedOn: '2026-12-03' }, seal, key.publicKey).valid).toBe(false)
  })

  it('a seal made with another key does not verify', () => {
    const other = signingKeyFromPem(generateSigningKeyPem())
    expect(verifyDecision(facts, sealDecision(facts, other).seal, key.publicKey).text).toBe('签章无效：签章密钥与签章时不一致')
  })
})
