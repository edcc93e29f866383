import { registrationSchema } from '../../../shared/schemas/registrations'
import { submitRegistration } from '../../domain/registrations'

/** 信用信息自愿注册: files one item with its evidence and the signed truthfulness commitment. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const input = await readBodyAs(event, registrationSchema)
  const { db } = await usePlatform()
  const { application, created } = await submitRegistration(db, useMailer(), user, input, siteUrl(event))
  setResponseStatus(event, created ? 201 : 200)
  return { id: application.id, state: application.state, created, commitmentCode: String(application.data.commitmentCode) }
})
