import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate'
import {
  normalizePath, relationshipsPart, sharedStringsPart, workbookPart, worksheetPart,
  type Relationship, type SheetRow, type WorkbookSheet, type XmlPart,
} from './xlsxParts'

export type { SheetRow } from './xlsxParts'

/** A file that is not a readable .xlsx; the message says what is wrong with it (the unzip's own words in English). */
export class XlsxError extends Error {}

const WORKBOOK = 'xl/workbook.xml'
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels'
// Where every writer puts them; the workbook's relationships say so once read.
const DEFAULT_SHARED_STRINGS = 'xl/sharedstrings.xml'
const isWorksheetPath = (path: string) => /^xl\/worksheets\/[^/]+\.xml$/.test(path)
const relationshipType = (r: Relationship) => r.type.slice(r.type.lastIndexOf('/') + 1)

/**
 * The rows of an .xlsx's first visible sheet, read as the bytes arrive: a streaming unzip (fflate, which
 * also reads entries whose sizes follow their data) and a SAX parser per part, so a 100,000-row sheet is
 * never held in memory. A zip may hold the sheet before the shared strings it refers to, or before the
 * workbook that says which sheet comes first (exceljs writes both so): such a sheet's XML is spilled to
 * a temporary file and parsed once the zip has been read.
 */
export async function* readFirstSheet(input: Readable): AsyncGenerator<SheetRow> {
  const sheets: WorkbookSheet[] = []
  const relationships = new Map<string, Relationship>()
  const strings: string[] = []
  const done = new Set<string>()
  const spilled = new Map<string, string>()
  const queue: SheetRow[] = []
  const openFiles = new Set<number>()
  let spillDir: string | undefined
  let streamed: string | undefined

  const target = (type: string) => [...relationships.values()].find(r => relationshipType(r) === type)?.target
  const relationshipsKnown = () => done.has(WORKBOOK_RELS)
  const sharedStringsPath = () => (relationshipsKnown() ? target('sharedStrings') : DEFAULT_SHARED_STRINGS)
  const firstSheetPath = (): string | undefined => {
    const sheet = sheets.find(s => !s.hidden) ?? sheets[0]
    return sheet && relationships.get(sheet.relationshipId)?.target
  }
  /** Known once the workbook and its relationships are read, and the shared strings (if any) are whole. */
  const readyFor = (path: string): boolean => {
    if (!done.has(WORKBOOK) || !relationshipsKnown() || firstSheetPath() !== path) return false
    const shared = sharedStringsPath()
    return !shared || done.has(shared)
  }

  const spill = (path: string): XmlPart => {
    spillDir ??= mkdtempSync(join(tmpdir(), 'xlsx-'))
    const file = join(spillDir, `${spilled.size}.xml`)
    spilled.set(path, file)
    const fd = openSync(file, 'w')
    openFiles.add(fd)
    return {
      write: bytes => writeSync(fd, bytes),
      close: () => {
        openFiles.delete(fd)
        closeSync(fd)
      },
    }
  }

  const partFor = (path: string): XmlPart | undefined => {
    if (path === WORKBOOK) return workbookPart(sheets)
    if (path === WORKBOOK_RELS) return relationshipsPart(relationships)
    if (path === sharedStringsPath()) return sharedStringsPart(strings)
    if (relationshipsKnown() ? [...relationships.values()].some(r => r.target === path && relationshipType(r) === 'worksheet') : isWorksheetPath(path)) {
      if (readyFor(path)) {
        streamed = path
        return worksheetPart(strings, row => queue.push(row))
      }
      // Another sheet than the first, once the workbook says which is first: no need to keep it.
      if (done.has(WORKBOOK) && relationshipsKnown() && firstSheetPath() !== path) return undefined
      return spill(path)
    }
    return undefined
  }

  const unzip = new Unzip()
  unzip.register(UnzipInflate)
  unzip.onfile = (file: UnzipFile) => {
    const path = normalizePath(file.name)
    const part = partFor(path)
    // An entry never started keeps its compressed bytes in fflate's buffers: start every one, drop the unwanted.
    file.ondata = (error, data, final) => {
      if (!part) return
      if (error) throw new XlsxError(`${file.name}: ${error.message}`)
      part.write(data)
      if (final) {
        part.close()
        done.add(path)
      }
    }
    file.start()
  }

  try {
    for await (const chunk of input) {
      unzip.push(chunk as Uint8Array)
      while (queue.length) yield queue.shift()!
    }
    unzip.push(new Uint8Array(0), true)
    while (queue.length) yield queue.shift()!
    const first = firstSheetPath()
    if (!done.has(WORKBOOK) || !first) throw new XlsxError('文件中没有工作表')
    if (streamed === first) return
    const file = spilled.get(first)
    if (!file) throw new XlsxError(`缺少工作表${first}`)
    const sheet = worksheetPart(strings, row => queue.push(row))
    for await (const chunk of createReadStream(file)) {
      sheet.write(chunk as Uint8Array)
      while (queue.length) yield queue.shift()!
    }
    sheet.close()
    while (queue.length) yield queue.shift()!
  }
  catch (error) {
    throw error instanceof XlsxError ? error : new XlsxError((error as Error).message)
  }
  finally {
    for (const fd of openFiles) closeSync(fd)
    if (spillDir) rmSync(spillDir, { recursive: true, force: true })
  }
}
