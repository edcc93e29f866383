import { actionSchema } from '../../../../shared/schemas/applications'
import { actOnApplication } from '../../../domain/workflow/act'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const id = idParam(event, 'id', '申请')
  const input = await readBodyAs(event, actionSchema)
  const { db } = await usePlatform()
  const updated = await actOnApplication(db, useMailer(), user, id, input, siteUrl(event))
  return { id: updated.id, state: updated.state, version: updated.version }
})
