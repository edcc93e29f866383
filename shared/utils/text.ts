/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(input: string): string {
  return input.replace(/[\uFF01-\uFF5E]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0)).replace(/\u3000/g, ' ')
}

/**
 * Free text as departments send it: full-width digits and letters become half-width, CJK punctuation
 * such as （） stays (it is the standard form in company names), whitespace is trimmed and collapsed.
 */
export function normalizeText(input: string): string {
  return input
    // Control characters carry no meaning in a record and could pose as markup markers downstream.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
    .replace(/[\u3000\u00A0\t\r\n]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
}

/** Identifiers (document numbers, licence numbers): every full-width character folded, all spaces removed. */
export function normalizeIdentifier(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, '')
}

/**
 * What no one types: U+FFFD (bytes a decoder could not read), half a surrogate pair, noncharacters, and
 * control characters other than tab and line breaks. Text holding one was damaged on its way (a file saved
 * in one encoding and read in another, or cut between the bytes of a character).
 */
const BROKEN = /[\uFFFD\uFFFE\uFFFF\uD800-\uDFFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u

export function hasBrokenCharacters(text: string): boolean {
  return BROKEN.test(text)
}
