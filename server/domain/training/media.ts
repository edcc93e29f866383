import { randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { eq } from 'drizzle-orm'
import { courseMedia } from '../../database/schema'
import type { Database } from '../../utils/db'
import { dataDir } from '../../utils/dataDir'
import { notFound, refuse } from '../../utils/errors'
import { recordAudit } from '../audit'
import { cleanFileName } from '../files/evidence'
import { mp4Duration } from '../files/formats/mp4'
import { withFileSource } from '../files/formats/source'
import { webmDuration } from '../files/formats/webm'
import { verifyContent } from '../files/verify'
import { mediaTypeNames, sniffMedia, type MediaType } from './mediaType'
import { parseRange } from './range'

export type Media = Pick<typeof courseMedia.$inferSelect, 'id' | 'name' | 'mime' | 'size'>

const HEAD_BYTES = 64
const mediaDir = () => join(dataDir(), 'media')
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Checks the type from the first bytes and passes everything through, so a 200 MB video goes to disk
 * as it arrives, never whole in memory. A file of another type is read to its end and thrown away
 * before the 415: answering while the browser is still sending would reset its connection.
 */
function sniffing(onType: (type: MediaType) => void): Transform {
  let head = Buffer.alloc(0)
  let known = false
  let refused: Error | undefined
  const decide = (transform: Transform) => {
    const type = sniffMedia(head)
    if (!type) {
      refused = refuse(415, `只能上传${mediaTypeNames}（按文件内容判断，不看扩展名）`, 'file')
      return
    }
    known = true
    onType(type)
    transform.push(head)
  }
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (known) return done(null, chunk)
      if (refused) return done()
      head = Buffer.concat([head, chunk])
      if (head.length >= HEAD_BYTES) decide(this)
      done()
    },
    flush(done) {
      if (!known && !refused) {
        if (!head.length) return done(refuse(400, '文件为空，请重新选择', 'file'))
        decide(this)
      }
      done(refused)
    },
  })
}

/** A video's length as its header states it, whole seconds (lesson completion needs it); null otherwise. */
async function videoDuration(mime: MediaType, path: string): Promise<number | null> {
  const read = mime === 'video/mp4' ? mp4Duration : mime === 'video/webm' ? webmDuration : null
  // The file passed its check already: a header that states its length oddly just states none.
  const seconds = read && await withFileSource(path, read).catch(() => null)
  return seconds ? Math.round(seconds) : null
}

/** Keeps one lesson image or video under DATA_DIR/media/<id>; it is public teaching material once used. */
export async function saveMedia(db: Database, stream: Readable, uploader: { id: number }, actor: string, name: string): Promise<Media> {
  await mkdir(mediaDir(), { recursive: true })
  const id = randomUUID()
  const partial = join(mediaDir(), `${id}.part`)
  let mime: MediaType | undefined
  let size = 0
  let durationSeconds: number | null = null
  const counter = new Transform({ transform(chunk: Buffer, _e, done) { size += chunk.length; done(null, chunk) } })
  try {
    await pipeline(stream, sniffing((type) => { mime = type }), counter, createWriteStream(partial))
    // busboy ends the stream (without an error) when the size limit cuts it; the route answers 413.
    if ((stream as Readable & { truncated?: boolean }).truncated) throw refuse(413, '文件过大', 'file')
    // The first bytes chose the type; the whole file, on disk now, must be one of it.
    await verifyContent(mime!, partial, cleanFileName(name))
    durationSeconds = await videoDuration(mime!, partial)
    await rename(partial, join(mediaDir(), id))
  }
  catch (error) {
    await unlink(partial).catch(() => {})
    throw error
  }
  const [row] = await db.transaction(async (tx) => {
    const inserted = await tx.insert(courseMedia).values({ id, name: cleanFileName(name), mime: mime!, size, durationSeconds, uploaderId: uploader.id })
      .returning({ id: courseMedia.id, name: courseMedia.name, mime: courseMedia.mime, size: courseMedia.size })
    await recordAudit(tx, { actor, action: 'media.upload', entity: 'media', entityId: id, detail: { mime, size } })
    return inserted
  })
  return row!
}

export type MediaRead =
  | { status: 200 | 206, mime: string, size: number, start: number, end: number, stream: () => Readable }
  | { status: 416, size: number }

/** A stored file, whole or the one byte range asked for (video players seek with ranges). */
export async function openMedia(db: Database, id: string, rangeHeader: string | undefined): Promise<MediaRead> {
  if (!UUID.test(id)) throw notFound('文件')
  const [media] = await db.select().from(courseMedia).where(eq(courseMedia.id, id))
  const path = join(mediaDir(), id)
  const file = media && await stat(path).catch(() => null)
  if (!media || !file) throw notFound('文件')
  const range = parseRange(rangeHeader, file.size)
  if (range === 'unsatisfiable') return { status: 416, size: file.size }
  const start = range?.start ?? 0
  const end = range?.end ?? file.size - 1
  return {
    status: range ? 206 : 200, mime: media.mime, size: file.size, start, end,
    // An empty file has no byte to read: createReadStream with end -1 would read it all.
    stream: () => createReadStream(path, file.size ? { start, end } : { start: 0, end: -1 }),
  }
}
