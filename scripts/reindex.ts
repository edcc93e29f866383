// npm run reindex: rebuilds the search index from the database (the database is the source of truth).
import { reindexCommitments } from '../server/domain/commitments/outbox'
import { drainAll } from '../server/domain/search/outbox'
import { reindex } from '../server/domain/search/rebuild'
import { openDb, openSearch, run } from './lib/runtime'

run(async () => {
  const db = await openDb()
  const opened = await openSearch(true)
  if (!opened) throw new Error('Meilisearch 不可用')
  const started = Date.now()
  const total = await reindex(db, opened.search, n => process.stderr.write(`\r已写入 ${n} 条`))
  await drainAll(db, opened.search)
  const commitments = await reindexCommitments(db, opened.search)
  process.stderr.write('\n')
  console.log(JSON.stringify({ documents: total, commitments, seconds: (Date.now() - started) / 1000 }))
  await opened.stop()
})
