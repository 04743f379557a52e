/** @module Rows in PostgreSQL's COPY text format, a row a line with values separated by tabs, for `Queryable.copyIn` (the importer, ADR 0033). */

/** One value as COPY's text format writes it: `\N` for null, `t`/`f` for booleans, backslash, tab and line breaks escaped. */
function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (char) => (char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : '\\r'));
}

/**
 * Rows in COPY's text format, one line each, for `Queryable.copyIn`: a row a line, values separated by tabs.
 * @example copyText([['C1', null, true]]) // 'C1\t\\N\tt\n'
 */
export function copyText(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  let text = '';
  for (const row of rows) text += `${row.map(copyValue).join('\t')}\n`;
  return text;
}
