import { myCertificates } from '../../domain/training/certificates'

/** The training certificates of every subject the signed-in account acts for. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  setResponseHeader(event, 'cache-control', 'private, no-store')
  return { items: await myCertificates(db, user.id) }
})
