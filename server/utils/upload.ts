import type { IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import busboy from 'busboy'
import { createError, type H3Event } from 'h3'

/** INGEST_MAX_UPLOAD_MB lowers or raises the limit (200 MB holds some 400,000 penalty rows). */
export const MAX_UPLOAD_BYTES = Number(process.env.INGEST_MAX_UPLOAD_MB || 200) * 1024 * 1024

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024

/** How long the rest of a refused upload is read and thrown away before the connection is closed. */
const LINGER_MS = 10_000

/**
 * Discards the rest of a refused upload, unparsed, so that the client gets to read the answer (a
 * connection closed while the browser is still sending shows as a reset, not as the 413), and closes
 * the connection if the client is still sending after LINGER_MS: a refused upload costs no more.
 */
function discardRest(request: IncomingMessage): void {
  if (request.complete) return
  const timer = setTimeout(() => request.socket.destroy(), LINGER_MS)
  const done = () => clearTimeout(timer)
  request.once('end', done).once('close', done)
  request.resume()
}

const badBody = (message: string) => createError({ statusCode: 400, message, data: { fields: { file: [message] } } })
const notMultipart = () => badBody('请以 multipart/form-data 上传文件（字段名 file）')
const malformed = () => badBody('上传的内容不完整或格式有误（可能上传中断），请重新选择文件上传')

/**
 * Streams the multipart field `file` to `consume` without holding the upload in memory. The answer
 * waits for the whole body, so a malformed one (cut short, a boundary that never closes, a second
 * file) is a 400 that says so, never a 500. A file over the limit is a 413 that says the limit:
 * before a byte is parsed when the request declares its size, else as soon as the limit is passed;
 * the rest is thrown away unread (see discardRest).
 */
export function withUploadedFile<T>(
  event: H3Event,
  consume: (file: Readable, filename: string) => Promise<T>,
  { maxBytes = MAX_UPLOAD_BYTES, advice = '请拆分后分批上传' } = {},
): Promise<T> {
  const request = event.node.req
  const limit = `${maxBytes / 1024 / 1024}MB`
  const tooLarge = () => createError({ statusCode: 413, message: `文件超过${limit}上限，${advice}`, data: { fields: { file: [`文件超过${limit}上限`] } } })
  if (Number(request.headers['content-length'] ?? 0) > maxBytes + MULTIPART_OVERHEAD) {
    discardRest(request)
    return Promise.reject(tooLarge())
  }
  return new Promise<T>((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({ headers: request.headers, limits: { files: 1, fileSize: maxBytes, fields: 20, parts: 40 }, defParamCharset: 'utf8' })
    }
    catch {
      return reject(notMultipart())
    }
    // The first thing wrong, whether with the body or with the file in it, is the answer.
    let failure: unknown
    const fail = (error: unknown) => { failure ??= error }
    let consumed: Promise<{ value: T } | undefined> = Promise.resolve(undefined)
    let settled = false

    parser.on('file', (name, stream, info) => {
      if (name !== 'file') return stream.resume()
      // Registered before `consume` sees the stream: an error of the body is known as such first.
      stream.on('error', () => fail(malformed()))
      stream.on('limit', () => {
        const error = tooLarge()
        settled = true
        reject(error)
        stream.destroy(error)
        request.unpipe(parser)
        discardRest(request)
      })
      consumed = consume(stream, info.filename ?? '').then(value => ({ value }), (error: unknown) => {
        fail(error)
        return undefined
      })
    })
    parser.on('filesLimit', () => fail(badBody('一次只能上传一个文件（字段名 file）')))
    parser.on('partsLimit', () => fail(malformed()))
    parser.on('fieldsLimit', () => fail(malformed()))
    parser.on('error', () => fail(malformed()))
    parser.on('close', async () => {
      const result = await consumed
      if (settled) return
      if (failure) reject(failure)
      else if (result) resolve(result.value)
      else reject(badBody('未找到上传文件：请使用字段名 file'))
    })
    // A client that goes away mid-upload leaves the parser waiting for an end that never comes.
    request.on('close', () => {
      if (!request.complete) parser.destroy(new Error('request aborted'))
    })
    request.pipe(parser)
  })
}
