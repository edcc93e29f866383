import type { Settings } from 'meilisearch'

/** Index settings, applied at every start (Meilisearch skips the work when nothing changed). */
export const recordIndexSettings: Settings = {
  searchableAttributes: ['subjectName', 'creditCode', 'documentNumber', 'title', 'content', 'departmentName'],
  filterableAttributes: ['id', 'kind', 'departmentName', 'year', 'creditCode', 'publicUntil', 'subjectName', 'documentNumber'],
  sortableAttributes: ['decisionDay'],
  displayedAttributes: ['*'],
  // The Chinese fields are Chinese: Meilisearch then segments them with its Chinese tokenizer.
  localizedAttributes: [{ attributePatterns: ['subjectName', 'title', 'content', 'departmentName'], locales: ['cmn'] }],
  typoTolerance: { disableOnAttributes: ['creditCode', 'documentNumber'] },
  faceting: { maxValuesPerFacet: 200 },
  // Page-based searches count exhaustively up to this: "共 N 条" stays exact at city scale.
  pagination: { maxTotalHits: 10_000_000 },
}
