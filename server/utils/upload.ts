import type { IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import busboy from 'busboy'
import { createError } from 'h3'

/** INGEST_MAX_UPLOAD_MB lowers or raises the limit (200 MB holds some 400,000 penalty rows). */
export const MAX_UPLOAD_BYTES = Number(process.env.INGEST_MAX_UPLOAD_MB || 200) * 1024 * 1024

/**
 * Streams the multipart field `file` to `consume` without holding the upload in memory; an upload
 * over the limit is cut off with a 413 that says the limit.
 */
export function withUploadedFile<T>(
  request: IncomingMessage,
  consume: (file: Readable, filename: string) => Promise<T>,
  { maxBytes = MAX_UPLOAD_BYTES, advice = '请拆分后分批上传' } = {},
): Promise<T> {
  const tooLarge = () => createError({ statusCode: 413, message: `文件超过${maxBytes / 1024 / 1024}MB上限，${advice}`, data: { fields: { file: [`文件超过${maxBytes / 1024 / 1024}MB上限`] } } })
  // Refused before a byte is read when the size is declared; otherwise cut off when it passes the limit.
  if (Number(request.headers['content-length'] ?? 0) > maxBytes + 64 * 1024) return Promise.reject(tooLarge())
  return new Promise<T>((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({ headers: request.headers, limits: { files: 1, fileSize: maxBytes }, defParamCharset: 'utf8' })
    }
    catch {
      return reject(createError({ statusCode: 400, message: '请以 multipart/form-data 上传文件（字段名 file）' }))
    }
    let handled = false
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') return stream.resume()
      handled = true
      stream.on('limit', () => {
        const error = tooLarge()
        reject(error)
        stream.destroy(error)
      })
      consume(stream, info.filename ?? '').then(resolve, reject)
    })
    parser.on('error', reject)
    parser.on('close', () => {
      if (!handled) reject(createError({ statusCode: 400, message: '未找到上传文件：请使用字段名 file', data: { fields: { file: ['请选择要上传的文件'] } } }))
    })
    request.pipe(parser)
  })
}
