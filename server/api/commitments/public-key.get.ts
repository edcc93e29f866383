import { portalSigningKey } from '../../domain/commitments/key'

/** The portal's Ed25519 public key (SPKI PEM), to verify a commitment's seal independently. */
export default defineEventHandler((event) => {
  const key = portalSigningKey()
  setResponseHeaders(event, { 'content-type': 'application/x-pem-file; charset=utf-8', 'x-key-id': key.keyId, 'cache-control': 'public, max-age=300' })
  return key.publicKeyPem
})
