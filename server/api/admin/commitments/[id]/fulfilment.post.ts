import { fulfilmentSchema } from '../../../../../shared/schemas/commitments'
import { recordFulfilment } from '../../../../domain/commitments/fulfilment'
import { staffRoles } from '../../../../../shared/roles'

/** 履行状态: the judging department's reviewers or the credit office; others see a 404. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event, staffRoles)
  const commitmentId = idParam(event, 'id', '信用承诺')
  const input = await readBodyAs(event, fulfilmentSchema)
  const { db } = await usePlatform()
  const updated = await recordFulfilment(db, user, commitmentId, input)
  notifyOutbox()
  return { code: updated.code, fulfilment: updated.fulfilment }
})
