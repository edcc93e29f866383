import { checkCreditCode } from './creditCode'

// Resident ID numbers (GB 11643-1999): 17 digits and a check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

/** The check character of an 18-character ID number from its first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK[sum % 11]!
}

export function isValidResidentId(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && residentIdCheckChar(id) === id[17]
}

/**
 * The shape of an ID number: a division code (first digit 1–8), a birth date (YYYYMMDD from 1800 on in the
 * 18-character number; YYMMDD of 1920–1999 in the old 15-digit one, issued until 1999) and a sequence, plus
 * the check character in the 18-character form. The check character itself is not required to be right.
 */
const SHAPE_18 = /^[1-8]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/
const SHAPE_15 = /^[1-8]\d{5}[2-9]\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}$/

const DIGIT = '0-9\\uFF10-\\uFF19'
const CHECK_X = 'Xx\\uFF38\\uFF58'
/** Spaces (ASCII, ideographic, no-break), hyphens and dashes, dots: what people put between digit groups. */
const SEPARATOR = '\\s\\u00A0\\u3000\\-\\u2010-\\u2015\\uFF0D.\\uFF0E\\u00B7'
/**
 * A number as typed in free text: digits (half- or full-width) with at most three separator characters
 * between them, and maybe a final check character X. A run is maximal, so it never starts or ends next
 * to another digit; letters and any other text may touch it (经办人ID2113…).
 */
const NUMBER_RUN = new RegExp(`[${DIGIT}](?:[${SEPARATOR}]{0,3}[${DIGIT}])*(?:[${SEPARATOR}]{0,3}[${CHECK_X}])?`, 'g')
const SEPARATORS = new RegExp(`[${SEPARATOR}]+`, 'g')
const GROUP = new RegExp(`[^${SEPARATOR}]+`, 'g')

/** Full-width digits and X to ASCII, the check character upper case. */
const plain = (chars: string) => chars.replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0)).toUpperCase()

function idShaped(chars: string): boolean {
  if (chars.length === 15) return SHAPE_15.test(chars)
  if (!SHAPE_18.test(chars)) return false
  // An all-digit unified social credit code can happen to look like an ID; its own check digit tells them apart.
  return isValidResidentId(chars) || !checkCreditCode(chars).ok
}

const masked = (chars: string) => `${chars.slice(0, 3)}${'*'.repeat(chars.length - 3)}`

/**
 * The ID numbers inside one run of digits, as [start, end, characters] in the run's own text. A run that is
 * exactly an ID-shaped number is one; in a longer run (a phone number, then a space, then the ID) an ID is a
 * group written without separators, or consecutive groups that make 18 characters with a correct check
 * character. So a bank account written in groups of four is left alone.
 */
function idsInRun(run: string): [number, number, string][] {
  if (run.length < 15) return []
  const all = plain(run.replace(SEPARATORS, ''))
  if (idShaped(all)) return [[0, run.length, all]]
  const groups: { start: number, end: number, chars: string }[] = []
  for (const match of run.matchAll(GROUP)) {
    groups.push({ start: match.index, end: match.index + match[0].length, chars: plain(match[0]) })
  }
  const found: [number, number, string][] = []
  for (let first = 0; first < groups.length; first++) {
    let chars = ''
    for (let last = first; last < groups.length && chars.length < 18; last++) {
      chars += groups[last]!.chars
      const compact = first === last
      if ((compact && idShaped(chars)) || (chars.length === 18 && SHAPE_18.test(chars) && isValidResidentId(chars))) {
        found.push([groups[first]!.start, groups[last]!.end, chars])
        first = last
        break
      }
    }
  }
  return found
}

/**
 * Clerks sometimes type an ID number into free text (facts, remarks, a violation type). Every form of one,
 * 18 or 15 digits, spaced, hyphenated or full-width, touching letters or not, is masked before text is
 * stored for public view, indexed, shown or logged, its check character right or wrong.
 */
export function maskIdNumbers(text: string): string {
  return text.replace(NUMBER_RUN, (run) => {
    let out = ''
    let at = 0
    for (const [start, end, chars] of idsInRun(run)) {
      out += run.slice(at, start) + masked(chars)
      at = end
    }
    return out + run.slice(at)
  })
}

/** Whether free text holds anything shaped like an ID number: such text is refused where it would be published as typed. */
export function containsIdNumber(text: string): boolean {
  return maskIdNumbers(text) !== text
}
