import { kindLabels, type RecordKind } from '../kinds'

export interface TitleFacts {
  kind: RecordKind
  documentName: string | null
  certificateName: string | null
  violationType: string | null
}

/** A record's one-line title in lists and search results. */
export function recordTitle(r: TitleFacts): string {
  if (r.kind === 'license') return r.documentName ?? r.certificateName ?? kindLabels.license
  if (r.kind === 'penalty') return r.violationType ?? kindLabels.penalty
  return r.documentName ? `${kindLabels[r.kind]}：${r.documentName}` : kindLabels[r.kind]
}
