// Resident ID numbers (GB 11643-1999): 17 digits and a check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'
const ID_PATTERN = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g

export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i]!
  return CHECK[sum % 11] === id[17]
}

/**
 * Clerks sometimes paste an ID number into free text (facts, remarks). Anything shaped like one is
 * masked before text reaches the index or a public page, valid check digit or not.
 */
export function maskIdNumbers(text: string): string {
  return text.replace(ID_PATTERN, m => `${m.slice(0, 3)}${'*'.repeat(15)}`)
}
