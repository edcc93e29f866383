import { createHash, randomUUID } from 'node:crypto'
import type { Readable } from 'node:stream'
import { and, eq, isNotNull, or } from 'drizzle-orm'
import type { Storage } from 'unstorage'
import { applications, files } from '../../database/schema'
import type { Database } from '../../utils/db'
import { notFound, refuse } from '../../utils/errors'
import { actorOf, recordAudit } from '../audit'
import { visibleTo } from '../workflow/access'
import type { Actor } from '../workflow/machine'
import { sniffEvidence } from './sniff'
import { verifyContent } from './verify'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export type EvidenceFile = Pick<typeof files.$inferSelect, 'id' | 'name' | 'mime' | 'size'>

/** A file's display name without directories or control characters, at most 100 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001F\u007F]/g, '').trim()
  return (base || '附件').slice(-100)
}

/**
 * Keeps one uploaded file in private storage, unattached until an application or step takes it. The
 * content decides the type: anything but a whole, valid PDF, JPEG or PNG is refused whatever its name says.
 */
export async function saveEvidence(db: Database, storage: Storage, stream: Readable, uploader: Actor, name: string): Promise<EvidenceFile> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  const bytes = Buffer.concat(chunks)
  if (!bytes.length) throw refuse(400, '文件为空，请重新选择', 'file')
  const mime = sniffEvidence(bytes.subarray(0, 16))
  if (!mime) throw refuse(415, '只能上传 PDF、JPG 或 PNG 格式的文件（按文件内容判断，不看扩展名）', 'file')
  await verifyContent(mime, bytes, cleanFileName(name))
  const id = randomUUID()
  await storage.setItemRaw(id, bytes)
  const [row] = await db.insert(files).values({
    id, uploaderId: uploader.id, name: cleanFileName(name), mime, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'),
  }).returning({ id: files.id, name: files.name, mime: files.mime, size: files.size })
  return row!
}

/** A file for the actor to download: its uploader, or whoever may see its application. Every access is logged. */
export async function openEvidence(db: Database, storage: Storage, actor: Actor, id: string) {
  // Not an id at all: the same 404 as a missing file (a malformed UUID would be an error in the query).
  if (!UUID.test(id)) throw notFound('文件')
  // Its uploader's, or attached to an application the actor may see: decided in the query, anyone else finds nothing.
  const [found] = await db.select({ file: files }).from(files).leftJoin(applications, eq(applications.id, files.applicationId))
    .where(and(eq(files.id, id), or(eq(files.uploaderId, actor.id), and(isNotNull(applications.id), visibleTo(actor)))))
  if (!found) throw notFound('文件')
  const { file } = found
  const bytes = await storage.getItemRaw<Buffer>(id)
  if (!bytes) throw notFound('文件')
  await recordAudit(db, { actor: actorOf(actor), action: 'file.read', entity: 'file', entityId: id, detail: { applicationId: file.applicationId } })
  return { file, bytes: Buffer.from(bytes) }
}
