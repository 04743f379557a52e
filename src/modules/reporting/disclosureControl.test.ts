import { describe, expect, it } from 'vitest';
import { isSmallCount, publishCount, publishGrid, publishWithTotal, suppressCounts } from './disclosureControl.js';
import { writeTable } from './publishTable.js';
import type { FigureTable } from './figureTable.js';

describe('disclosure control, worked by hand', () => {
  it('hides counts from 1 to 4 and shows 0 and 5', () => {
    expect([0, 1, 4, 5].map(isSmallCount)).toEqual([false, true, true, false]);
    expect([0, 1, 2, 3, 4, 5, 233].map(publishCount)).toEqual([0, '*', '*', '*', '*', 5, 233]);
  });

  it('hides a second cell when one small count could be worked back from the total', () => {
    // 16 + 3 + 9 = 28: with only the 3 hidden, 28 − 16 − 9 gives it back, so the smallest other part (9) goes too.
    expect(publishWithTotal([16, 3, 9])).toEqual({ parts: [16, '*', '*'], total: 28 });
  });

  it('needs nothing more when two or more cells are already hidden', () => {
    // The seed's placement type table: 16, 3, 1, 2, 1 (total 23). Four small counts, the 16 and the total stay.
    expect(publishWithTotal([16, 3, 1, 2, 1])).toEqual({ parts: [16, '*', '*', '*', '*'], total: 23 });
  });

  it('leaves zeros shown and hides the total when the only other part is 0', () => {
    // 0 + 2 = 2: the 2 is small and so is the total; with 7 + 2 + 0 = 9 the 7 must go (0 would protect nothing).
    expect(publishWithTotal([0, 2])).toEqual({ parts: [0, '*'], total: '*' });
    expect(publishWithTotal([7, 2, 0])).toEqual({ parts: ['*', '*', 0], total: 9 });
    // 2 + 0 + 0 = 2 itself small: both hidden, nothing left to work back.
    expect(publishWithTotal([2, 0, 0])).toEqual({ parts: ['*', 0, 0], total: '*' });
  });

  it('publishes a table with no small counts unchanged', () => {
    expect(publishWithTotal([10, 20, 30])).toEqual({ parts: [10, 20, 30], total: 60 });
  });

  it('protects rows and columns of a two-way table together', () => {
    //      a   b  | total
    // x    3  10  |  13
    // y    8   9  |  17
    //     11  19  |  30
    // The 3 is hidden; row x then needs the 10 hidden; column a needs the 8; column b (10 hidden) needs the 9.
    // Row y then has two hidden. Totals all stay: no total has exactly one hidden part.
    expect(publishGrid([[3, 10], [8, 9]])).toEqual({
      cells: [['*', '*'], ['*', '*']],
      rowTotals: [13, 17],
      columnTotals: [11, 19],
      grandTotal: 30,
    });
  });

  it('hides a second cell in a row of a larger grid and chains into the column it touches', () => {
    //      a   b   c  | total
    // x   20   2  30  |  52
    // y   25  40  50  | 115
    // 2 hidden → row x: next smallest 20 hidden → column a: 20 hidden alone → 25 hidden; column b: 2 alone → 40 hidden.
    // Row y: 25 and 40 hidden (two), fine. Column c: none hidden.
    const grid = publishGrid([[20, 2, 30], [25, 40, 50]]);
    expect(grid.cells).toEqual([['*', '*', 30], ['*', '*', 50]]);
    expect(grid.rowTotals).toEqual([52, 115]);
    expect(grid.columnTotals).toEqual([45, 42, 80]);
    expect(grid.grandTotal).toBe(167);
  });

  it('suppressCounts repeats until every group has none or at least two hidden', () => {
    // values: 0:p=4, 1:q=10, 2:r=12, 3:total(p+q)=14, 4:total(q+r)=22
    const hidden = suppressCounts([4, 10, 12, 14, 22], [
      { total: 3, parts: [0, 1] },
      { total: 4, parts: [1, 2] },
    ]);
    // 4 hidden → q hidden (group 1) → group 2 has only q hidden → r hidden.
    expect(hidden).toEqual([true, true, true, false, false]);
  });

  it('hides a rate or percentage worked out from a hidden count', () => {
    const table: FigureTable = {
      id: 'caseload',
      caption: 'Caseload',
      columns: [
        { heading: 'Year', kind: 'label' },
        { heading: 'Open', kind: 'count' },
        { heading: 'Statutory', kind: 'count' },
        { heading: 'Share', kind: 'percent', places: 1, derivedFrom: [1, 2] },
      ],
      rows: [
        ['2020', 40, 3, 7.5],
        ['2021', 1233, 233, 18.9],
        ['2022', 0, 0, null],
      ],
      additivity: 'none',
      indicators: [],
    };
    expect(writeTable(table, { published: true }).rows).toEqual([
      ['2020', '40', '*', '*'],
      ['2021', '1,233', '233', '18.9%'],
      ['2022', '0', '0', '—'],
    ]);
    expect(writeTable(table, { published: false }).rows[0]).toEqual(['2020', '40', '3', '7.5%']);
  });
});
