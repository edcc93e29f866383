import type { CommitmentQuery, CommitmentSearchResult } from '../../../shared/schemas/commitments'
import { normalizeQuery } from '../search/query'
import type { SearchService } from '../../utils/search'

const PAGE_SIZE = 20
const quote = (value: string) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`

/** Meilisearch filters of a commitment search: type, either department, and fulfilment (or 违诺). */
export function commitmentFilters(query: Pick<CommitmentQuery, 'type' | 'department' | 'status'>): string[] {
  const filters: string[] = []
  if (query.type) filters.push(`type = ${quote(query.type)}`)
  if (query.department) filters.push(`departments = ${quote(query.department)}`)
  if (query.status === 'breach') filters.push('breach = true')
  else if (query.status) filters.push(`status = ${quote(query.status)}`)
  return filters
}

/** Public commitment search: only public commitments are in this index at all. */
export async function searchCommitments(search: SearchService, query: CommitmentQuery): Promise<CommitmentSearchResult> {
  const q = normalizeQuery(query.q)
  const found = await search.commitments.search(q, {
    filter: commitmentFilters(query), facets: ['type', 'departments', 'status'], page: query.page, hitsPerPage: PAGE_SIZE,
    matchingStrategy: 'all', sort: q ? undefined : ['signedDay:desc'],
  })
  const distribution = found.facetDistribution ?? {}
  return {
    total: found.totalHits ?? 0, page: query.page, pageSize: PAGE_SIZE,
    hits: found.hits.map(d => ({
      code: d.code, type: d.type, subjectName: d.subjectName, creditCode: d.creditCode, matter: d.matter, acceptingBody: d.acceptingBody,
      judgingDepartment: d.judgingDepartment, signedAt: d.signedAt, fulfilment: d.status === 'pending' ? null : d.status, breach: d.breach,
    })),
    facets: { type: distribution.type ?? {}, department: distribution.departments ?? {}, status: distribution.status ?? {} },
  }
}
