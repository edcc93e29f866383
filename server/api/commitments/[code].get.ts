import { viewCommitment } from '../../domain/commitments/view'

/** One commitment with its seal verified now; non-public ones only for the subject's agents and staff. */
export default defineEventHandler(async (event) => {
  const viewer = await requireUser(event).catch(() => null)
  const { db } = await usePlatform()
  const view = await viewCommitment(db, await textParam(event, 'code'), viewer)
  // A non-public commitment is personal: never cached by anyone.
  if (view.disclosure !== 'public') setResponseHeader(event, 'cache-control', 'private, no-store')
  return view
})
