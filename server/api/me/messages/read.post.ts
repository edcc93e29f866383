import { z } from 'zod'
import { markMessagesRead } from '../../../domain/me'

/** Marks one message (`{ id }`) or all of them (`{}`) read. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { id } = await readBodyAs(event, z.object({ id: z.number({ error: '消息编号应为数字' }).int().positive().optional() }))
  const { db } = await usePlatform()
  await markMessagesRead(db, user.id, id)
  return { ok: true }
})
