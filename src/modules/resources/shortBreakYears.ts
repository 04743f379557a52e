/**
 * @module The short-break flat's figures for a board paper (section 4.3): for each financial year, the nights used
 * of the council's short-break places, how full they were, the children supported and the out of authority
 * placements avoided. A figure table, so the paper publishes it with disclosure control (children counts of 1 to 4 as *).
 */
import type { FigureTable } from '../reporting/figureTable.js';
import { financialYear } from '../reporting/periods.js';
import { occupancy, type Booking } from './resource.js';

/** A stay at a short-break place, without the child's name. */
export type ShortBreakStay = Pick<Booking, 'childId' | 'startDate' | 'endDate' | 'avoidedOutOfAuthority'>;

/** One financial year of the short-break places. */
export interface ShortBreakYear {
  /** `2020-21`. */
  year: string;
  nightsUsed: number;
  nightsAvailable: number;
  occupancyPct: number | null;
  /** Children who stayed at least one night of the year. */
  childrenSupported: number;
  /** Stays starting in the year that kept a child from an out of authority placement. */
  placementsAvoided: number;
}

/**
 * The figures of each financial year ending in `first` to `last` (1 April of Y−1 to 31 March of Y).
 * @example shortBreakYears([{ childId: 'C1', startDate: '2021-03-30', endDate: '2021-04-02', avoidedOutOfAuthority: true }], 1, 2021, 2022)
 * // [{ year: '2020-21', nightsUsed: 2, nightsAvailable: 365, occupancyPct: 0.5, childrenSupported: 1, placementsAvoided: 1 }, { year: '2021-22', nightsUsed: 1, …, placementsAvoided: 0 }]
 */
export function shortBreakYears(stays: readonly ShortBreakStay[], places: number, first: number, last: number): ShortBreakYear[] {
  const years: ShortBreakYear[] = [];
  for (let end = first; end <= last; end += 1) {
    const period = financialYear(end);
    const inYear = stays.filter((stay) => stay.startDate <= period.last && stay.endDate > period.first);
    const use = occupancy(inYear, places, period.first, period.last);
    years.push({ year: period.label, ...use, childrenSupported: new Set(inYear.map((stay) => stay.childId)).size });
  }
  return years;
}

/**
 * The years as a figure table with a chart of nights used. Nights are not children, so they are written in full;
 * children supported and placements avoided are counts of children, hidden from 1 to 4 when published.
 * @example shortBreakTable(years).columns.map((c) => c.heading) // ['Financial year', 'Nights used', 'Nights available', 'Occupancy', 'Children supported', 'Placements avoided']
 */
export function shortBreakTable(years: readonly ShortBreakYear[]): FigureTable {
  const rows = years.map((year) => [year.year, year.nightsUsed, year.nightsAvailable, year.occupancyPct, year.childrenSupported, year.placementsAvoided]);
  return {
    id: 'short-breaks',
    caption: 'The short-break flat by financial year: nights used, occupancy, children supported and placements avoided',
    columns: [
      { heading: 'Financial year', kind: 'label' },
      { heading: 'Nights used', kind: 'rate', places: 0 },
      { heading: 'Nights available', kind: 'rate', places: 0 },
      { heading: 'Occupancy', kind: 'percent', places: 1 },
      { heading: 'Children supported', kind: 'count' },
      { heading: 'Placements avoided', kind: 'count' },
    ],
    rows,
    additivity: 'none',
    indicators: [],
    method: 'A night is used when a child stays it at one of the council’s short-break places; a stay is counted in the year of each of its nights. Nights available are the places times the nights of the year. Children supported stayed at least one night in the year. A placement is avoided when the manager booking the stay recorded that it kept the child from an out of authority placement, counted in the year the stay began.',
    chart: { kind: 'bar', title: 'Nights used at the short-break flat', axisTitle: 'Financial year', valueTitle: 'Nights', points: rows.map((row, index) => ({ label: String(row[0]), series: 'Nights used', value: Number(row[1]), source: { row: index, column: 1 } })) },
  };
}
