/** @module Builds the object `cairn stats --json` prints: every indicator for the chosen years, baseline and window. */
import type { Database, Queryable, SqlValue } from '../../db/database.js';
import { indicators } from './indicators/index.js';
import { censusDate, censusYearsWithin, earliestYear, financialYear, latestYear, reportingYear, windowPeriod, yearsOf } from './periods.js';
import { isIsoDate } from '../../platform/dates/isoDates.js';
import { statsRepository, type StatsRepository } from './statsRepository.js';
import { keptWhileUnchanged } from '../../db/keptWhileUnchanged.js';
import { keptResults, type ResultToStore } from '../../db/keptResults.js';
import type { IndicatorKind, StatsOptions, StatsPeriods, StatsResult, StatsRow } from './statsTypes.js';

/** Options that cannot be computed (a reversed range, a date that does not exist, a window with one end). */
export class StatsOptionsError extends Error {
  override name = 'StatsOptionsError';
}

const isYear = (year: number) => Number.isInteger(year) && year >= earliestYear && year <= latestYear;

/**
 * What is wrong with `options`, or undefined when they can be computed.
 * @example statsOptionsProblem({ from: '2021-08-01', to: '2021-07-31' }) // '--from 2021-08-01 is after --to 2021-07-31'
 */
export function statsOptionsProblem(options: StatsOptions): string | undefined {
  const { years, baseline, from, to } = options;
  if (years && (!isYear(years.first) || !isYear(years.last) || years.first > years.last)) {
    return `--years must run from an earlier to a later year between ${earliestYear} and ${latestYear}`;
  }
  if (baseline !== undefined && !isYear(baseline)) return `--baseline must be a year between ${earliestYear} and ${latestYear}`;
  if ((from === undefined) !== (to === undefined)) return 'give both --from and --to, or neither';
  if (from !== undefined && !isIsoDate(from)) return `--from ${from} is not a date (YYYY-MM-DD)`;
  if (to !== undefined && !isIsoDate(to)) return `--to ${to} is not a date (YYYY-MM-DD)`;
  if (from !== undefined && to !== undefined && from > to) return `--from ${from} is after --to ${to}`;
  return undefined;
}

/** The label each year-based kind gives year Y, so rows can be laid out year by year. */
const periodLabel: Record<Exclude<IndicatorKind, 'window'>, (year: number) => string> = {
  census: censusDate,
  reporting_year: (year) => reportingYear(year).label,
  financial_year: (year) => financialYear(year).label,
};

/**
 * A view of `db` for one computation in which an identical query (same SQL, same parameters) runs once:
 * `lac.count` feeds `lac.rate_per_1000` and `lac.change_from_baseline_pct`, one caseload query feeds three
 * indicators, and so on. Rows handed out are shared, so indicators only read them.
 * @example const shared = sharingIdenticalQueries(db)
 */
export function sharingIdenticalQueries(db: Queryable): Queryable {
  const started = new Map<string, Promise<unknown[]>>();
  return {
    query<Row>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
      const key = JSON.stringify([sql, params]);
      let rows = started.get(key);
      if (!rows) {
        rows = db.query(sql, params);
        started.set(key, rows);
      }
      return rows as Promise<Row[]>;
    },
    exec: (sql) => db.exec(sql),
  };
}

/**
 * The period whose figures an import works out and keeps (ADR 0062): `cairn stats` with no options, every census year
 * with data — what an analyst and the dashboards ask for first after an import.
 */
export const figuresKeptAfterImport: StatsOptions = {};

/**
 * Every table the statistics read (ADR 0076): their results, kept in memory and stored, are made untrue only by a change
 * to one of these — not by a sign-in (`users`), a case note or a safety map, which no figure counts. Every indicator's
 * SQL names exactly these (test/db/whatKeepsRead.test.ts runs them all and fails on any other table or a missing one).
 */
export const tablesTheFiguresRead: readonly string[] = [
  'authority', 'cases', 'children', 'cp_registrations', 'families', 'looked_after_episodes', 'placements', 'population',
  'providers', 'referrals', 'scra_referrals',
];

/**
 * The statistics service: indicator rows for any years, baseline and window.
 * @example const stats = await statsService(db).compute({ years: { first: 2016, last: 2021 }, from: '2021-07-01', to: '2022-04-30' })
 */
export function statsService(db: Database | Queryable, repository: StatsRepository = statsRepository()) {
  /** Every figure of a period, kept while no record under it changes (ADR 0055): board paper pages ask again and again. */
  const kept = keptWhileUnchanged<StatsResult>(16, { watching: tablesTheFiguresRead });
  /** The same, stored for other processes: `cairn stats` run again, the server after a restart (ADR 0061). */
  const stored = keptResults<StatsResult>('statistics', { watching: tablesTheFiguresRead });

  /**
   * "Every census year for which there is data" (indicators.md). We take the census days that fall
   * between the first and the last date in the case records (a census before the first record or after
   * the last would describe nothing, or a future not yet recorded). Where the authority has loaded
   * population estimates for some of those years, the years run from the first to the last of them:
   * population rows are how an authority says which years it reports on, and with them every census
   * figure, the rate per 1,000 included, can be given. Without any, every census year in the span.
   * (The worked example `tiny` has records from 2018-12-01 to 2021-07-31 and population for 2020 and
   * 2021, so its default is 2020–2021, as its command line asks for explicitly.)
   * @example await statsService(db).defaultYears() // [2016, 2017, 2018, 2019, 2020, 2021]
   */
  async function defaultYears(q: Queryable): Promise<number[]> {
    // Usually the records reach past both ends of the population years: then those are the years, found without
    // reading every record for the span (on a large authority, a third of a second on PGlite).
    const populationYears = await repository.populationYears(q);
    if (populationYears.length > 0) {
      const [first, last] = [populationYears[0]!, populationYears[populationYears.length - 1]!];
      if (await repository.spanCovers(q, censusDate(first), censusDate(last))) return yearsOf({ first, last });
    }
    const span = await repository.dataSpan(q);
    if (!span.earliest || !span.latest) return [];
    const inSpan = censusYearsWithin(span.earliest, span.latest);
    const withPopulation = populationYears.filter((year) => inSpan.includes(year));
    if (withPopulation.length === 0) return inSpan;
    return yearsOf({ first: withPopulation[0]!, last: withPopulation[withPopulation.length - 1]! });
  }

  return {
    /** The registry, for callers that want to describe the indicators they show. */
    indicators,
    defaultYears: () => defaultYears(db),

    /**
     * Compute every indicator: census ones for each year, reporting and financial years ending in
     * each year, window ones only when `from` and `to` are given. Rows are laid out year by year
     * (census, reporting year, financial year), then the window, each in the registry's order.
     * Throws `StatsOptionsError` for options that cannot be computed.
     * @example await statsService(db).compute({ years: { first: 2020, last: 2021 } }) // { authority: 'Tinyshire', baseline: 2020, rows: [...] }
     */
    async compute(options: StatsOptions = {}): Promise<StatsResult> {
      const problem = statsOptionsProblem(options);
      if (problem) throw new StatsOptionsError(problem);
      // One snapshot: every figure of a run sees the same records, even while an import commits.
      if ('transaction' in db) {
        const key = JSON.stringify(options);
        let toStore: ResultToStore<StatsResult> | undefined;
        const result = await db.transaction(async (tx) => {
          await tx.query('set transaction isolation level repeatable read, read only');
          // Census indicators count distinct children over tens of thousands of rows a date: room to do it in memory.
          const setUp = [`set local work_mem = '64MB'`];
          for (const statement of setUp) await tx.query(statement);
          // Kept in this process, else stored by an earlier one (ADR 0061), else worked out and stored.
          return kept.get(tx, key, async () => {
            const found = await stored.find(tx, key);
            if (found) return found;
            // On PostgreSQL the indicators' queries run on two server processes in this one snapshot (ADR 0066).
            const workedOut = await stored.workOut(tx, () => (tx.inSharedSnapshot ? tx.inSharedSnapshot(setUp, (both) => computeOn(both, options)) : computeOn(tx, options)));
            toStore = workedOut.toStore;
            return workedOut.value;
          });
        });
        if (toStore) await stored.store(db, key, toStore);
        return result;
      }
      return computeOn(db, options);
    },
  };

  /** Every row asked for, read through `q` (the snapshot's transaction, or the database itself). */
  async function computeOn(q: Queryable, options: StatsOptions): Promise<StatsResult> {
    const [authority, years] = await Promise.all([
      repository.authorityName(q),
      options.years ? Promise.resolve(yearsOf(options.years)) : defaultYears(q),
    ]);
    const baseline = options.baseline ?? years[0] ?? null;
    const window = options.from !== undefined && options.to !== undefined ? { from: options.from, to: options.to } : undefined;
    const periods: StatsPeriods = { years, baseline: baseline ?? years[0] ?? 0, window };

    const wanted = indicators.filter((indicator) => (indicator.kind === 'window' ? window !== undefined : years.length > 0));
    const shared = sharingIdenticalQueries(q);
    const computed = await Promise.all(wanted.map(async (indicator) => ({ indicator, rows: await indicator.compute(shared, periods) })));

    const rows: StatsRow[] = [];
    const rowsOf = (kind: IndicatorKind, period: string) =>
      computed.filter(({ indicator }) => indicator.kind === kind).flatMap(({ rows: all }) => all.filter((row) => row.period === period));
    for (const year of years) {
      for (const kind of ['census', 'reporting_year', 'financial_year'] as const) rows.push(...rowsOf(kind, periodLabel[kind](year)));
    }
    if (window) rows.push(...rowsOf('window', windowPeriod(window).label));
    return { authority, baseline, rows };
  }
}
export type StatsService = ReturnType<typeof statsService>;
