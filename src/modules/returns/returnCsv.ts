/** @module A return file as CSV: a header row, RFC 4180 quoting where needed, LF line ends. */

const needsQuotes = /[",\r\n]/;

/**
 * The CSV text of `rows` under `columns`.
 * @example returnCsv(['child_id', 'sex'], [['C1', '2']]) // 'child_id,sex\nC1,2\n'
 */
export function returnCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (value: string) => (needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [columns, ...rows].map((row) => row.map(cell).join(',')).join('\n') + '\n';
}
