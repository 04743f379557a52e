/** @module SQL for published comparator figures (benchmarks.csv): Scotland, the family group and other authorities. */
import type { Queryable } from '../../db/database.js';

import type { Benchmark } from '../reporting/benchmark.js';

/** @example const rows = await benchmarkRepository().forIndicators(db, ['lac.rate_per_1000']) */
export function benchmarkRepository() {
  return {
    /**
     * Every benchmark row for these indicators, by indicator, year and area.
     * @example await benchmarkRepository().forIndicators(db, ['lac.rate_per_1000']) // [{ year: 2021, indicator: 'lac.rate_per_1000', area: 'scotland', value: 12.9 }, …]
     */
    async forIndicators(db: Queryable, indicatorIds: readonly string[]): Promise<Benchmark[]> {
      return db.query<Benchmark>(
        `select year, indicator, area, value::float8 as value
           from benchmarks
          where indicator = any($1::text[])
          order by indicator, year, area`,
        [indicatorIds],
      );
    },
    save: saveBenchmarks,
  };
}
export type BenchmarkRepository = ReturnType<typeof benchmarkRepository>;

/**
 * Add or replace published figures (one per year, indicator and area); returns how many rows were new.
 * @example await saveBenchmarks(tx, [{ year: 2021, indicator: 'lac.rate_per_1000', area: 'scotland', value: 12.9 }]) // 1
 */
export async function saveBenchmarks(db: Queryable, rows: readonly Benchmark[]): Promise<{ added: number; changed: number }> {
  const written = await db.query<{ inserted: boolean }>(
    `insert into benchmarks (year, indicator, area, value)
     select * from unnest($1::integer[], $2::text[], $3::text[], $4::numeric[])
     on conflict (year, indicator, area) do update set value = excluded.value
     where benchmarks.value is distinct from excluded.value
     returning (xmax = 0) as inserted`,
    [rows.map((row) => row.year), rows.map((row) => row.indicator), rows.map((row) => row.area), rows.map((row) => row.value)],
  );
  const added = written.filter((row) => row.inserted).length;
  return { added, changed: written.length - added };
}
