/** A cell Excel will neither split nor run as a formula (a leading = + - @ is quoted as text). */
export function csvCell(value: string | number): string {
  let text = String(value)
  if (/^[=+\-@]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * Rows as a CSV file's text, CRLF line ends. The BOM makes Excel read the file as UTF-8, so the Chinese
 * is not garbled.
 */
export function csvText(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map(cells => cells.map(csvCell).join(',')).join('\r\n')}\r\n`
}
