import type { MultiSearchQuery, SearchResponse } from 'meilisearch'
import type { SearchHit, SearchQuery, SearchResult } from '../../../shared/schemas/search'
import { checkCreditCode, normalizeCreditCode } from '../../../shared/utils/creditCode'
import { isValidResidentId } from '../../../shared/utils/idNumber'
import { todayInChina, type IsoDate } from '../../../shared/utils/dates'
import { toSimplified } from '../../../shared/utils/simplified'
import { normalizeText, toHalfWidth } from '../../../shared/utils/text'
import type { SearchService } from '../../utils/search'
import type { SearchDocument } from './document'
import { MATCH_END, MATCH_START, toHighlightHtml } from './highlight'

const quote = (value: string) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`

/** The filters of a query; the last public day is always one, so nothing past its period shows. */
export function searchFilters(query: Pick<SearchQuery, 'kind' | 'department' | 'year'>, today: IsoDate): string[] {
  const filters = [`publicUntil >= ${today.replaceAll('-', '')}`]
  if (query.kind) filters.push(`kind = ${quote(query.kind)}`)
  if (query.department) filters.push(`departmentName = ${quote(query.department)}`)
  if (query.year) filters.push(`year = ${query.year}`)
  return filters
}

// 朝市监罚〔2025〕123号, 朝环罚[2024]7号: the shape of a document number.
const DOCUMENT_NUMBER = /[〔[(（【]\s*\d{4}\s*[〕\])）】]\s*第?\s*\d+\s*号/

/**
 * A document number is searched as a phrase: as separate words (朝, 市, 2026, 802, 号) it would match
 * every record that mentions 802 anywhere.
 */
export function meiliQuery(q: string): string {
  return DOCUMENT_NUMBER.test(q) && !q.includes('"') ? `"${q}"` : q
}

/** What people type, as the index holds it: half-width, simplified, single spaces. */
export function normalizeQuery(q: string): string {
  return toSimplified(normalizeText(toHalfWidth(q)))
}

function toHit(document: SearchDocument & { _formatted?: Partial<Record<keyof SearchDocument, unknown>> }): SearchHit {
  const formatted = document._formatted ?? {}
  return {
    id: document.id,
    kind: document.kind,
    subjectName: document.subjectName,
    creditCode: document.creditCode,
    title: document.title,
    documentNumber: document.documentNumber,
    department: document.departmentName,
    decisionDate: document.decisionDate,
    underObjection: document.underObjection === true,
    highlight: {
      subjectName: toHighlightHtml(formatted.subjectName ?? document.subjectName),
      title: toHighlightHtml(formatted.title ?? document.title),
      content: toHighlightHtml(formatted.content ?? ''),
    },
  }
}

/**
 * The Meilisearch queries behind one public search. `matchingStrategy: 'all'` keeps counts true (the
 * default drops words that match nothing and inflates them tenfold), and page-based paging makes the
 * total exact. On the first page a second query finds the record whose full name or document number
 * is the query, to put it first. A valid credit code lists that subject's records.
 */
export function buildSearchQueries(indexName: string, query: SearchQuery, today: IsoDate): MultiSearchQuery[] {
  const q = normalizeQuery(query.q)
  const filter = searchFilters(query, today)
  const code = checkCreditCode(q)
  const main: MultiSearchQuery = {
    indexUid: indexName,
    q: code.ok ? '' : meiliQuery(q),
    filter: code.ok ? [...filter, `creditCode = ${quote(code.code)}`] : filter,
    facets: ['kind', 'departmentName', 'year'],
    page: query.page,
    hitsPerPage: query.pageSize,
    matchingStrategy: 'all',
    attributesToHighlight: ['subjectName', 'title', 'content'],
    attributesToCrop: ['content'],
    cropLength: 40,
    highlightPreTag: MATCH_START,
    highlightPostTag: MATCH_END,
    sort: query.sort === 'date' || !q || code.ok ? ['decisionDay:desc'] : undefined,
  }
  if (!q || code.ok || query.page !== 1) return [main]
  return [main, {
    ...main,
    q: '',
    facets: undefined,
    page: 1,
    sort: ['decisionDay:desc'],
    filter: [...filter, `(subjectName = ${quote(q)} OR documentNumber = ${quote(q)})`],
    attributesToHighlight: [],
  }]
}

/**
 * Why a query that reads as a typed credit code (a digit, then 15–19 letters and digits) is not a valid
 * one, in the words the profile's 404 uses; nothing for any other query, or a resident ID number.
 */
export function creditCodeProblem(q: string): string | undefined {
  const code = normalizeCreditCode(q)
  if (!/^\d[0-9A-Z]{15,19}$/.test(code) || isValidResidentId(code)) return undefined
  const check = checkCreditCode(code)
  return check.ok ? undefined : check.reason
}

/** Public search over the index. */
export async function searchRecords(search: SearchService, query: SearchQuery, today = todayInChina()): Promise<SearchResult> {
  const queries = buildSearchQueries(search.indexName, query, today)
  const code = checkCreditCode(normalizeQuery(query.q))
  const { results } = await search.client.multiSearch({ queries })
  const [found, exact] = results as unknown as SearchResponse<SearchDocument>[]
  let documents = found!.hits
  if (exact?.hits.length) {
    const exactIds = new Set(exact.hits.map(h => h.id))
    documents = [...exact.hits.map(h => documents.find(d => d.id === h.id) ?? h), ...documents.filter(d => !exactIds.has(d.id))].slice(0, query.pageSize)
  }
  const distribution = found!.facetDistribution ?? {}
  const problem = creditCodeProblem(query.q)
  return {
    total: found!.totalHits ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    hits: documents.map(toHit),
    facets: { kind: distribution.kind ?? {}, department: distribution.departmentName ?? {}, year: distribution.year ?? {} },
    ...(code.ok && (found!.totalHits ?? 0) > 0 ? { creditCode: code.code } : {}),
    ...(problem ? { creditCodeProblem: problem } : {}),
  }
}
