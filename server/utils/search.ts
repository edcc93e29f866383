import { Meilisearch, type Index } from 'meilisearch'
import { commitmentIndexSettings, type CommitmentDocument } from '../domain/commitments/document'
import type { SearchDocument } from '../domain/search/document'
import { recordIndexSettings } from '../domain/search/settings'
import { meiliHttpClient } from './meiliHttp'
import { readLocalEndpoint, type MeiliEndpoint } from './meiliProcess'

export interface SearchService {
  client: Meilisearch
  records: Index<SearchDocument>
  indexName: string
  /** Public commitments (信用承诺): a second index, `<MEILI_INDEX>-commitments`. */
  commitments: Index<CommitmentDocument>
}

export function recordsIndexName(): string {
  return process.env.MEILI_INDEX || 'records'
}

/** MEILI_URL when set, else the Meilisearch this portal started under DATA_DIR (null when none runs). */
export function configuredEndpoint(): MeiliEndpoint | null {
  if (process.env.MEILI_URL) return { url: process.env.MEILI_URL, apiKey: process.env.MEILI_MASTER_KEY ?? '' }
  return readLocalEndpoint()
}

export function searchService(endpoint: MeiliEndpoint): SearchService {
  const client = new Meilisearch({ host: endpoint.url, apiKey: endpoint.apiKey, httpClient: meiliHttpClient })
  const indexName = recordsIndexName()
  return { client, records: client.index<SearchDocument>(indexName), indexName, commitments: client.index<CommitmentDocument>(`${indexName}-commitments`) }
}

/** Settings of an index; for the live records index (not a rebuild's) the commitments index's too. */
export async function applyIndexSettings(search: SearchService, indexName = search.indexName): Promise<void> {
  await search.client.createIndex(indexName, { primaryKey: 'id' }).waitTask({ timeout: 60_000 })
  await search.client.index(indexName).updateSettings(recordIndexSettings).waitTask({ timeout: 300_000 })
  if (indexName !== search.indexName) return
  await search.client.createIndex(search.commitments.uid, { primaryKey: 'id' }).waitTask({ timeout: 60_000 })
  await search.commitments.updateSettings(commitmentIndexSettings).waitTask({ timeout: 300_000 })
}
