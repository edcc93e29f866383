import { objectionSchema } from '../../../shared/schemas/objections'
import { submitObjection } from '../../domain/objections'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const input = await readBodyAs(event, objectionSchema)
  const { db } = await usePlatform()
  const { application, created } = await submitObjection(db, useMailer(), user, input, siteUrl(event))
  notifyOutbox()
  setResponseStatus(event, created ? 201 : 200)
  return { id: application.id, state: application.state, created }
})
