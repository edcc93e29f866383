import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { dataDir } from '../../utils/dataDir'
import { generateSigningKeyPem, signingKeyFromPem, type SigningKey } from './seal'

let cached: { source: string, key: SigningKey } | undefined

/**
 * The portal's Ed25519 key. Production sets COMMITMENT_SIGNING_KEY (a PKCS#8 PEM) so every instance
 * seals with the same key; otherwise one is generated once under DATA_DIR and kept, and instances that
 * share the data directory share it. The key is written whole to a temporary file and linked into
 * place, so when two start together the first link wins and nobody reads a half-written file.
 */
export function portalSigningKey(): SigningKey {
  const fromEnv = process.env.COMMITMENT_SIGNING_KEY?.replaceAll('\\n', '\n')
  const source = fromEnv ? 'env' : join(dataDir(), 'commitment-signing-key.pem')
  if (cached?.source === source) return cached.key
  let pem = fromEnv
  if (!pem) {
    const temporary = `${source}.${process.pid}.tmp`
    try {
      writeFileSync(temporary, generateSigningKeyPem(), { mode: 0o600 })
      linkSync(temporary, source)
    }
    catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    finally {
      rmSync(temporary, { force: true })
    }
    pem = readFileSync(source, 'utf8')
  }
  cached = { source, key: signingKeyFromPem(pem) }
  return cached.key
}
