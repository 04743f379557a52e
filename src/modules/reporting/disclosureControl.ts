/** @module Disclosure control for published tables: counts of 1 to 4 shown as `*`, and enough others hidden that none can be worked back. */

/** The smallest and largest count that is never published. */
export const smallestShown = 5;

/** A published cell: the figure, or `*` where it is suppressed. */
export type PublishedCount = number | '*';

/**
 * A total in a table and the cells it adds up: if exactly one of them were hidden, subtraction would reveal it.
 * Indices are positions in the list of values handed to `suppressCounts`.
 */
export interface Additivity {
  total: number;
  parts: readonly number[];
}

/**
 * Whether a count of children must not be published (1 to 4; 0 is shown).
 * @example isSmallCount(3) // true
 * @example isSmallCount(0) // false
 */
export function isSmallCount(value: number): boolean {
  return value >= 1 && value < smallestShown;
}

/**
 * Which of `values` to hide. Primary suppression hides every count from 1 to 4. Secondary suppression
 * then looks at each total and its parts (a group): where exactly one member of the group is hidden, the
 * hidden one could be worked out from the others, so one more is hidden — the smallest non-zero part still
 * shown (zeros are left: hiding a 0 beside one other hidden cell protects nothing the total does not
 * already give), or failing that the total itself. Hiding a cell can expose another group, so this repeats
 * until no group has exactly one hidden member.
 * @example suppressCounts([3, 10, 12, 25], [{ total: 3, parts: [0, 1, 2] }]) // [true, true, false, false]
 */
export function suppressCounts(values: readonly number[], groups: readonly Additivity[] = []): boolean[] {
  const hidden = values.map(isSmallCount);
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      const members = [group.total, ...group.parts];
      if (members.filter((index) => hidden[index]).length !== 1) continue;
      const candidates = group.parts.filter((index) => !hidden[index] && values[index]! > 0);
      const next = candidates.sort((a, b) => values[a]! - values[b]! || a - b)[0] ?? (hidden[group.total] ? undefined : group.total);
      if (next === undefined) continue;
      hidden[next] = true;
      changed = true;
    }
  }
  return hidden;
}

/**
 * Publish a list of counts and their total (a one-way table such as children by placement type).
 * @example publishWithTotal([16, 3, 1, 2, 1]) // { parts: [16, '*', '*', '*', '*'], total: 23 }
 */
export function publishWithTotal(parts: readonly number[]): { parts: PublishedCount[]; total: PublishedCount } {
  const total = parts.reduce((sum, value) => sum + value, 0);
  const values = [...parts, total];
  const hidden = suppressCounts(values, [{ total: parts.length, parts: parts.map((_, index) => index) }]);
  const shown = values.map((value, index) => (hidden[index] ? '*' : value));
  return { parts: shown.slice(0, parts.length), total: shown[parts.length]! };
}

/** A two-way table published with its row totals, column totals and grand total. */
export interface PublishedGrid {
  cells: PublishedCount[][];
  rowTotals: PublishedCount[];
  columnTotals: PublishedCount[];
  grandTotal: PublishedCount;
}

/**
 * Publish a two-way table of counts (rows × columns) with row, column and grand totals, every total
 * protected against subtraction.
 * @example publishGrid([[3, 10], [8, 9]]).cells // [['*', '*'], ['*', '*']]
 */
export function publishGrid(cells: readonly (readonly number[])[]): PublishedGrid {
  const rows = cells.length;
  const columns = cells[0]?.length ?? 0;
  const at = (row: number, column: number) => row * columns + column;
  const rowTotalAt = (row: number) => rows * columns + row;
  const columnTotalAt = (column: number) => rows * columns + rows + column;
  const grandAt = rows * columns + rows + columns;
  const rowTotals = cells.map((row) => row.reduce((sum, value) => sum + value, 0));
  const columnTotals = Array.from({ length: columns }, (_, column) => cells.reduce((sum, row) => sum + row[column]!, 0));
  const grand = rowTotals.reduce((sum, value) => sum + value, 0);
  const values = [...cells.flat(), ...rowTotals, ...columnTotals, grand];
  const groups: Additivity[] = [
    ...cells.map((_, row) => ({ total: rowTotalAt(row), parts: Array.from({ length: columns }, (__, column) => at(row, column)) })),
    ...Array.from({ length: columns }, (_, column) => ({ total: columnTotalAt(column), parts: cells.map((__, row) => at(row, column)) })),
    { total: grandAt, parts: rowTotals.map((_, row) => rowTotalAt(row)) },
    { total: grandAt, parts: columnTotals.map((_, column) => columnTotalAt(column)) },
  ];
  const hidden = suppressCounts(values, groups);
  const shown = values.map((value, index): PublishedCount => (hidden[index] ? '*' : value));
  return {
    cells: cells.map((row, r) => row.map((_, c) => shown[at(r, c)]!)),
    rowTotals: rowTotals.map((_, r) => shown[rowTotalAt(r)]!),
    columnTotals: columnTotals.map((_, c) => shown[columnTotalAt(c)]!),
    grandTotal: shown[grandAt]!,
  };
}

/**
 * A single count on its own (no total beside it): hidden when from 1 to 4.
 * @example publishCount(4) // '*'
 */
export function publishCount(value: number): PublishedCount {
  return isSmallCount(value) ? '*' : value;
}
