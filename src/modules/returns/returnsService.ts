/** @module Checking the records against a collection year's rules. */
import type { Database } from '../../db/database.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import { collectionYear, collectionYearOf, type CollectionYear } from './collectionYear.js';
import { packFor } from './packs/packs.js';
import { returnsRepository } from './returnsRepository.js';
import { ruleContext } from './ruleContext.js';
import { runRules, type RuleRun } from './runRules.js';
import { buildReturn, type BuiltReturn } from './buildReturn.js';
import { codeMapFor } from './codeMap.js';
import type { ReturnKind } from './returnLayouts.js';
import { statsService } from '../reporting/statsService.js';

export class ReturnsOptionsError extends Error {
  override name = 'ReturnsOptionsError';
}

/**
 * The collection year called `label` (e.g. `2021-22`), or the year `today` falls in when none is given.
 * @example yearOrCurrent('2021-22', '2026-12-02').census // '2022-07-31'
 */
export function yearOrCurrent(label: string | undefined, today: string): CollectionYear {
  if (label === undefined) return collectionYearOf(today);
  const year = collectionYear(label);
  if (!year) throw new ReturnsOptionsError(`${label} is not a collection year such as 2021-22`);
  return year;
}

/** @example await returnsService(db).check({ year: '2021-22' }) */
export function returnsService(db: Database, repository = returnsRepository()) {
  /** Every record as of one moment: read in one repeatable-read transaction, so no rule sees a change another missed. */
  const snapshot = () => db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    return repository.records(tx);
  });
  return {
    /** Run the year's rule pack over the records as they are now. */
    async check(options: { year?: string; today?: string } = {}): Promise<RuleRun> {
      const today = options.today ?? todayIso();
      const year = yearOrCurrent(options.year, today);
      const records = await snapshot();
      return runRules(packFor(year.label), ruleContext(year, records, today));
    },

    /**
     * The return's files and manifest for a collection year (the one today falls in when none is given): refused
     * (`ReturnRefusedError`) while an error rule fails or its total disagrees with the indicator.
     */
    async build(kind: ReturnKind, options: { year?: string; today?: string } = {}): Promise<BuiltReturn> {
      const today = options.today ?? todayIso();
      const year = yearOrCurrent(options.year, today);
      const records = await snapshot();
      const context = ruleContext(year, records, today);
      const run = runRules(packFor(year.label), context);
      const indicator = kind === 'clas' ? 'lac.count' : 'cp.registered';
      const figures = await statsService(db).compute({ years: { first: year.censusYear, last: year.censusYear } });
      const figure = figures.rows.find((row) => row.indicator === indicator && row.period === year.census)?.value ?? 0;
      return buildReturn(kind, context, run, codeMapFor(year.label), Number(figure));
    },
  };
}

export type ReturnsService = ReturnType<typeof returnsService>;
