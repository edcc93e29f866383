// Meilisearch marks matches with these; they cannot occur in normalised text, so after escaping
// everything else as HTML they are the only tags left: a company named <script> shows as text.
export const MATCH_START = '\u0002'
export const MATCH_END = '\u0003'

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => entities[c]!)
}

/** Escapes a highlighted value and turns the match markers into <mark> elements. */
export function toHighlightHtml(value: unknown): string {
  const text = typeof value === 'string' ? value : ''
  return escapeHtml(text.replace(/[\u0000-\u0001\u0004-\u0008]/g, ''))
    .replaceAll(MATCH_START, '<mark>')
    .replaceAll(MATCH_END, '</mark>')
}
