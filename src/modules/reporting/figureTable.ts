/** @module The plain table model every dashboard, chart, CSV download and report renderer is fed: headings, raw figures, and how they add up. */
import type { ChartDescription } from '../../platform/documents/charts.js';

/**
 * What a column holds, which says how it is written and whether disclosure control applies:
 * `count` (children, placements, registrations: whole numbers, suppressed from 1 to 4), `rate` (one place),
 * `percent` (to the indicator's places, with a % sign), `change` (signed percentage), `money` (pounds).
 */
export type ColumnKind = 'label' | 'count' | 'rate' | 'percent' | 'change' | 'money';

export interface FigureColumn {
  heading: string;
  kind: ColumnKind;
  /** Decimal places, for rates and percentages. */
  places?: number;
  /** Count columns (by index) a derived figure is worked out from: hidden wherever one of them is hidden in the same row. */
  derivedFrom?: readonly number[];
}

/** A cell: a label, a figure, or null where the figure is absent (no population row, a denominator of 0). */
export type FigureCell = string | number | null;

/**
 * How the counts add up, for disclosure control: `none` (each row stands alone), `total-row` (the last row
 * is the sum of the rows above, column by column), `grid` (last row and last column are totals of a two-way table).
 */
export type Additivity = 'none' | 'total-row' | 'grid';

export interface FigureTable {
  /** A stable id, used in anchors and CSV file names (e.g. `balance-of-care`). */
  id: string;
  caption: string;
  columns: readonly FigureColumn[];
  rows: readonly (readonly FigureCell[])[];
  additivity: Additivity;
  /** The indicator ids the figures come from, for the method annex. */
  indicators: readonly string[];
  /** How a figure was worked out, where the reader needs telling (e.g. cost avoided). */
  method?: string;
  chart?: ChartDescription;
}

function csvCell(cell: FigureCell): string {
  if (cell === null) return '';
  // A label starting like a formula is opened as text by spreadsheets, never run.
  const text = typeof cell === 'string' && /^[=+\-@]/.test(cell) ? `'${cell}` : String(cell);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The table as CSV (unsuppressed figures: for staff, not for publication), with a header row.
 * @example tableCsv({ id: 't', caption: 'T', columns: [{ heading: 'Year', kind: 'label' }, { heading: 'Children', kind: 'count' }], rows: [['2021', 233]], additivity: 'none', indicators: [] }) // 'Year,Children\r\n2021,233\r\n'
 */
export function tableCsv(table: FigureTable): string {
  const lines = [table.columns.map((column) => csvCell(column.heading)), ...table.rows.map((row) => row.map(csvCell))];
  return lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}
