import { ownSubject } from '../../../../domain/me'
import { signingOptions } from '../../../../domain/commitments/templates'

/** The signing form's data: the subject's details, templates, departments; another subject's is a 404. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  return signingOptions(db, await ownSubject(db, user.id, idParam(event, 'id', '主体')))
})
