// npm run reconcile: reports where the index differs from the database, then repairs it.
import { drainAllCommitments, reconcileCommitments } from '../server/domain/commitments/outbox'
import { drainAll } from '../server/domain/search/outbox'
import { reconcile } from '../server/domain/search/rebuild'
import { openDb, openSearch, run } from './lib/runtime'

run(async () => {
  const db = await openDb()
  const opened = await openSearch(true)
  if (!opened) throw new Error('Meilisearch 不可用')
  const drift = await reconcile(db, opened.search)
  const repaired = await drainAll(db, opened.search)
  const commitmentDrift = await reconcileCommitments(db, opened.search)
  const commitmentsRepaired = await drainAllCommitments(db, opened.search)
  console.log(JSON.stringify({ ...drift, repaired, commitments: { ...commitmentDrift, repaired: commitmentsRepaired } }))
  await opened.stop()
})
