/**
 * @module A file's typed rows held as one string each (ADR 0065): an object a row, with a string a value, cost the
 * importer about 160 MB for a large authority's extract (567,089 rows), where one string a row costs about 50 MB.
 * A row is unpacked when it is read, and let go again by whoever read it.
 */
import type { CellValue } from './parseCells.js';
import type { ReadRecord } from './extract.js';

/**
 * Between a row's values. No value holds it: a cell with a NUL byte is a problem (readRecords) and never a value, and a
 * list is written as JSON, which escapes it.
 */
const between = '\u0000';

/** Starts every value that is not a plain string, and a string that itself starts with it; then a letter says what follows. */
const marked = '\u0001';

/** A string is held as it is (most values are ids, dates and codes), anything else marked with what it is. */
function pack(value: CellValue | undefined): string {
  if (typeof value === 'string') {
    if (value.includes(between)) throw new Error('a value with a NUL byte cannot be packed (readRecords reports such a cell as a problem)');
    return value.startsWith(marked) ? `${marked}s${value}` : value;
  }
  if (value === undefined) return `${marked}u`;
  if (value === null) return `${marked}n`;
  if (typeof value === 'number') return `${marked}d${value}`;
  if (typeof value === 'boolean') return value ? `${marked}t` : `${marked}f`;
  return `${marked}l${JSON.stringify(value)}`;
}

function unpack(text: string): CellValue | undefined {
  if (text.charCodeAt(0) !== 1) return text;
  switch (text.charCodeAt(1)) {
    case 115 /* s */:
      return text.slice(2);
    case 110 /* n */:
      return null;
    case 117 /* u */:
      return undefined;
    case 100 /* d */:
      return Number(text.slice(2));
    case 116 /* t */:
      return true;
    case 102 /* f */:
      return false;
    default:
      return JSON.parse(text.slice(2)) as string[];
  }
}

/**
 * The rows of one file, in the order read, each packed into one string with its line number beside it.
 * Each `at`, `slice` and walk through answers new row objects: changing one changes nothing held; `set` does.
 * @example
 * const rows = new PackedRows<ChildRecord>(['child_id', 'family_id'])
 * rows.push({ line: 2, child_id: 'C1', family_id: null })
 * rows.at(0) // { line: 2, child_id: 'C1', family_id: null }
 */
export class PackedRows<R> implements Iterable<ReadRecord<R>> {
  private readonly packed: string[] = [];
  private readonly lines: number[] = [];

  /** `columns`: every column a row may have a value in, in one fixed order. */
  constructor(private readonly columns: readonly (keyof R & string)[]) {}

  get length(): number {
    return this.packed.length;
  }

  push(row: ReadRecord<R>): void {
    this.packed.push(this.packRow(row));
    this.lines.push(row.line);
  }

  /** The row at `index` (0 is the first row read), or undefined past the end. */
  at(index: number): ReadRecord<R> | undefined {
    const text = this.packed[index];
    if (text === undefined) return undefined;
    const values = text.split(between);
    const row: Record<string, CellValue | number | undefined> = { line: this.lines[index] };
    for (let at = 0; at < this.columns.length; at++) {
      const value = unpack(values[at]!);
      if (value !== undefined) row[this.columns[at]!] = value;
    }
    return row as ReadRecord<R>;
  }

  /**
   * Visit one column's value in every row, in order, without unpacking the rest of each row (the checks between
   * files and the reference lists each want one or two columns of a large file).
   * @example rows.forEachValue('child_id', (childId, line) => …)
   */
  forEachValue<C extends keyof R & string>(column: C, visit: (value: R[C] | undefined, line: number, index: number) => void): void {
    const position = this.positionOf(column);
    for (let index = 0; index < this.packed.length; index++) visit(this.valueIn(this.packed[index]!, position) as R[C] | undefined, this.lines[index]!, index);
  }

  /** One column's value in the row at `index` (which must be a row), without unpacking the rest of it. */
  valueAt<C extends keyof R & string>(index: number, column: C): R[C] | undefined {
    return this.valueIn(this.packed[index]!, this.positionOf(column)) as R[C] | undefined;
  }

  /** The line the row at `index` is on. */
  lineAt(index: number): number | undefined {
    return this.lines[index];
  }

  private positionOf(column: string): number {
    const position = this.columns.indexOf(column as keyof R & string);
    if (position === -1) throw new Error(`${column} is not a column of these rows`);
    return position;
  }

  private valueIn(text: string, position: number): CellValue | undefined {
    let start = 0;
    for (let skipped = 0; skipped < position; skipped++) start = text.indexOf(between, start) + 1;
    const end = text.indexOf(between, start);
    return unpack(end === -1 ? text.slice(start) : text.slice(start, end));
  }

  /** Replace the row at `index` (reference values mapped onto their lists, say). */
  set(index: number, row: ReadRecord<R>): void {
    if (index < 0 || index >= this.packed.length) throw new RangeError(`no row ${index} of ${this.packed.length}`);
    this.packed[index] = this.packRow(row);
    this.lines[index] = row.line;
  }

  /** Rows `from` up to (not including) `to`, unpacked: a batch to write. */
  slice(from: number, to: number = this.packed.length): ReadRecord<R>[] {
    const rows: ReadRecord<R>[] = [];
    for (let index = Math.max(0, from); index < Math.min(to, this.packed.length); index++) rows.push(this.at(index)!);
    return rows;
  }

  *[Symbol.iterator](): Iterator<ReadRecord<R>> {
    for (let index = 0; index < this.packed.length; index++) yield this.at(index)!;
  }

  private packRow(row: ReadRecord<R>): string {
    const values = row as Record<string, CellValue | undefined>;
    return this.columns.map((column) => pack(values[column])).join(between);
  }
}
