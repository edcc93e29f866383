import { request, type IncomingHttpHeaders } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Client, staff } from '../support/client'
import { mp4File } from '../support/files'
import { missingSecurityHeaders } from '../support/securityHeaders'
import { startServer, type TestServer } from '../support/server'

let server: TestServer
let office: Client

beforeAll(async () => {
  server = await startServer()
  office = await staff(server, 'credit_office', 'office@credit.gov.cn')
})
afterAll(async () => {
  await server?.stop()
})

interface Raw { status: number, headers: IncomingHttpHeaders, body: Buffer }

/** The bytes as they cross the wire: fetch would unpack them and hide the encoding. */
function raw(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    }).on('error', reject).end()
  })
}

function unpacked(reply: Raw): Buffer {
  const encoding = reply.headers['content-encoding']
  if (encoding === 'br') return brotliDecompressSync(reply.body)
  if (encoding === 'gzip') return gunzipSync(reply.body)
  return reply.body
}

const asHeaders = (headers: IncomingHttpHeaders) => new Headers(Object.entries(headers).map(([k, v]): [string, string] => [k, String(v)]))
/** A page differs from the next only by its fresh CSP nonce. */
// What differs between two renders of one page: the CSP nonce and the new visitor's session id in the payload.
const withoutNonce = (html: string) => html.replaceAll(/nonce(="|-)[A-Za-z0-9+/=]+/g, 'nonce$1…').replaceAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
const cookieOf = (client: Client) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')

describe('compression', () => {
  it('sends a page in Brotli when the browser takes it, else gzip, the same page once unpacked', async () => {
    const plain = await raw('/login')
    expect(plain.headers['content-encoding']).toBeUndefined()
    const br = await raw('/login', { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(br.body.length).toBeLessThan(plain.body.length / 2)
    expect(withoutNonce(unpacked(br).toString())).toBe(withoutNonce(plain.body.toString()))
    expect(missingSecurityHeaders(asHeaders(br.headers))).toEqual([])
    const gzip = await raw('/login', { 'accept-encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(withoutNonce(unpacked(gzip).toString())).toBe(withoutNonce(plain.body.toString()))
  })

  it('compresses a JSON answer above 1 KB, not a small one', async () => {
    const path = '/api/admin/commitments/templates'
    const plain = await raw(path, { cookie: cookieOf(office) })
    expect(plain.status).toBe(200)
    expect(plain.body.length).toBeGreaterThan(1024)
    const br = await raw(path, { 'cookie': cookieOf(office), 'accept-encoding': 'br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toMatch(/application\/json/)
    expect(JSON.parse(unpacked(br).toString())).toEqual(JSON.parse(plain.body.toString()))
    expect(missingSecurityHeaders(asHeaders(br.headers))).toEqual([])
    const health = await raw('/api/health', { 'accept-encoding': 'br' })
    expect(health.headers['content-encoding']).toBeUndefined()
  })

  it('leaves byte ranges alone: a 206 holds the file’s own bytes', async () => {
    const video = mp4File(Buffer.from('信用修复培训'.repeat(400)))
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(video)]), '课程.mp4')
    const media = await office.call('POST', '/api/admin/media', form)
    expect(media.status, JSON.stringify(media.body)).toBe(201)
    const part = await raw(media.body.url, { 'range': 'bytes=100-2099', 'accept-encoding': 'gzip, br' })
    expect(part.status).toBe(206)
    expect(part.headers['content-encoding']).toBeUndefined()
    expect(part.headers['content-range']).toBe(`bytes 100-2099/${video.length}`)
    expect(part.body.equals(video.subarray(100, 2100))).toBe(true)
  })

  it('serves the build files precompressed and immutable, the icons for a week', async () => {
    const html = (await raw('/')).body.toString()
    const files = [...html.matchAll(/(?:src|href)="(\/_nuxt\/[^"]+\.(?:js|css))"/g)].map(m => m[1]!)
    expect(files.some(f => f.endsWith('.js')) && files.some(f => f.endsWith('.css'))).toBe(true)
    for (const file of new Set(files)) {
      const plain = await raw(file)
      const br = await raw(file, { 'accept-encoding': 'gzip, deflate, br' })
      expect(br.headers['cache-control'], file).toBe('public, max-age=31536000, immutable')
      if (plain.body.length < 1024) continue
      expect(br.headers['content-encoding'], file).toBe('br')
      expect(br.headers.vary, file).toMatch(/accept-encoding/i)
      expect(unpacked(br).equals(plain.body), file).toBe(true)
    }
    const icon = await raw('/icons/icon.svg')
    expect(icon.status).toBe(200)
    expect(icon.headers['cache-control']).toBe('public, max-age=604800')
  })
})
