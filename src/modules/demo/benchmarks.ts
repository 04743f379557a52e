/** @module Published figures the demo compares itself with: Scotland, its family group and four invented councils; and its population estimates. */
import { populationEstimates } from './authority.js';
import type { BenchmarkRow, PopulationRow } from './extract.js';
import type { Random } from '../../platform/random/seededRandom.js';

/** Looked after children per 1,000 aged 0–17, 2016 to 2022. */
const ratePer1000: Readonly<Record<string, readonly number[]>> = {
  scotland: [14.8, 14.5, 14.3, 14.1, 13.6, 12.9, 12.6],
  family_group: [15.9, 15.6, 15.3, 15.1, 14.8, 14.4, 14.1],
  Dunbrae: [16.8, 16.6, 16.4, 16.1, 15.7, 15.2, 15.0],
  Kilmarrow: [13.1, 12.9, 12.8, 12.6, 12.3, 12.0, 11.8],
  Westhaven: [18.2, 18.0, 17.8, 17.6, 17.3, 16.9, 16.6],
  Lochcraig: [14.9, 14.7, 14.5, 14.2, 13.9, 13.6, 13.3],
};

/** LGBF CHN9: % of looked after children cared for in the community, 2016 to 2022. */
const communityPct: Readonly<Record<string, readonly number[]>> = {
  scotland: [89.8, 90.0, 90.1, 90.3, 90.4, 90.1, 89.9],
  family_group: [90.6, 90.8, 91.0, 91.1, 91.3, 91.0, 90.9],
  Dunbrae: [88.9, 89.1, 89.0, 89.4, 89.6, 89.5, 89.3],
  Kilmarrow: [91.7, 91.9, 92.0, 92.2, 92.1, 92.4, 92.3],
  Westhaven: [87.5, 87.9, 88.2, 88.0, 88.6, 88.9, 88.7],
  Lochcraig: [90.2, 90.1, 90.5, 90.7, 90.9, 90.6, 90.8],
};

/**
 * Benchmark rows for 2016–2022 (published figures: the same for every seed).
 * @example demoBenchmarks().find((b) => b.area === 'scotland' && b.year === 2021)
 */
export function demoBenchmarks(): BenchmarkRow[] {
  const rows: BenchmarkRow[] = [];
  for (const [indicator, table] of [['lac.rate_per_1000', ratePer1000], ['lac.community_pct', communityPct]] as const) {
    for (const [area, values] of Object.entries(table)) {
      values.forEach((value, i) => rows.push({ year: 2016 + i, indicator, area, value: value.toFixed(1) }));
    }
  }
  return rows;
}

/**
 * Mid-year estimates of children aged 0–17 from 2016 to `lastYear`, slowly falling, with a little seeded jitter.
 * @example demoPopulation(createRandom(2021, 'population'), 2022).at(-1) // { year: 2022, age_0_17: 19838 }
 */
export function demoPopulation(random: Random, lastYear: number): PopulationRow[] {
  const rows: PopulationRow[] = [];
  for (let year = 2016; year <= lastYear; year += 1) {
    const planned = populationEstimates[year];
    const age_0_17 = planned === undefined ? Math.round(rows[rows.length - 1]!.age_0_17 * 0.995) : planned + random.int(-25, 25);
    rows.push({ year, age_0_17 });
  }
  return rows;
}
