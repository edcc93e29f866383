import { registrationOptions } from '../../../../domain/registrations/options'

/** The 自愿注册 wizard's data: the subject, the departments, the commitment text it signs; another subject's is a 404. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  return registrationOptions(db, user.id, idParam(event, 'id', '主体'))
})
