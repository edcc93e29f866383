import { certificateByNumber } from '../../domain/training/certificates'

/** Public verification of a 培训证明 by its number: no ID number, a person's name masked. */
export default defineEventHandler(async (event) => {
  const { db } = await usePlatform()
  return certificateByNumber(db, await textParam(event, 'number'))
})
