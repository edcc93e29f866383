import ExcelJS from 'exceljs'
import { familyColumns } from '../../shared/columns'
import { familyOf, recordKinds, type RecordFamily } from '../../shared/kinds'
import { generateRows, type GenerateOptions } from '../seed/generate'

/**
 * The same rows as `writeFamilyCsv`, saved as a department's .xlsx: written by exceljs's streaming writer
 * with shared strings, as Excel does, so the reader under test is not the code that wrote the file.
 * The writer puts the sheet before the shared strings in the zip, the order that makes a reader spill.
 */
export async function writeFamilyXlsx(path: string, family: RecordFamily, count: number, options: GenerateOptions = {}): Promise<number> {
  const columns = familyColumns[family]
  const kinds = (options.kinds ?? recordKinds).filter(k => familyOf(k) === family)
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false })
  const sheet = workbook.addWorksheet('Sheet1')
  sheet.addRow(columns.map(c => c.header)).commit()
  let written = 0
  for (const { row } of generateRows(count, { ...options, kinds })) {
    sheet.addRow(columns.map(c => (row.values[c.key] as string | undefined) ?? null)).commit()
    written++
  }
  await sheet.commit()
  await workbook.commit()
  return written
}
