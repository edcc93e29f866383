import { createPublicKey } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  canonicalText, contentHashOf, generateSigningKeyPem, sealCommitment, signingKeyFromPem, verificationText, verifyCommitment, type SealFacts,
} from '../../../../../server/domain/commitments/seal'
import { commitmentCode, commitmentCodePrefix, isCommitmentCode } from '../../../../../shared/utils/commitmentCode'

const png = (seed: number) => Buffer.from([0x89, 0x50, 0x4e, 0x47, seed]).toString('base64')
const facts: SealFacts = {
  code: '211300202612010000001'.slice(0, 20),
  type: 'approval_substitute',
  matter: '朝阳市鑫达商贸有限公司因申请食品经营许可，作出如下承诺。',
  content: '本单位承诺所提交的材料真实、合法、有效。',
  liability: '如违反承诺，愿意承担相应法律责任。',
  acceptingBody: '朝阳市市场监督管理局',
  acceptingBodyCreditCode: '11211300M210004801',
  judgingDepartment: '朝阳市市场监督管理局',
  disclosure: 'public',
  signature: png(1),
  signerId: 7,
  subjectName: '朝阳市鑫达商贸有限公司',
  creditCode: '91211300MA0Y8P6Q2K',
  signedAt: new Date('2026-12-01T03:04:05.678Z'),
}
const key = signingKeyFromPem(generateSigningKeyPem())

describe('canonical text', () => {
  it('is JSON with a fixed order, the same for the same facts, and NFC-normalised', () => {
    const text = canonicalText(facts)
    expect(JSON.parse(text).map((p: [string]) => p[0])).toEqual(['content', 'signature', 'signer', 'subject', 'time'])
    expect(text).toContain('"signedAt","2026-12-01T03:04:05.678Z"')
    expect(text).not.toContain(facts.signature)
    expect(canonicalText({ ...facts })).toBe(text)
    // "é" composed and decomposed are one text after NFC.
    expect(contentHashOf({ ...facts, content: 'caf\u00e9' })).toBe(contentHashOf({ ...facts, content: 'cafe\u0301' }))
    expect(contentHashOf(facts)).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('seal and verification', () => {
  const sealed = sealCommitment(facts, key)

  it('verifies an untouched commitment', () => {
    const result = verifyCommitment(facts, sealed.seal, key.publicKey)
    expect(result).toEqual({ valid: true, keyId: key.keyId, differs: [] })
    expect(verificationText(result)).toBe('签章有效，内容未被篡改')
    expect(sealed.keyId).toMatch(/^[0-9a-f]{16}$/)
  })

  it('names 承诺内容 when one character of the text changed', () => {
    const result = verifyCommitment({ ...facts, content: facts.content.replace('真实', '真寔') }, sealed.seal, key.publicKey)
    expect(result.valid).toBe(false)
    expect(result.differs).toEqual(['承诺内容'])
    expect(verificationText(result)).toBe('签章无效：承诺内容与签章时不一致')
  })

  it('names 签名图像 when the signature image was swapped', () => {
    expect(verifyCommitment({ ...facts, signature: png(2) }, sealed.seal, key.publicKey).differs).toEqual(['签名图像'])
  })

  it('names 签署人, 承诺主体 and 时间 for their changes', () => {
    expect(verifyCommitment({ ...facts, signerId: 8 }, sealed.seal, key.publicKey).differs).toEqual(['签署人'])
    expect(verifyCommitment({ ...facts, subjectName: '朝阳市鑫达商贸有限公司二部' }, sealed.seal, key.publicKey).differs).toEqual(['承诺主体'])
    expect(verifyCommitment({ ...facts, signedAt: new Date('2026-12-01T03:04:06.678Z') }, sealed.seal, key.publicKey).differs).toEqual(['时间'])
  })

  it('names 签章密钥 under a different key, and for a forged or broken seal', () => {
    const other = signingKeyFromPem(generateSigningKeyPem())
    expect(verifyCommitment(facts, sealed.seal, other.publicKey).differs).toEqual(['签章密钥'])
    // Someone re-hashing a changed text into the payload cannot re-sign it.
    const envelope = JSON.parse(Buffer.from(sealed.seal, 'base64').toString())
    envelope.payload.parts.content = '0'.repeat(64)
    const forged = Buffer.from(JSON.stringify(envelope)).toString('base64')
    expect(verifyCommitment(facts, forged, key.publicKey).differs).toEqual(['签章密钥', '承诺内容'])
    expect(verifyCommitment(facts, 'not a seal', key.publicKey)).toEqual({ valid: false, keyId: null, differs: ['签章密钥'] })
  })

  it('accepts only an Ed25519 key, and its public key verifies on its own', () => {
    const pem = key.publicKeyPem
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----/)
    expect(verifyCommitment(facts, sealed.seal, createPublicKey(pem)).valid).toBe(true)
  })
})

describe('commitment code (承诺编码)', () => {
  it('is the division, the China date and a 6-digit serial', () => {
    // 2026-12-01 20:00 UTC is already 12-02 in China.
    expect(commitmentCode('211300', new Date('2026-12-01T20:00:00Z'), 42)).toBe('21130020261202000042')
    expect(commitmentCodePrefix('211300', new Date('2026-12-01T10:00:00Z'))).toBe('21130020261201')
    expect(isCommitmentCode('21130020261202000042')).toBe(true)
  })

  it('refuses bad parts and recognises malformed codes', () => {
    expect(() => commitmentCode('2113', new Date(), 1)).toThrow()
    expect(() => commitmentCode('211300', new Date(), 0)).toThrow()
    expect(() => commitmentCode('211300', new Date(), 1_000_000)).toThrow()
    for (const bad of ['2113002026120200004', '21130020261302000042', '21130020260230000001', '21130020261202000000', '2113002026120200004x']) {
      expect(isCommitmentCode(bad), bad).toBe(false)
    }
  })
})
