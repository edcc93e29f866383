import { evidenceMaxBytes } from '../../../config/uploads'
import { saveEvidence } from '../../domain/files/evidence'

/** One evidence file (multipart field `file`), kept unattached until an application or step names it. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  const storage = useStorage('evidence')
  return withUploadedFile(event, (file, name) => saveEvidence(db, storage, file, user, name), { maxBytes: evidenceMaxBytes, advice: '请压缩或分页后上传' })
})
