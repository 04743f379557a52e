/** @module The short-break flat's yearly figures: nights split across the financial years they fall in, children counted once a year. */
import { describe, expect, it } from 'vitest';
import { writeTable } from '../reporting/publishTable.js';
import { shortBreakTable, shortBreakYears } from './shortBreakYears.js';

describe('the short-break flat by financial year', () => {
  const stays = [
    { childId: 'C1', startDate: '2021-03-30', endDate: '2021-04-02', avoidedOutOfAuthority: true },
    { childId: 'C1', startDate: '2021-05-01', endDate: '2021-05-03', avoidedOutOfAuthority: false },
    { childId: 'C2', startDate: '2021-06-01', endDate: '2021-06-05', avoidedOutOfAuthority: true },
  ];

  it('counts each night in the year it falls in, each child once a year, and a placement avoided in the year the stay began', () => {
    expect(shortBreakYears(stays, 2, 2021, 2022)).toEqual([
      { year: '2020-21', nightsUsed: 2, nightsAvailable: 730, occupancyPct: 0.3, childrenSupported: 1, placementsAvoided: 1 },
      { year: '2021-22', nightsUsed: 7, nightsAvailable: 730, occupancyPct: 1, childrenSupported: 2, placementsAvoided: 1 },
    ]);
    expect(shortBreakYears(stays, 0, 2021, 2021)[0]).toMatchObject({ nightsAvailable: 0, occupancyPct: null });
  });

  it('publishes nights in full and hides children counts of 1 to 4', () => {
    const written = writeTable(shortBreakTable(shortBreakYears(stays, 1, 2022, 2022)), { published: true });
    expect(written.rows).toEqual([['2021-22', '7', '365', '1.9%', '*', '*']]);
    expect(shortBreakTable(shortBreakYears(stays, 1, 2022, 2022)).chart?.points).toEqual([{ label: '2021-22', series: 'Nights used', value: 7, source: { row: 0, column: 1 } }]);
  });
});
