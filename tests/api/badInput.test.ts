import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, signedUp, staff } from '../support/client'
import { MARKET, penaltyRow } from '../support/rows'
import { startServer, type TestServer } from '../support/server'

/**
 * Bad input is a 400 that names the field, never a 500 (issue 12, section 4): a NUL byte, or another
 * control character, in every text input of every route, and ids that are not ids. The routes are
 * data: a new route with text input gets a line here.
 */

const NUL = 'a\u0000b'
type Who = 'anonymous' | 'user' | 'office' | 'admin'

/** A query or body field; `body` gives the rest of the request when the field is nested or needs company. */
interface TextInput { who: Who, method: 'GET' | 'POST' | 'PUT', path: string, field: string, body?: (value: string) => unknown }

const queryInputs: TextInput[] = [
  ...['q', 'department'].map(field => ({ who: 'anonymous' as const, method: 'GET' as const, path: '/api/search', field })),
  ...['q', 'department'].map(field => ({ who: 'anonymous' as const, method: 'GET' as const, path: '/api/commitments', field })),
  { who: 'office', method: 'GET', path: '/api/admin/applications', field: 'q' },
  ...['actor', 'action', 'entity'].map(field => ({ who: 'admin' as const, method: 'GET' as const, path: '/api/admin/audit', field })),
]

const fields = (path: string, who: Who, names: string[], method: 'POST' | 'PUT' = 'POST'): TextInput[] => names.map(field => ({ who, method, path, field }))

const bodyInputs: TextInput[] = [
  ...fields('/api/auth/login', 'anonymous', ['account', 'password']),
  ...fields('/api/auth/signup', 'anonymous', ['account', 'name', 'password']),
  ...fields('/api/auth/reset-request', 'anonymous', ['account']),
  ...fields('/api/auth/reset', 'anonymous', ['token', 'account', 'password']),
  ...fields('/api/claims', 'user', ['creditCode', 'contactPhone', 'requestKey']),
  ...fields('/api/objections', 'user', ['description', 'requestedCorrection', 'contactName', 'contactPhone', 'requestKey']),
  ...fields('/api/repairs', 'user', ['measures', 'contactName', 'contactPhone', 'certificateNumber', 'requestKey']),
  { who: 'user', method: 'POST', path: '/api/repairs', field: 'documentFileIds', body: value => ({ documentFileIds: { [value]: '0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d' } }) },
  { who: 'user', method: 'POST', path: '/api/registrations', field: 'fields.name', body: value => ({ fields: { name: value } }) },
  { who: 'user', method: 'POST', path: '/api/registrations', field: 'fields', body: value => ({ fields: { [value]: '食品经营许可证' } }) },
  ...fields('/api/registrations', 'user', ['requestKey']),
  ...fields('/api/commitments', 'user', ['matter', 'signature', 'requestKey']),
  ...fields('/api/applications/1/actions', 'user', ['action', 'reason']),
  { who: 'user', method: 'POST', path: '/api/applications/1/actions', field: 'corrections.title', body: value => ({ action: 'approve', corrections: { title: value } }) },
  ...fields('/api/admin/courses', 'office', ['title', 'summary']),
  ...fields('/api/admin/courses/1', 'office', ['title', 'summary'], 'PUT'),
  ...fields('/api/admin/courses/1/lessons', 'office', ['title', 'body', 'videoId']),
  ...fields('/api/admin/courses/1/lessons/1', 'office', ['title', 'body'], 'PUT'),
  ...fields('/api/admin/courses/1/questions', 'office', ['text']),
  { who: 'office', method: 'POST', path: '/api/admin/courses/1/questions', field: 'options.0', body: value => ({ text: '失信惩戒的依据是什么', options: [value, '依据二'] }) },
  ...fields('/api/admin/commitments/templates', 'office', ['domain', 'title', 'matter', 'content', 'liability']),
  ...fields('/api/admin/commitments/templates/1', 'office', ['title', 'matter', 'content', 'liability'], 'PUT'),
  ...fields('/api/admin/commitments/drafts', 'office', ['creditCode', 'matter']),
  ...fields('/api/admin/commitments/1/fulfilment', 'office', ['note']),
  ...fields('/api/admin/users', 'admin', ['account', 'name', 'password']),
  ...fields('/api/admin/departments/1/keys', 'admin', ['label']),
  { who: 'admin', method: 'PUT', path: '/api/admin/departments/1/repair-requirements', field: 'documents.0', body: value => ({ documents: [value] }) },
]

/** Routes whose path holds an id, a code or a number: `{}` is where the bad value goes. */
const pathInputs: { who: Who, path: string }[] = [
  ...['/api/commitments/{}', '/api/commitments/{}/pdf', '/api/certificates/{}', '/api/media/{}', '/api/records/{}',
    '/api/subjects/{}', '/api/subjects/{}/commitments', '/api/subjects/{}/registrations',
    '/api/training/courses/{}', '/api/training/lessons/{}'].map(path => ({ who: 'anonymous' as const, path })),
  ...['/api/files/{}', '/api/applications/{}', '/api/applications/{}/decision.pdf', '/api/me/records/{}', '/api/me/commitment-drafts/{}',
    '/api/me/subjects/{}/records', '/api/me/subjects/{}/repair', '/api/me/subjects/{}/registrations', '/api/training/attempts/{}'].map(path => ({ who: 'user' as const, path })),
  ...['/api/admin/courses/{}'].map(path => ({ who: 'office' as const, path })),
]
/** As sent on the wire: a NUL, a NUL after digits, a number too big for any id, a broken escape, and text. */
const badPathValues = ['a%00b', '1%00', '%00', '99999999999999999999999', '%E0%A4%A', '-1', 'abc']

let server: TestServer
const clients = {} as Record<Who, Client>

beforeAll(async () => {
  server = await startServer()
  clients.anonymous = new Client(server)
  clients.user = await signedUp(server, 'citizen@example.com', '李市民')
  clients.office = await staff(server, 'credit_office', 'office@credit.gov.cn')
  clients.admin = await staff(server, 'admin', 'admin@credit.gov.cn')
  // Course 1, so that its lessons' routes get as far as reading the body.
  expect((await clients.office.post('/api/admin/courses', { title: '信用修复培训' })).status).toBe(201)
})
afterAll(async () => {
  await server?.stop()
})

const controlMessage = (field: string) => `「${field}」含有无法识别的控制字符，请删除后重试`

describe('a control character in any text input is a 400 naming the field', () => {
  it.each(queryInputs)('$method $path ?$field', async ({ who, path, field }) => {
    for (const value of [NUL, 'a\u001Bb', '\u0007']) {
      const reply = await clients[who].get(`${path}?${field}=${encodeURIComponent(value)}`)
      expect(reply.status, JSON.stringify(reply.body)).toBe(400)
      expect(reply.body.data.fields[field]).toContain(controlMessage(field))
    }
  })

  it.each(bodyInputs)('$method $path { $field }', async ({ who, method, path, field, body }) => {
    const reply = await clients[who].call(method, path, body ? body(NUL) : { [field]: NUL })
    expect(reply.status, JSON.stringify(reply.body)).toBe(400)
    expect(reply.body.data.fields[field], JSON.stringify(reply.body.data.fields)).toContain(controlMessage(field))
  })

  it('keeps tabs and line breaks, which people do type', async () => {
    const reply = await clients.anonymous.get(`/api/commitments?q=${encodeURIComponent('食品\t经营\r\n许可')}`)
    expect(reply.status).not.toBe(400)
  })
})

describe('an id, code or number in a path that is not one is a 400 or a 404, never a 500', () => {
  it.each(pathInputs)('GET $path', async ({ who, path }) => {
    for (const value of badPathValues) {
      const reply = await clients[who].get(path.replace('{}', value))
      expect([400, 404], `${path} with ${value}: ${reply.status} ${JSON.stringify(reply.body)}`).toContain(reply.status)
    }
  })
})

describe('department ingest over JSON', () => {
  it('refuses a department row whose text holds a NUL as damaged text, naming the column, and keeps the good row: never a 500', async () => {
    const key = (await server.cli('scripts/department-key.ts', [MARKET.creditCode])).stdout.trim().split('\n').at(-1)!
    const response = await fetch(`${server.url}/api/ingest`, {
      method: 'POST', headers: { 'authorization': `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'penalty', records: [penaltyRow({ 行政相对人名称: `朝阳${NUL}公司` }), penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕77号' })] }),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      accepted: 1, rejected: 1,
      errors: [{ row: 1, field: '行政相对人名称', reason: '行政相对人名称含有无法识别的字符（文件编码损坏），请检查文件后重新报送' }],
    })
  })
})
