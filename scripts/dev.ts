// npm run dev: the portal with demo data on a fresh machine. Seeds a few thousand synthetic records the
// first time (never in production: `node .output/server/index.mjs` invents nothing), starts a demo identity
// provider for 实名核验 (unless OIDC_ISSUER names a real one), then starts Nuxt.
import { spawnSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import { and, eq } from 'drizzle-orm'
import { subjects } from '../server/database/schema'
import { createIdentityProvider, type DemoPerson } from './lib/identityProvider'
import { closeDb, openDb } from './lib/runtime'

const seed = spawnSync('npx', ['tsx', 'scripts/seed.ts', '--records', process.env.DEMO_RECORDS ?? '3000', '--if-empty'], { stdio: 'inherit' })
if (seed.status !== 0) process.exit(seed.status ?? 1)

/** A few natural persons of the demo data, so that 实名核验 as one of them opens their records. */
async function demoPersons(): Promise<DemoPerson[]> {
  const db = await openDb()
  const rows = await db.select({ name: subjects.name, idNumber: subjects.idNumber }).from(subjects)
    .where(and(eq(subjects.kind, 'natural_person'), eq(subjects.idType, '身份证'))).orderBy(subjects.id).limit(5)
  await closeDb()
  return rows.map((row, i) => ({ login: `person${i + 1}`, name: row.name, idNumber: row.idNumber! }))
}

/** The demo provider on OIDC_DEV_PORT, and the portal's OIDC settings for it. */
async function demoIdentityProvider(): Promise<Record<string, string>> {
  const port = Number(process.env.OIDC_DEV_PORT || 3100)
  const issuer = `http://127.0.0.1:${port}`
  const redirectUrl = `http://localhost:${process.env.PORT || process.env.NUXT_PORT || 3000}/api/auth/oidc/callback`
  const client = { clientId: 'credit-portal-dev', clientSecret: randomBytes(24).toString('base64url'), redirectUris: [redirectUrl] }
  const persons = await demoPersons()
  const { handle } = await createIdentityProvider(issuer, persons, [client])
  await new Promise<void>(resolve => createServer(handle).listen(port, '127.0.0.1', resolve))
  process.stderr.write(`演示统一身份认证平台：${issuer}（实名核验时可选：${persons.map(p => p.name).join('、') || '暂无自然人记录'}）\n`)
  return { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: client.clientId, OIDC_CLIENT_SECRET: client.clientSecret, OIDC_REDIRECT_URL: redirectUrl }
}

const oidcEnv = process.env.OIDC_ISSUER ? {} : await demoIdentityProvider()
const nuxt = spawn('npx', ['nuxt', 'dev', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, ...oidcEnv } })
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => nuxt.kill(signal))
nuxt.on('exit', code => process.exit(code ?? 0))
