import { actionSchema } from '../../../../shared/schemas/applications'
import { actOnApplication } from '../../../domain/workflow/act'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const id = idParam(event, 'id', '申请')
  const input = await readBodyAs(event, actionSchema)
  const { db } = await usePlatform()
  const updated = await actOnApplication(db, useMailer(), user, id, input, siteUrl(event))
  // A decision may change what is public (更正, 撤销, the 异议处理中 mark): the index catches up now.
  notifyOutbox()
  return { id: updated.id, state: updated.state, version: updated.version }
})
