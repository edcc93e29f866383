import type { Settings } from 'meilisearch'
import type { CommitmentType, Disclosure, Fulfilment } from '../../../shared/commitments'
import { isBreach } from '../../../shared/commitments'
import { maskIdNumbers } from '../../../shared/utils/idNumber'
import { toSimplified } from '../../../shared/utils/simplified'
import type { SubjectKind } from '../../../shared/kinds'

/** What the commitments index needs of a commitment: a join of commitments, subjects and departments. */
export interface CommitmentSource {
  id: number
  code: string
  type: CommitmentType
  disclosure: Disclosure
  subjectKind: SubjectKind
  subjectName: string
  creditCode: string | null
  matter: string
  content: string
  acceptingBody: string
  judgingDepartment: string
  signedAt: Date
  fulfilment: Fulfilment | null
  contentHash: string
}

/** The whole index document; nothing else of a commitment reaches Meilisearch. */
export interface CommitmentDocument {
  id: number
  code: string
  type: CommitmentType
  subjectName: string
  creditCode: string | null
  matter: string
  content: string
  acceptingBody: string
  judgingDepartment: string
  /** Both bodies, for the one department filter. */
  departments: string[]
  signedAt: string
  signedDay: number
  status: Fulfilment | 'pending'
  breach: boolean
  rev: string
}

/** 可向社会公开 only, and never a natural person's (DOMAIN.md rule 7). */
export const isPublicCommitment = (s: Pick<CommitmentSource, 'disclosure' | 'subjectKind'>) =>
  s.disclosure === 'public' && s.subjectKind !== 'natural_person'

const clean = (text: string) => toSimplified(maskIdNumbers(text))

export function toCommitmentDocument(s: CommitmentSource): CommitmentDocument | null {
  if (!isPublicCommitment(s)) return null
  const signedAt = s.signedAt.toISOString()
  return {
    id: s.id, code: s.code, type: s.type, subjectName: clean(s.subjectName), creditCode: s.creditCode,
    matter: clean(s.matter), content: clean(s.content), acceptingBody: s.acceptingBody, judgingDepartment: s.judgingDepartment,
    departments: [...new Set([s.acceptingBody, s.judgingDepartment])],
    signedAt, signedDay: Number(new Date(s.signedAt.getTime() + 8 * 3600000).toISOString().slice(0, 10).replaceAll('-', '')),
    status: s.fulfilment ?? 'pending', breach: isBreach(s.fulfilment),
    rev: `${s.contentHash}:${s.fulfilment ?? ''}`,
  }
}

export const commitmentIndexSettings: Settings = {
  searchableAttributes: ['subjectName', 'code', 'creditCode', 'matter', 'content', 'acceptingBody', 'judgingDepartment'],
  filterableAttributes: ['id', 'type', 'departments', 'status', 'breach', 'creditCode'],
  sortableAttributes: ['signedDay'],
  displayedAttributes: ['*'],
  localizedAttributes: [{ attributePatterns: ['subjectName', 'matter', 'content', 'acceptingBody', 'judgingDepartment'], locales: ['cmn'] }],
  typoTolerance: { disableOnAttributes: ['code', 'creditCode'] },
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 1_000_000 },
}
