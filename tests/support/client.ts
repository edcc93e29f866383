import { exe, pdfFile, pngFile } from './files'
import type { TestServer } from './server'

export interface Reply<T = any> { status: number, body: T, headers: Headers }

/** An HTTP client with one cookie jar: one signed-in person, as a browser would hold the session. */
export class Client {
  cookies = new Map<string, string>()
  constructor(readonly server: TestServer) {}

  async call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const init: RequestInit = { method, headers: { ...headers, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }, redirect: 'manual' }
    // FormData, or raw bytes sent as they are (a hand-made multipart body, with its own content-type).
    if (body instanceof FormData) init.body = body
    else if (body instanceof Uint8Array) init.body = new Uint8Array(body)
    else if (body !== undefined) {
      init.body = JSON.stringify(body)
      ;(init.headers as Record<string, string>)['content-type'] = 'application/json'
    }
    const response = await fetch(`${this.server.url}${path}`, init)
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [name, value] = pair!.split('=') as [string, string]
      if (value) this.cookies.set(name, value)
      else this.cookies.delete(name)
    }
    const type = response.headers.get('content-type') ?? ''
    const parsed = type.includes('json') ? await response.json() : Buffer.from(await response.arrayBuffer())
    return { status: response.status, body: parsed as T, headers: response.headers }
  }

  get = <T = any>(path: string) => this.call<T>('GET', path)
  post = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => this.call<T>('POST', path, body ?? {}, headers)

  /** Uploads one evidence file and returns its id (or the whole reply when refused). */
  async upload(bytes: Uint8Array, name: string): Promise<Reply> {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)]), name)
    return this.call('POST', '/api/files', form)
  }
}

export const STRONG_PASSWORD = 'Chaoyang#2026'

/** A new account, signed in as the sign-up page does it: sign up, then log in with the password chosen. */
export async function signedUp(server: TestServer, account: string, name = '张经办'): Promise<Client> {
  const client = new Client(server)
  const reply = await client.post('/api/auth/signup', { account, name, password: STRONG_PASSWORD })
  if (reply.status !== 200) throw new Error(`sign-up failed: ${JSON.stringify(reply.body)}`)
  const login = await client.post('/api/auth/login', { account, password: STRONG_PASSWORD })
  if (login.status !== 200) throw new Error(`login after sign-up failed: ${JSON.stringify(login.body)}`)
  return client
}

/** A staff account made by the CLI (as the first admin is), signed in. */
export async function staff(server: TestServer, role: string, account: string, department?: string): Promise<Client> {
  const made = await server.cli('scripts/user.ts', ['--role', role, '--account', account, '--name', `测试${role}`, '--password', STRONG_PASSWORD, ...(department ? ['--department', department] : [])])
  if (made.status !== 0) throw new Error(`user ${account}: ${made.stderr}`)
  const client = new Client(server)
  const reply = await client.post('/api/auth/login', { account, password: STRONG_PASSWORD })
  if (reply.status !== 200) throw new Error(`login failed: ${JSON.stringify(reply.body)}`)
  return client
}

/** Small real files of each evidence type (checked whole by the server), and a Windows program pretending to be a PDF. */
export const samples = { png: await pngFile(), pdf: await pdfFile(), exe }

/** A signed-up person whose claim to act for `creditCode` the credit office has approved. */
export async function agentOf(server: TestServer, office: Client, account: string, creditCode: string, name = '张经办'): Promise<Client> {
  const agent = await signedUp(server, account, name)
  const licence = await agent.upload(samples.png, '营业执照.png')
  const claim = await agent.post('/api/claims', { creditCode, isLegalRepresentative: true, contactPhone: '13800138000', businessLicenceFileId: licence.body.id, requestKey: `claim-${account}` })
  if (claim.status !== 201) throw new Error(`claim failed: ${JSON.stringify(claim.body)}`)
  const approved = await office.post(`/api/applications/${claim.body.id}/actions`, { action: 'approve', version: 0 })
  if (approved.status !== 200) throw new Error(`approval failed: ${JSON.stringify(approved.body)}`)
  return agent
}
