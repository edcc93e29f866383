import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'

/**
 * The portal's seal over a signed commitment. The canonical form is JSON with a fixed key order and
 * NFC-normalised text, so the same commitment always hashes the same on any machine; the seal keeps a
 * hash of each part besides the whole, so a failed verification can name what changed.
 */
export interface SealFacts {
  code: string
  type: string
  matter: string
  content: string
  liability: string
  acceptingBody: string
  acceptingBodyCreditCode: string
  judgingDepartment: string
  disclosure: string
  /** The signature PNG, base64. */
  signature: string
  signerId: number
  subjectName: string
  creditCode: string | null
  signedAt: Date
}

/** The parts a verification names when it fails, in the words the page shows. */
export const sealParts = {
  content: '承诺内容',
  signature: '签名图像',
  signer: '签署人',
  subject: '承诺主体',
  time: '时间',
} as const
export type SealPart = keyof typeof sealParts
export const KEY_PART_LABEL = '签章密钥'

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')
const nfc = (text: string) => text.normalize('NFC')

/** A sealed document's parts in their sealing order, each a fixed-order list of [key, value] pairs. */
export type CanonicalParts<P extends string = string> = Record<P, [string, string | number | null][]>

/** Each part as a fixed-order array of [key, value] pairs; JSON of arrays keeps the order by definition. */
function canonicalParts(f: SealFacts): CanonicalParts<SealPart> {
  return {
    content: [
      ['code', f.code], ['type', f.type], ['matter', nfc(f.matter)], ['content', nfc(f.content)], ['liability', nfc(f.liability)],
      ['acceptingBody', nfc(f.acceptingBody)], ['acceptingBodyCreditCode', f.acceptingBodyCreditCode],
      ['judgingDepartment', nfc(f.judgingDepartment)], ['disclosure', f.disclosure],
    ],
    signature: [['signatureSha256', sha256(Buffer.from(f.signature, 'base64'))]],
    signer: [['signerAccountId', f.signerId]],
    subject: [['subjectName', nfc(f.subjectName)], ['creditCode', f.creditCode]],
    time: [['signedAt', f.signedAt.toISOString()]],
  }
}

/** The whole of a document's parts as one text, in their order: what the seal's hash is taken over. */
const wholeText = (parts: CanonicalParts) => JSON.stringify(Object.keys(parts).map(part => [part, parts[part]]))
const wholeHash = (parts: CanonicalParts) => sha256(wholeText(parts))
const partHashes = (parts: CanonicalParts) => Object.fromEntries(Object.keys(parts).map(part => [part, sha256(JSON.stringify(parts[part]))]))

/** The canonical text of a commitment: what the seal's hash is taken over. */
export function canonicalText(facts: SealFacts): string {
  return wholeText(canonicalParts(facts))
}

export function contentHashOf(facts: SealFacts): string {
  return wholeHash(canonicalParts(facts))
}

export interface SigningKey { privateKey: KeyObject, publicKey: KeyObject, keyId: string, publicKeyPem: string }

/** A short fingerprint of the public key: the first 16 hex digits of the SHA-256 of its SPKI bytes. */
export function keyIdOf(publicKey: KeyObject): string {
  return sha256(publicKey.export({ type: 'spki', format: 'der' })).slice(0, 16)
}

export function signingKeyFromPem(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem)
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('COMMITMENT_SIGNING_KEY must be an Ed25519 private key')
  const publicKey = createPublicKey(privateKey)
  return { privateKey, publicKey, keyId: keyIdOf(publicKey), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() }
}

export function generateSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
}

interface SealPayload { v: 1, alg: 'Ed25519', keyId: string, hash: string, parts: Record<string, string> }
interface SealEnvelope { payload: SealPayload, signature: string }

export interface Sealed { contentHash: string, seal: string, keyId: string }

/**
 * Hashes a document's canonical parts and signs the hashes with the portal's key: the one seal of every
 * document the portal vouches for (commitments, repair decisions), each bringing its own parts.
 */
export function sealDocument(parts: CanonicalParts, key: SigningKey): Sealed {
  const payload: SealPayload = { v: 1, alg: 'Ed25519', keyId: key.keyId, hash: wholeHash(parts), parts: partHashes(parts) }
  const bytes = Buffer.from(JSON.stringify(payload))
  const envelope: SealEnvelope = { payload, signature: sign(null, bytes, key.privateKey).toString('base64') }
  return { contentHash: payload.hash, seal: Buffer.from(JSON.stringify(envelope)).toString('base64'), keyId: key.keyId }
}

export function sealCommitment(facts: SealFacts, key: SigningKey): Sealed {
  return sealDocument(canonicalParts(facts), key)
}

export interface Verification { valid: boolean, keyId: string | null, differs: string[] }

function parseEnvelope(seal: string): SealEnvelope | null {
  try {
    const envelope = JSON.parse(Buffer.from(seal, 'base64').toString('utf8')) as SealEnvelope
    return envelope?.payload?.parts && typeof envelope.signature === 'string' ? envelope : null
  }
  catch {
    return null
  }
}

/**
 * Checks a document's current parts against its seal with the given public key. `differs` names (by
 * `labels`) every part whose current hash is not the sealed one, and 签章密钥 when the seal is not the key's.
 */
export function verifyDocument<P extends string>(parts: CanonicalParts<P>, seal: string, publicKey: KeyObject, labels: Record<P, string>): Verification {
  const envelope = parseEnvelope(seal)
  if (!envelope) return { valid: false, keyId: null, differs: [KEY_PART_LABEL] }
  const { payload } = envelope
  const differs: string[] = []
  const signatureOk = payload.keyId === keyIdOf(publicKey)
    && verify(null, Buffer.from(JSON.stringify(payload)), publicKey, Buffer.from(envelope.signature, 'base64'))
  if (!signatureOk) differs.push(KEY_PART_LABEL)
  const now = partHashes(parts)
  const order = Object.keys(parts) as P[]
  for (const part of order) if (payload.parts[part] !== now[part]) differs.push(labels[part])
  if (differs.length === 0 && payload.hash !== wholeHash(parts)) differs.push(labels[order[0]!])
  return { valid: differs.length === 0, keyId: payload.keyId, differs }
}

/** Checks a stored commitment against its seal (see `verifyDocument`). */
export function verifyCommitment(facts: SealFacts, seal: string, publicKey: KeyObject): Verification {
  return verifyDocument(canonicalParts(facts), seal, publicKey, sealParts)
}

/** A line for the page: "签章有效，内容未被篡改" or what differs. */
export function verificationText(v: Verification): string {
  return v.valid ? '签章有效，内容未被篡改' : `签章无效：${v.differs.join('、')}与签章时不一致`
}
