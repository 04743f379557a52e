/** @module `cairn stats`: every indicator of indicators.md, unsuppressed, as JSON for analysts' scripts or as a table. */
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { locallyOrByServer } from '../runningServer.js';
import { withDatabase } from '../openServices.js';
import { parseYearRange } from '../../modules/reporting/periods.js';
import { statsOptionsProblem, statsService, StatsOptionsError } from '../../modules/reporting/statsService.js';
import type { StatsOptions, StatsResult } from '../../modules/reporting/statsTypes.js';

interface StatsArguments {
  json: boolean;
  options: StatsOptions;
}

const valueFlags = ['--years', '--baseline', '--from', '--to'] as const;
type ValueFlag = (typeof valueFlags)[number];

/**
 * Read `cairn stats` options (`--years 2016-2021` or `--years=2016-2021`); throws `UsageError` on anything wrong.
 * @example parseStatsArguments(['--json', '--years', '2021']) // { json: true, options: { years: { first: 2021, last: 2021 } } }
 */
export function parseStatsArguments(args: readonly string[]): StatsArguments {
  let json = false;
  const given = new Map<ValueFlag, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') {
      json = true;
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!(valueFlags as readonly string[]).includes(flag)) throw new UsageError(`unknown option ${arg}`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    if (given.has(flag as ValueFlag)) throw new UsageError(`${flag} is given twice`);
    given.set(flag as ValueFlag, value);
  }

  const options: StatsOptions = {};
  const years = given.get('--years');
  if (years !== undefined) {
    const range = parseYearRange(years);
    if (!range) throw new UsageError(`--years ${years} is not a year or a range of years such as 2016-2021`);
    options.years = range;
  }
  const baseline = given.get('--baseline');
  if (baseline !== undefined) {
    if (!/^\d{4}$/.test(baseline)) throw new UsageError(`--baseline ${baseline} is not a year such as 2016`);
    options.baseline = Number(baseline);
  }
  if (given.has('--from')) options.from = given.get('--from');
  if (given.has('--to')) options.to = given.get('--to');
  const problem = statsOptionsProblem(options);
  if (problem) throw new UsageError(problem);
  return { json, options };
}

/**
 * The result as a plain text table, one row per figure.
 * @example formatStatsTable({ authority: 'Tinyshire', baseline: 2020, rows: [] })
 */
export function formatStatsTable(result: StatsResult): string {
  const header = ['indicator', 'period', 'breakdown', 'value'];
  const lines = result.rows.map((row) => {
    const { indicator, period, value, ...dimensions } = row;
    const breakdown = Object.entries(dimensions).map(([key, dimensionValue]) => `${key}=${dimensionValue}`).join(' ');
    return [indicator, period, breakdown, String(value)];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) =>
    cells.map((cell, column) => (column === cells.length - 1 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ');
  const title = `${result.authority ?? 'No authority recorded'} — baseline ${result.baseline ?? 'none'} — unsuppressed figures, not for publication`;
  const body = lines.length ? lines.map(format) : ['(no figures: no years or window with data)'];
  return [title, '', format(header), ...body].join('\n') + '\n';
}

export const statsCommand: Command = {
  name: 'stats',
  summary: 'Print every indicator (unsuppressed, for analysts); --json for scripts',
  usage: 'cairn stats [--json] [--years 2016-2021] [--baseline 2016] [--from DATE --to DATE]',
  async run(args, io) {
    const { json, options } = parseStatsArguments(args);
    // The statistics alone, not every service: a command an analyst runs often should start fast.
    const result = await locallyOrByServer(
      io,
      () => withDatabase(io.env, async (db) => {
        try {
          return await statsService(db).compute(options);
        } catch (error) {
          if (error instanceof StatsOptionsError) throw new UsageError(error.message);
          throw error;
        }
      }, { reads: true }),
      (server) => server.stats(options),
    );
    io.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatStatsTable(result));
    return 0;
  },
};
