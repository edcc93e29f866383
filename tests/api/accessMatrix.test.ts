import { readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, addMonths, todayInChina } from '../../shared/utils/dates'
import { signInCast, type Cast } from '../support/cast'
import { Client, samples, signedUp, staff, STRONG_PASSWORD } from '../support/client'
import { ingestAccepted } from '../support/ingest'
import { COMPANY, MARKET, OTHER, penaltyRow } from '../support/rows'
import { missingSecurityHeaders } from '../support/securityHeaders'
import { startServer, type TestServer } from '../support/server'
import { signaturePng } from '../support/signature'
import { trained } from '../support/training'
import { accessMatrix, roles, type Fixtures, type Probe, type Role } from './accessMatrix.routes'

/**
 * Issue 12 §7: every route under server/api × six roles, each answer compared with the one written
 * down in accessMatrix.routes.ts. The six call each route at the same time, as six people would.
 * PRINT_MATRIX=1 prints what the server answered.
 */

const methods = new Set(['get', 'post', 'put', 'patch', 'delete', 'head'])

/** `records/[id].get.ts` → `GET /api/records/[id]`; `index` names no segment; no method suffix serves every method. */
function routeOf(file: string): string {
  const segments = file.replace(/\.[cm]?[jt]s$/, '').split('/')
  const parts = segments.pop()!.split('.')
  const method = methods.has(parts.at(-1)!) ? parts.pop()!.toUpperCase() : 'ALL'
  const name = parts.join('.')
  if (name !== 'index') segments.push(name)
  return `${method} ${['/api', ...segments].join('/')}`
}

const routeFiles = () => readdirSync('server/api', { recursive: true, encoding: 'utf8' })
  .filter(file => /\.[cm]?[jt]s$/.test(file) && !file.endsWith('.d.ts'))
  .map(file => routeOf(file.replaceAll('\\', '/')))

// The matrix calls hundreds of routes from one address: no rate limit may answer in place of the route.
const unthrottled = { SEARCH_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT_ACCOUNT: '100000', LOGIN_RATE_LIMIT_CLIENT: '100000' }

const accounts: Record<Exclude<Role, 'anonymous'>, string> = {
  public: 'citizen@example.com',
  otherAgent: 'agent@hongyuan.example.com',
  otherReviewer: 'reviewer@tax.gov.cn',
  office: 'office@credit.gov.cn',
  admin: 'admin@credit.gov.cn',
}

/** Text that only COMPANY's non-public items hold (with their ids, once made): no outsider's successful answer contains any. */
const secrets = {
  objection: '矩阵核对：罚款金额登记有误，实际为一万元',
  repair: '矩阵核对：已缴清罚款，整改报告见附件',
  commitment: '矩阵核对不可公开承诺事由',
  draft: '矩阵核对承诺草稿事由',
}
const outsiders: readonly Role[] = ['anonymous', 'public', 'otherAgent', 'otherReviewer']

let server: TestServer
let cast: Cast
let fixtures: Fixtures
let hidden: string[]
const clients = {} as Record<Role, Client>
const observed = new Map<string, string[]>()

async function makeFixtures(): Promise<Fixtures> {
  const { office, marketReviewer, agent } = cast
  const subject = (await agent.get('/api/me')).body.subjects[0].id as number
  const own = (await agent.get(`/api/me/subjects/${subject}/records`)).body.records as { id: number, documentNumber: string }[]
  const recordOf = (n: string) => own.find(r => r.documentNumber === `朝市监罚〔2026〕${n}号`)!.id

  const evidence = (await agent.upload(samples.png, '缴款凭证.png')).body.id as string
  const objection = await agent.post('/api/objections', {
    recordId: recordOf('901'), reason: 'wrong_information', description: secrets.objection,
    contactName: '张经办', contactPhone: '13800138000', fileIds: [evidence], requestKey: 'matrix-fixture-objection',
  })
  expect(objection.status, JSON.stringify(objection.body)).toBe(201)

  const training = await trained(office, agent, subject)
  const proof = (await agent.upload(samples.pdf, '罚款缴纳凭证.pdf')).body.id as string
  const repair = await agent.post('/api/repairs', {
    subjectId: subject, recordIds: [recordOf('902')], measures: secrets.repair, proofFileIds: [proof], certificateNumber: training.certificate,
    commitmentConfirmed: true, signature: signaturePng(2), contactName: '张经办', contactPhone: '13800138000', requestKey: 'matrix-fixture-repair',
  })
  expect(repair.status, JSON.stringify(repair.body)).toBe(201)
  expect((await office.post(`/api/applications/${repair.body.id}/actions`, { action: 'accept', version: 0 })).status).toBe(200)
  const approved = await marketReviewer.post(`/api/applications/${repair.body.id}/actions`, { action: 'approve', version: 1, reason: '已履行义务，同意修复' })
  expect(approved.status, JSON.stringify(approved.body)).toBe(200)

  const options = (await agent.get(`/api/me/subjects/${subject}/commitment-options`)).body
  const market = options.departments.find((d: { name: string }) => d.name === MARKET.name).id as number
  const template = options.templates[0].id as number
  const commitment = await agent.post('/api/commitments', {
    subjectId: subject, templateId: template, matter: secrets.commitment, acceptingDepartmentId: market, judgingDepartmentId: market,
    disclosure: 'private', signature: signaturePng(1), requestKey: 'matrix-fixture-commitment',
  })
  expect(commitment.status, JSON.stringify(commitment.body)).toBe(201)
  const draft = await marketReviewer.post('/api/admin/commitments/drafts', {
    creditCode: COMPANY.creditCode, templateId: template, matter: secrets.draft, acceptingDepartmentId: market, judgingDepartmentId: market, disclosure: 'private',
  })
  expect(draft.status, JSON.stringify(draft.body)).toBe(201)

  const question = (await office.get(`/api/admin/courses/${training.courseId}`)).body.questions[0].id as number
  const image = new FormData()
  image.append('file', new Blob([new Uint8Array(samples.png)]), '示意图.png')
  const media = await office.call('POST', '/api/admin/media', image)
  expect(media.status, JSON.stringify(media.body)).toBe(201)

  let made = 0
  return {
    market, subject, record: recordOf('901'), objection: objection.body.id, evidence,
    repair: repair.body.id,
    commitment: { id: commitment.body.id, code: commitment.body.code }, draft: draft.body.id, template,
    course: training.courseId, lesson: training.lessonId, question, attempt: training.attemptId, certificate: training.certificate, media: media.body.id,
    freshLesson: async () => (await office.post(`/api/admin/courses/${training.courseId}/lessons`, { title: `待删除章节${++made}` })).body.id,
    freshKey: async () => {
      const label = `待停用密钥${++made}`
      await office.post(`/api/admin/departments/${market}/keys`, { label })
      const directory = (await office.get('/api/admin/departments')).body.items as { id: number, keys: { id: number, label: string }[] }[]
      return directory.find(d => d.id === market)!.keys.find(k => k.label === label)!.id
    },
  }
}

/** What the role got: the status, or the status and the secret its answer gave away. */
async function answerOf(client: Client, role: Role, route: string, probe: Probe): Promise<string> {
  const path = typeof probe.path === 'function' ? await probe.path(fixtures, role) : probe.path
  const body = typeof probe.body === 'function' ? probe.body(fixtures) : probe.body
  const method = route.split(' ')[0]!
  const reply = await client.call(method === 'ALL' ? 'GET' : method, path, body)
  const missing = missingSecurityHeaders(reply.headers)
  if (missing.length) return `${reply.status} without ${missing.join(', ')}`
  if (reply.status < 300 && outsiders.includes(role)) {
    const text = Buffer.isBuffer(reply.body) ? reply.body.toString('utf8') : JSON.stringify(reply.body)
    const leaked = hidden.find(secret => text.includes(secret))
    if (leaked) return `${reply.status} revealing “${leaked}”`
  }
  return String(reply.status)
}

/**
 * A row that ends a session runs on a session signed in for it alone, so the matrix's sessions live on;
 * the cookie that session held must be refused afterwards (sign-out ends the session on the server).
 */
async function onOwnSession(role: Role, route: string, probe: Probe): Promise<string> {
  const client = new Client(server)
  if (role === 'anonymous') return answerOf(client, role, route, probe)
  const login = await client.post('/api/auth/login', { account: accounts[role], password: STRONG_PASSWORD })
  if (login.status !== 200) throw new Error(`login of ${role} failed: ${JSON.stringify(login.body)}`)
  const saved = new Client(server)
  saved.cookies = new Map(client.cookies)
  const answer = await answerOf(client, role, route, probe)
  return (await saved.get('/api/me')).status === 401 ? answer : `${answer}, its old cookie still signed in`
}

describe('access matrix: the table', () => {
  it('has one entry for every route file under server/api, and none for a route that is gone', () => {
    const files = routeFiles()
    expect({
      withoutEntry: files.filter(route => !(route in accessMatrix)).sort(),
      withoutRouteFile: Object.keys(accessMatrix).filter(route => !files.includes(route)).sort(),
    }).toEqual({ withoutEntry: [], withoutRouteFile: [] })
  })
})

describe('access matrix: route × role', () => {
  beforeAll(async () => {
    server = await startServer(unthrottled)
    // COMPANY's records (one to object to, one old enough to repair); OTHER's, so that it can be claimed.
    const today = todayInChina()
    await ingestAccepted(server, MARKET.creditCode, 'penalty', [
      penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕901号', 处罚决定日期: addDays(today, -15) }),
      penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕902号', 处罚决定日期: addMonths(today, -4), 失信严重程度: '一般' }),
      penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕903号', 行政相对人名称: OTHER.name, 统一社会信用代码: OTHER.creditCode }),
    ])
    // One after the other: a CLI run talks to the embedded database beside the server (see openEmbedded).
    cast = await signInCast(server)
    const admin = await staff(server, 'admin', accounts.admin)
    const citizen = await signedUp(server, accounts.public, '李市民')
    Object.assign(clients, { anonymous: new Client(server), public: citizen, otherAgent: cast.otherAgent, otherReviewer: cast.taxReviewer, office: cast.office, admin })
    fixtures = await makeFixtures()
    hidden = [...Object.values(secrets), fixtures.evidence, fixtures.commitment.code]
  })
  afterAll(async () => {
    if (process.env.PRINT_MATRIX) {
      const width = Math.max(...[...observed.keys()].map(r => r.length))
      console.log([`${''.padEnd(width)}  ${roles.join(' ')}`, ...[...observed].map(([route, cells]) => `${route.padEnd(width)}  ${cells.join(' ')}`)].join('\n'))
    }
    console.log(`access matrix: ${observed.size} routes × ${roles.length} roles = ${observed.size * roles.length} pairs`)
    await server?.stop()
  })

  // Rows that end a session run last, each role on a session signed in for that row alone.
  const rows = Object.entries(accessMatrix).sort(([, a], [, b]) => Number(!!a.endsSession) - Number(!!b.endsSession))
  it.each(rows)('%s', async (route, probe) => {
    const answers = await Promise.all(roles.map(role => probe.endsSession ? onOwnSession(role, route, probe) : answerOf(clients[role], role, route, probe)))
    observed.set(route, answers)
    expect(Object.fromEntries(roles.map((role, i) => [role, answers[i]]))).toEqual(Object.fromEntries(roles.map((role, i) => [role, String(probe.expect[i])])))
  })
})
