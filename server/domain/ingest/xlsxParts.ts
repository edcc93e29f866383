import { SaxesParser, type SaxesTagPlain } from 'saxes'

/**
 * The parts of an .xlsx we read (SpreadsheetML, ECMA-376 part 1 §18), each parsed as a stream of bytes.
 * Bytes become text through one streaming TextDecoder per part, so a character whose bytes arrive in
 * two chunks is decoded whole; a byte that is not UTF-8 becomes U+FFFD, which the row validation
 * refuses (a broken row is reported, not stored).
 */

export type CellValue = string | number | boolean | null
export interface SheetRow { row: number, cells: CellValue[] }

/** An XML part pushed in byte chunks of any size. */
export interface XmlPart {
  write: (bytes: Uint8Array) => void
  close: () => void
}

interface Handlers {
  open: (tag: SaxesTagPlain) => void
  close: (tag: SaxesTagPlain) => void
  text: (text: string) => void
}

function xmlPart({ open, close, text }: Handlers): XmlPart {
  const decoder = new TextDecoder('utf-8')
  // Without position tracking saxes runs markedly faster; its errors then carry no line number.
  const parser = new SaxesParser<{ xmlns: false, position: false }>({ xmlns: false, position: false })
  parser.on('opentag', open)
  parser.on('closetag', close)
  parser.on('text', text)
  parser.on('cdata', text)
  return {
    write: (bytes) => {
      const decoded = decoder.decode(bytes, { stream: true })
      if (decoded) parser.write(decoded)
    },
    close: () => {
      const rest = decoder.decode()
      if (rest) parser.write(rest)
      parser.close()
    },
  }
}

/** ST_Xstring escapes characters XML cannot hold as `_xHHHH_` (Excel writes a carriage return as `_x000D_`). */
const unescapeXstring = (text: string) => text.includes('_x')
  ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
  : text

/**
 * The text of a string item (`<si>` in the shared strings, `<is>` in a cell): plain `<t>` or the `<t>` of
 * each rich-text run `<r>`, without the phonetic guide `<rPh>`. Whitespace is kept as written, with or
 * without xml:space="preserve"; the row validation trims.
 */
class StringItem {
  private parts: string[] = []
  private inText = false
  private phonetic = 0

  open(name: string): void {
    if (name === 'rPh') this.phonetic++
    else if (name === 't' && !this.phonetic) this.inText = true
  }

  close(name: string): void {
    if (name === 'rPh') this.phonetic--
    else if (name === 't') this.inText = false
  }

  text(text: string): void {
    if (this.inText) this.parts.push(text)
  }

  take(): string {
    const value = unescapeXstring(this.parts.join(''))
    this.parts = []
    return value
  }
}

/** xl/sharedStrings.xml: every `<si>`, in order (cells refer to them by index). */
export function sharedStringsPart(strings: string[]): XmlPart {
  const item = new StringItem()
  return xmlPart({
    open: tag => item.open(tag.name),
    close: (tag) => {
      if (tag.name === 'si') strings.push(item.take())
      else item.close(tag.name)
    },
    text: text => item.text(text),
  })
}

export interface WorkbookSheet { name: string, relationshipId: string, hidden: boolean }

/** xl/workbook.xml: the sheets in the order the workbook shows them. */
export function workbookPart(sheets: WorkbookSheet[]): XmlPart {
  return xmlPart({
    open: (tag) => {
      if (tag.name !== 'sheet') return
      // The relationship attribute is `r:id`, under whatever prefix the writer bound to the namespace.
      const idKey = Object.keys(tag.attributes).find(k => k.endsWith(':id'))
      const state = tag.attributes.state
      sheets.push({ name: tag.attributes.name ?? '', relationshipId: idKey ? tag.attributes[idKey]! : '', hidden: state === 'hidden' || state === 'veryHidden' })
    },
    close: () => {},
    text: () => {},
  })
}

export interface Relationship { type: string, target: string }

/** xl/_rels/workbook.xml.rels: relationship id → type and zip path (targets are relative to xl/). */
export function relationshipsPart(relationships: Map<string, Relationship>): XmlPart {
  return xmlPart({
    open: (tag) => {
      if (tag.name !== 'Relationship') return
      const target = tag.attributes.Target ?? ''
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`
      relationships.set(tag.attributes.Id ?? '', { type: tag.attributes.Type ?? '', target: normalizePath(path) })
    },
    close: () => {},
    text: () => {},
  })
}

/** Zip paths compare without `./`, `..` segments or case (writers differ on `sharedStrings` vs `SharedStrings`). */
export function normalizePath(path: string): string {
  const segments: string[] = []
  for (const segment of path.split('/')) {
    if (segment === '..') segments.pop()
    else if (segment && segment !== '.') segments.push(segment)
  }
  return segments.join('/').toLowerCase()
}

/** "D5" → 3: the column letters of a cell reference, zero-based. */
export function columnIndex(reference: string): number {
  let index = 0
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i)
    if (code < 65 || code > 90) break
    index = index * 26 + code - 64
  }
  return index - 1
}

function cellValue(type: string | undefined, value: string, inline: string | null, strings: readonly string[]): CellValue {
  switch (type) {
    case 'inlineStr':
      return inline ?? (value || null)
    case 's': {
      if (value === '') return null
      const text = strings[Number(value)]
      if (text === undefined) throw new Error(`单元格引用的共享字符串${value}不存在`)
      return text
    }
    case 'str':
      return unescapeXstring(value)
    case 'b':
      return value === '' ? null : value === '1' || value === 'true'
    case 'e':
      return null
    case 'd':
      // An ISO 8601 date; the row validation reads it as a date.
      return value || null
    default: {
      if (value === '') return null
      // Dates are numbers (serial days) here: the row validation reads an Excel serial as a date.
      const number = Number(value)
      return Number.isNaN(number) ? value : number
    }
  }
}

/**
 * A worksheet's `<sheetData>`: each `<row>` with its cells placed by their references (`r="D5"`), gaps
 * as null, numbered as the sheet numbers it. Rows are handed out as they close, never collected.
 */
export function worksheetPart(strings: readonly string[], onRow: (row: SheetRow) => void): XmlPart {
  const item = new StringItem()
  let rowNumber = 0
  let cells: CellValue[] = []
  let column = -1
  let type: string | undefined
  let value = ''
  let inValue = false
  let inline = false
  let inlineText: string | null = null
  return xmlPart({
    open: (tag) => {
      switch (tag.name) {
        case 'row':
          rowNumber = tag.attributes.r ? Number(tag.attributes.r) : rowNumber + 1
          cells = []
          column = -1
          break
        case 'c':
          column = tag.attributes.r ? columnIndex(tag.attributes.r) : column + 1
          type = tag.attributes.t
          value = ''
          inlineText = null
          break
        case 'v':
          inValue = true
          break
        case 'is':
          inline = true
          break
        default:
          if (inline) item.open(tag.name)
      }
    },
    close: (tag) => {
      switch (tag.name) {
        case 'v':
          inValue = false
          break
        case 'is':
          inline = false
          inlineText = item.take()
          break
        case 'c': {
          while (cells.length < column) cells.push(null)
          cells[column] = cellValue(type, value, inlineText, strings)
          break
        }
        case 'row':
          onRow({ row: rowNumber, cells })
          break
        default:
          if (inline) item.close(tag.name)
      }
    },
    text: (text) => {
      if (inValue) value += text
      else if (inline) item.text(text)
    },
  })
}
