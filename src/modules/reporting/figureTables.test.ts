import { describe, expect, it } from 'vitest';
import { figureTables } from './figureTables.js';
import { financialYear } from './periods.js';
import type { StatsRow } from './statsTypes.js';

describe("the Reporter table's years the records do not cover", () => {
  it('says "No data" before the first and after the last year with any child referred, and keeps a nought between', () => {
    const referred: Record<number, number> = { 2018: 0, 2019: 12, 2020: 0, 2021: 9, 2022: 0 };
    const rows: StatsRow[] = Object.entries(referred).flatMap(([year, value]) => [
      { indicator: 'scra.children', period: financialYear(Number(year)).label, value },
      { indicator: 'scra.offence_children', period: financialYear(Number(year)).label, value: value ? 2 : 0 },
    ]);
    const tables = figureTables({ stats: { authority: 'Glenmuir', baseline: 2018, rows }, benchmarks: [], years: [2018, 2019, 2020, 2021, 2022] });
    const scra = tables.find((table) => table.id === 'scra')!;
    expect(scra.rows.map((row) => row.slice(1))).toEqual([['No data', 'No data'], [12, 2], [0, 0], [9, 2], ['No data', 'No data']]);
    expect(scra.chart?.points.map((point) => point.value)).toEqual([12, 0, 9, 2, 0, 2]);
  });
});
