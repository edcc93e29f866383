import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate'

/**
 * .xlsx files written by hand, part by part, for what exceljs's writer never produces: inline strings,
 * rich text, gaps, a chosen order of the parts in the zip.
 */

/** A cell: shared or inline string (an array is rich text, one run per item), number, boolean, or nothing. */
export type HandCell = { shared: string | string[] } | { inline: string | string[] } | number | boolean | null

const escapeXml = (text: string) => text.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

/** "A", "B" … "Z", "AA" … for a zero-based column. */
export function columnName(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

const runs = (text: string | string[]) => Array.isArray(text)
  ? text.map((t, i) => `<r>${i % 2 ? '<rPr><b/></rPr>' : ''}<t xml:space="preserve">${escapeXml(t)}</t></r>`).join('')
  : `<t>${escapeXml(text)}</t>`

/** The shared strings a sheet refers to, by index, in first-use order. */
export class SharedStrings {
  readonly items: (string | string[])[] = []
  private index = new Map<string, number>()

  indexOf(text: string | string[]): number {
    const key = JSON.stringify(text)
    let i = this.index.get(key)
    if (i === undefined) {
      i = this.items.length
      this.items.push(text)
      this.index.set(key, i)
    }
    return i
  }

  xml(): string {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.items.length}" uniqueCount="${this.items.length}">${this.items.map(s => `<si>${runs(s)}</si>`).join('')}</sst>`
  }
}

/** One `<row>`; cells with a null value are left out, so their neighbours carry references past a gap. */
export function rowXml(rowNumber: number, cells: HandCell[], strings: SharedStrings): string {
  const xml = cells.map((cell, i) => {
    const ref = `${columnName(i)}${rowNumber}`
    if (cell === null) return ''
    if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`
    if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`
    if ('shared' in cell) return `<c r="${ref}" t="s"><v>${strings.indexOf(cell.shared)}</v></c>`
    return `<c r="${ref}" t="inlineStr"><is>${runs(cell.inline)}</is></c>`
  }).join('')
  return `<row r="${rowNumber}">${xml}</row>`
}

export const SHEET_START = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>'
export const SHEET_END = '</sheetData></worksheet>'

/** The parts around the sheets: content types, package and workbook relationships, the workbook. */
export function workbookParts(sheetNames: string[], options: { sharedStrings: boolean, hidden?: string[] }): [string, string][] {
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
  const sheets = sheetNames.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}"${options.hidden?.includes(name) ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('')
  const rels = sheetNames.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
  const sharedRel = options.sharedStrings ? `<Relationship Id="rId${sheetNames.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` : ''
  return [
    ['[Content_Types].xml', `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`],
    ['_rels/.rels', `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `${head}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets}</sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${sharedRel}</Relationships>`],
  ]
}

/** A small workbook in memory, its parts in the order given. */
export function zipParts(parts: [string, string][]): Buffer {
  return Buffer.from(zipSync(Object.fromEntries(parts.map(([name, text]) => [name, strToU8(text)]))))
}

/**
 * A large workbook streamed to disk, each part from pieces of text, in the order given. The entries
 * carry their sizes after the data (a data descriptor), as streaming writers do.
 */
export async function writeParts(path: string, parts: [string, Iterable<string>][]): Promise<void> {
  const out = createWriteStream(path)
  let failure: Error | null = null
  const zip = new Zip((error, data, final) => {
    if (error) failure = error
    else out.write(data)
    if (final) out.end()
  })
  const finished = once(out, 'finish')
  for (const [name, pieces] of parts) {
    const entry = new ZipDeflate(name, { level: 6 })
    zip.add(entry)
    for (const piece of pieces) entry.push(strToU8(piece))
    entry.push(new Uint8Array(0), true)
  }
  zip.end()
  await finished
  if (failure) throw failure
}
