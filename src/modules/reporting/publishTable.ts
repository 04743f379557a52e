/** @module Writes a figure table's cells as text: as staff see them (every figure), or published (disclosure control applied). */
import { isSmallCount, publishGrid, publishWithTotal, type PublishedCount } from './disclosureControl.js';
import type { FigureCell, FigureColumn, FigureTable } from './figureTable.js';
import { numberOf } from '../../platform/dates/formats.js';

/** A table ready to print: headings and every cell as text. */
export interface WrittenTable {
  id: string;
  caption: string;
  headings: string[];
  /** Which columns hold figures (right-aligned). */
  numeric: boolean[];
  rows: string[][];
  method?: string;
}


/**
 * One figure written for its column: `1,233`, `11.9`, `19.1%`, `-39%`, `£2,500,000`; `—` where absent.
 * @example writeFigure({ heading: 'Change', kind: 'change', places: 0 }, -39) // '-39%'
 */
export function writeFigure(column: FigureColumn, cell: FigureCell | '*'): string {
  if (cell === null) return '—';
  if (cell === '*' || typeof cell === 'string') return cell;
  const places = column.places ?? 0;
  const fixed = (value: number) => numberOf(value, places);
  switch (column.kind) {
    case 'count':
      return numberOf(cell);
    case 'rate':
      return fixed(cell);
    case 'percent':
      return `${fixed(cell)}%`;
    case 'change':
      return `${cell > 0 ? '+' : ''}${fixed(cell)}%`;
    case 'money':
      return `${cell < 0 ? '-' : ''}£${numberOf(Math.abs(cell))}`;
    default:
      return String(cell);
  }
}

/** Which cells disclosure control hides: counts per the table's additivity, then figures derived from a hidden count. */
function hiddenCells(table: FigureTable): boolean[][] {
  const hidden = table.rows.map((row) => row.map(() => false));
  const countColumns = table.columns.flatMap((column, index) => (column.kind === 'count' ? [index] : []));
  const value = (cell: FigureCell | undefined) => (typeof cell === 'number' ? cell : 0);
  if (table.additivity === 'grid') {
    const body = table.rows.slice(0, -1).map((row) => countColumns.slice(0, -1).map((column) => value(row[column])));
    const grid = publishGrid(body);
    const last = table.rows.length - 1;
    const lastColumn = countColumns[countColumns.length - 1]!;
    grid.cells.forEach((row, r) => row.forEach((cell, c) => (hidden[r]![countColumns[c]!] = cell === '*')));
    grid.rowTotals.forEach((cell, r) => (hidden[r]![lastColumn] = cell === '*'));
    grid.columnTotals.forEach((cell, c) => (hidden[last]![countColumns[c]!] = cell === '*'));
    hidden[last]![lastColumn] = grid.grandTotal === '*';
  } else if (table.additivity === 'total-row') {
    for (const column of countColumns) {
      const published = publishWithTotal(table.rows.slice(0, -1).map((row) => value(row[column])));
      const all: PublishedCount[] = [...published.parts, published.total];
      all.forEach((cell, r) => (hidden[r]![column] = cell === '*'));
    }
  } else {
    table.rows.forEach((row, r) => countColumns.forEach((column) => (hidden[r]![column] = isSmallCount(value(row[column])))));
  }
  table.columns.forEach((column, index) => {
    if (!column.derivedFrom) return;
    table.rows.forEach((_, r) => {
      if (column.derivedFrom!.some((source) => hidden[r]![source])) hidden[r]![index] = true;
    });
  });
  return hidden;
}

/**
 * The table with every figure written, or — with `published` — with disclosure control applied: every count
 * of 1 to 4 is `*`, as are enough others that none can be worked back from totals, and any rate or
 * percentage worked out from a hidden count.
 * @example writeTable(table, { published: true }).rows[0] // ['2021', '233', '11.9', '-39%']
 */
export function writeTable(table: FigureTable, options: { published: boolean }): WrittenTable {
  const hidden = options.published ? hiddenCells(table) : table.rows.map((row) => row.map(() => false));
  return {
    id: table.id,
    caption: table.caption,
    headings: table.columns.map((column) => column.heading),
    numeric: table.columns.map((column) => column.kind !== 'label'),
    rows: table.rows.map((row, r) => row.map((cell, c) => writeFigure(table.columns[c]!, hidden[r]![c] ? '*' : cell))),
    method: table.method,
  };
}
