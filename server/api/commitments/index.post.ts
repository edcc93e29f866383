import { commitmentSignSchema } from '../../../shared/schemas/commitments'
import { signCommitment } from '../../domain/commitments/sign'

/** 签署信用承诺: an agent of the subject signs; the portal fills, seals and numbers it. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const input = await readBodyAs(event, commitmentSignSchema)
  const { db } = await usePlatform()
  const { commitment, created } = await signCommitment(db, user, input)
  notifyOutbox()
  setResponseStatus(event, created ? 201 : 200)
  return { id: commitment.id, code: commitment.code, disclosure: commitment.disclosure, created }
})
