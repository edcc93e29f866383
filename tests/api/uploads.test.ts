import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, signedUp, staff } from '../support/client'
import { craftedEvidence, craftedMedia, jpegFile, mp4File, pdfFile, pngFile, webmFile, webpFile } from '../support/files'
import { MARKET } from '../support/rows'
import { startServer, type TestServer } from '../support/server'

/**
 * Uploads are what they claim to be (issue 12, section 5), and a malformed or oversized upload is told
 * as such (section 4): through the routes, as a browser or a department's system sends them.
 */

let server: TestServer
let user: Client
let office: Client
let departmentKey: string
let marketId: number

const form = (bytes: Uint8Array, name: string) => {
  const data = new FormData()
  data.append('file', new Blob([new Uint8Array(bytes)]), name)
  return data
}
const uploadMedia = (bytes: Uint8Array, name: string) => office.call('POST', '/api/admin/media', form(bytes, name))

beforeAll(async () => {
  server = await startServer()
  user = await signedUp(server, 'agent@xinda.example.com', '张经办')
  office = await staff(server, 'credit_office', 'office@credit.gov.cn')
  departmentKey = (await server.cli('scripts/department-key.ts', [MARKET.creditCode])).stdout.trim().split('\n').at(-1)!
  marketId = (await office.get('/api/admin/departments')).body.items.find((d: { creditCode: string }) => d.creditCode === MARKET.creditCode).id
})
afterAll(async () => {
  await server?.stop()
})

describe('evidence (POST /api/files) is checked whole', () => {
  it('keeps real PNG, JPEG and PDF files', async () => {
    for (const [bytes, name, mime] of [[await pngFile(), '营业执照.png', 'image/png'], [await jpegFile(), '现场照片.jpg', 'image/jpeg'], [await pdfFile(2), '授权委托书.pdf', 'application/pdf']] as const) {
      const reply = await user.upload(bytes, name)
      expect(reply.status, JSON.stringify(reply.body)).toBe(200)
      expect(reply.body).toMatchObject({ mime, name, size: bytes.length })
    }
  })

  it('refuses, with a 415 naming the file, every crafted file: a valid header before HTML or a program, HTML after a valid file, a header alone, a cut file', async () => {
    for (const crafted of await craftedEvidence()) {
      const reply = await user.upload(crafted.bytes, crafted.name)
      expect(reply.status, `${crafted.why}: ${JSON.stringify(reply.body)}`).toBe(415)
      expect(reply.body.data.fields.file[0], crafted.why).toMatch(new RegExp(`^「${crafted.name}」的内容与(PDF|JPG|PNG)格式不符|^只能上传 PDF、JPG 或 PNG`))
    }
  })
})

describe('lesson media (POST /api/admin/media) are checked whole', () => {
  it('keeps real WebP, MP4 and WebM files', async () => {
    for (const [bytes, name, mime] of [[await webpFile(), '封面.webp', 'image/webp'], [mp4File(), '讲解.mp4', 'video/mp4'], [webmFile({ live: true }), '录屏.webm', 'video/webm']] as const) {
      const reply = await uploadMedia(bytes, name)
      expect(reply.status, JSON.stringify(reply.body)).toBe(201)
      expect(reply.body).toMatchObject({ mime, size: bytes.length })
    }
  })

  it('refuses every crafted file with a 415 and keeps none of them', async () => {
    for (const crafted of await craftedMedia()) {
      const reply = await uploadMedia(crafted.bytes, crafted.name)
      expect(reply.status, `${crafted.why}: ${JSON.stringify(reply.body)}`).toBe(415)
    }
  })
})

/** Sends the headers and 64 KB of a body declared much larger, and waits for the answer. */
function declaredOversize(path: string, headers: Record<string, string>, declaredBytes: number): Promise<{ status: number, ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const sent = request(`${server.url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'multipart/form-data; boundary=XyZ', 'content-length': String(declaredBytes) } })
    sent.on('response', (response) => {
      response.resume()
      resolve({ status: response.statusCode!, ms: performance.now() - started })
      sent.destroy()
    })
    sent.on('error', reject)
    sent.write(Buffer.alloc(64 * 1024))
  })
}

describe('an upload declared larger than the limit', () => {
  it('is a 413 at once, before its body is read', async () => {
    const cookie = (client: Client) => ({ cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') })
    for (const [path, headers, declared] of [['/api/files', cookie(user), 11 * 1024 * 1024], ['/api/admin/media', cookie(office), 300 * 1024 * 1024]] as const) {
      const { status, ms } = await declaredOversize(path, headers, declared)
      expect(status, path).toBe(413)
      expect(ms, path).toBeLessThan(2000)
    }
  })
})

describe('a malformed multipart body is a 400 that says so, on every multipart route', () => {
  const boundary = 'XyZ'
  const part = (disposition: string, content: Buffer | string) => Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: application/octet-stream\r\n\r\n`), Buffer.from(content), Buffer.from('\r\n')])
  const end = Buffer.from(`--${boundary}--\r\n`)
  const csv = '行政相对人名称,统一社会信用代码\r\n朝阳县盛达房地产开发有限责任公司,91211300MA0Y2K3L8X\r\n'
  const filePart = part('form-data; name="file"; filename="a.csv"', csv)
  const bodies: { name: string, type: string, body: Buffer, message: RegExp }[] = [
    { name: 'no boundary', type: 'multipart/form-data', body: Buffer.concat([filePart, end]), message: /multipart\/form-data/ },
    { name: 'no body at all', type: `multipart/form-data; boundary=${boundary}`, body: Buffer.alloc(0), message: /不完整或格式有误/ },
    { name: 'a body cut in the middle of the file', type: `multipart/form-data; boundary=${boundary}`, body: filePart.subarray(0, filePart.length - 20), message: /不完整或格式有误/ },
    { name: 'a boundary that never closes', type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([filePart, Buffer.from(`--${boundary}\r\nContent-Disposition: form-da`)]), message: /不完整或格式有误/ },
    { name: 'a part without a name', type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([part('form-data; filename="a.csv"', csv), end]), message: /未找到上传文件/ },
    { name: 'two file fields', type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([filePart, filePart, end]), message: /一次只能上传一个文件/ },
  ]
  const routes = [
    { path: '/api/files', as: () => user, headers: () => ({}) },
    { path: '/api/admin/media', as: () => office, headers: () => ({}) },
    { path: '/api/admin/ingest?department=', as: () => office, headers: () => ({}) },
    { path: '/api/ingest', as: () => new Client(server), headers: () => ({ authorization: `Bearer ${departmentKey}` }) },
  ]

  it.each(routes)('POST $path', async (route) => {
    const path = route.path.endsWith('=') ? `${route.path}${marketId}` : route.path
    for (const { name, type, body, message } of bodies) {
      const reply = await route.as().call('POST', path, body, { 'content-type': type, ...route.headers() })
      expect(reply.status, `${name}: ${JSON.stringify(reply.body)}`).toBe(400)
      // An ingest answers for the rows it read before it found the second file: the refusal is what matters there.
      if (!(name === 'two file fields' && path.includes('ingest'))) expect(reply.body.message, name).toMatch(message)
    }
  })
})
