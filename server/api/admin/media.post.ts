import { mediaMaxBytes } from '../../../config/training'
import { actorOf } from '../../domain/audit'
import { saveMedia } from '../../domain/training/media'
import { officeRoles } from '../../../shared/roles'

/** A lesson image or video (multipart field `file`), typed by its content, streamed to disk. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event, officeRoles)
  const { db } = await usePlatform()
  const media = await withUploadedFile(event, (file, name) => saveMedia(db, file, user, actorOf(user), name), { maxBytes: mediaMaxBytes, advice: '请压缩后再上传' })
  setResponseStatus(event, 201)
  return { ...media, url: `/api/media/${media.id}` }
})
