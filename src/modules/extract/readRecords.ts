/** @module Turns one file's CSV records into typed rows by its column rules: header, cells, unique ids and dates in order. */
import type { CellRule, FileRule } from './columns.js';
import type { ExtractProblem, ReadFile, ReadRecord } from './extract.js';
import { listOf, readCell, type CellValue } from './parseCells.js';
import type { ExtractTable } from './readExtractFolder.js';
import { PackedRows } from './packedRows.js';
import { KeyIndex } from './keyIndex.js';

/** The longest cell read: a longer one is far more likely a broken export (a quote never closed) than a record. */
export const longestCell = 10_000;

/**
 * The line a NUL byte in cell `index` of a record is on: the record's line plus the line breaks inside the quoted
 * cells before it, and inside the cell up to the NUL.
 */
function lineOfNul(line: number, cells: readonly string[], index: number): number {
  let breaks = 0;
  const count = (text: string) => {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) breaks++;
  };
  for (const before of cells.slice(0, index)) count(before);
  count(cells[index]!.slice(0, cells[index]!.indexOf('\u0000')));
  return line + breaks;
}

/** An empty optional cell: null, or no codes at all for a list of codes. */
function emptyValue(cell: CellRule): CellValue {
  return cell.kind === 'codeList' ? [] : null;
}

/** A key of several columns, or undefined when any part is missing. */
function compositeKey(parts: (CellValue | undefined)[]): string | undefined {
  return parts.some((part) => part === undefined || part === null) ? undefined : parts.map(String).join('\u0000');
}

/**
 * Check a file's header and every cell of every row, collecting every problem. Rows with problems
 * are kept with the bad cells left undefined, and their ids still count as defined, so a later check
 * between files neither trips over them nor reports a reference to them as missing.
 * @example const { file, problems } = readRecords('children.csv', fileRules.children, table)
 */
export function readRecords<R>(canonicalName: string, rule: FileRule<R>, table: ExtractTable): { file: ReadFile<R>; problems: ExtractProblem[] } {
  const { fileName } = table;
  const csv = table.csv ?? { records: [], errors: [] };
  const problems: ExtractProblem[] = [];
  const report = (line: number, column: string, message: string) => problems.push({ file: fileName, line, column, message });
  // One string a row (ADR 0065): every column of the file, in the rule's order.
  const rows = new PackedRows<R>(Object.keys(rule.columns) as (keyof R & string)[]);
  // Each id once, with the line it is first on (for "already on line N"); ids of records too broken to read apart.
  // A file with one key column finds an id's row through a KeyIndex (its ids are not held twice: ADR 0065); a key of
  // several columns (benchmarks.csv, a small file) through a map of its joined parts.
  const keyColumn = rule.key.length === 1 ? rule.key[0] : undefined;
  const keyIndex = keyColumn === undefined ? undefined : new KeyIndex((index) => String(rows.valueAt(index, keyColumn)));
  const firstLineOfKey = new Map<string, number>();
  const idsOfBrokenRecords = new Set<string>();
  const ids = { has: (id: string) => (keyIndex ? keyIndex.has(id) : firstLineOfKey.has(id)) || idsOfBrokenRecords.has(id) };
  const file: ReadFile<R> = { fileName, rows, ids, idsKnown: false, absentColumns: [] };
  const finish = () => ({ file, problems });

  // Read as they come (csvRecords): the header first, then each record, its cells let go once it is a typed row.
  const records = csv.records[Symbol.iterator]();
  const first = records.next();
  const header = first.done ? undefined : first.value;
  if (!header) {
    if (table.csv && csv.errors.length === 0) report(0, '-', 'is empty: its first line must be the header, naming its columns');
    return finish();
  }

  type Column = keyof R & string;
  const columnNames = Object.keys(rule.columns) as Column[];
  const isColumn = (name: string): name is Column => Object.hasOwn(rule.columns, name);
  const positions: { name: Column; index: number }[] = [];
  const seen = new Map<string, number>();
  header.cells.forEach((cell, index) => {
    // Names are matched without regard to case (as extract-format.md says) or to spaces around them.
    const written = cell.trim();
    const name = written.toLowerCase();
    if (name === '') {
      report(header.line, '-', `column ${index + 1} of the header has no name`);
      return;
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      report(header.line, written, `is in the header twice (columns ${earlier + 1} and ${index + 1})`);
      return;
    }
    seen.set(name, index);
    if (isColumn(name)) positions.push({ name, index });
    else report(header.line, written, `is not a column of ${canonicalName}: its columns are ${listOf(columnNames)}`);
  });
  const absentOptional: { name: Column; cell: CellRule }[] = [];
  for (const name of columnNames) {
    if (seen.has(name)) continue;
    if (rule.columns[name].required) report(header.line, name, 'is a required column but is not in the header');
    else absentOptional.push({ name, cell: rule.columns[name].cell });
  }
  file.absentColumns = absentOptional.map(({ name }) => name);
  file.idsKnown = rule.key.every((name) => seen.has(name));
  const soleKey = rule.key.length === 1 ? rule.key[0] : undefined;
  const soleKeyIndex = soleKey === undefined ? undefined : seen.get(soleKey);
  const cells = positions.map(({ name, index }) => ({ name, index, cell: rule.columns[name].cell, required: rule.columns[name].required }));

  let recordCount = 0;
  const linesAfterTheOne: number[] = [];
  for (let next = records.next(); !next.done; next = records.next()) {
    const record = next.value;
    const line = record.line;
    recordCount++;
    if (rule.exactlyOneRow && recordCount > 1) linesAfterTheOne.push(line);
    if (record.cells.length !== header.cells.length) {
      report(line, '-', `has ${record.cells.length} cells but the header has ${header.cells.length}: is a comma missing, extra or unquoted?`);
      const rawId = soleKeyIndex === undefined ? undefined : record.cells[soleKeyIndex];
      if (rawId) idsOfBrokenRecords.add(rawId);
      continue;
    }
    const row: Record<string, CellValue | undefined> = { line };
    for (const { name, index, cell: cellRule, required } of cells) {
      const cell = record.cells[index];
      if (cell === '') {
        if (required) report(line, name, 'is required but empty');
        else row[name] = emptyValue(cellRule);
        continue;
      }
      if (cell.length > longestCell) {
        report(line, name, `is ${cell.length.toLocaleString('en-GB')} characters long: a cell may have at most ${longestCell.toLocaleString('en-GB')}`);
        continue;
      }
      if (cell.includes('\u0000')) {
        report(lineOfNul(line, record.cells, index), name, 'has a NUL byte (character 0), which no text may hold: is this a binary file, or was it saved as UTF-16?');
        continue;
      }
      const reading = readCell(cellRule, cell);
      if (reading.ok) row[name] = reading.value;
      else report(line, name, reading.message);
    }
    for (const { name, cell } of absentOptional) row[name] = emptyValue(cell);

    if (file.idsKnown) {
      const key = soleKey === undefined ? compositeKey(rule.key.map((name) => row[name])) : row[soleKey];
      if (key !== undefined && key !== null) {
        const id = String(key);
        // The row about to be pushed below is row `rows.length`.
        const earlierRow = keyIndex ? keyIndex.add(id, rows.length) : -1;
        const earlier = keyIndex ? (earlierRow === -1 ? undefined : rows.lineAt(earlierRow)) : firstLineOfKey.get(id);
        if (earlier !== undefined) {
          if (soleKey !== undefined) report(line, soleKey, `${id} is already on line ${earlier}: ids must be unique within a file`);
          else report(line, '-', `${rule.key.map((name) => `${name} ${String(row[name])}`).join(', ')} are already on line ${earlier}`);
          continue;
        }
        if (!keyIndex) firstLineOfKey.set(id, line);
      }
    }

    if (rule.ordered) {
      const start = row[rule.ordered.start];
      const end = row[rule.ordered.end];
      if (typeof start === 'string' && typeof end === 'string' && end < start) {
        report(line, rule.ordered.end, `${end} is before ${rule.ordered.start} ${start}`);
        row[rule.ordered.end] = undefined;
      }
    }
    // The one place a row becomes typed: every defined value was read by its column's rule.
    rows.push(row as ReadRecord<R>);
  }

  if (rule.exactlyOneRow && recordCount === 0) report(0, '-', `has no rows: it must have exactly one, the ${rule.noun} the extract belongs to`);
  for (const line of linesAfterTheOne) report(line, '-', `is a second ${rule.noun}: ${canonicalName} must have exactly one row`);
  return finish();
}
