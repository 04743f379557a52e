/** @module Checking the records against a collection year's rules. */
import type { Database } from '../../db/database.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import { collectionYear, collectionYearOf, type CollectionYear } from './collectionYear.js';
import { packFor } from './packs/packs.js';
import { returnsRepository } from './returnsRepository.js';
import type { ReturnRecords } from './records.js';
import { ruleContext } from './ruleContext.js';
import { runRules, type RuleRun } from './runRules.js';
import { buildReturn, type BuiltReturn } from './buildReturn.js';
import { codeMapFor } from './codeMap.js';
import type { ReturnKind } from './returnLayouts.js';
import { statsService } from '../reporting/statsService.js';
import { keptWhileUnchanged } from '../../db/keptWhileUnchanged.js';
import { dataQualityRepository, type RunTrigger } from './dataQuality/dataQualityRepository.js';
import { countsByRule, splitIssues } from './dataQuality/issues.js';

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

/** What a check is asked: the collection year (the current one when absent), the day it runs, and what started it. */
export interface CheckOptions {
  year?: string;
  today?: string;
  trigger?: RunTrigger;
}

/** A year's rules run over every record as they stood at one moment. */
export interface Review {
  year: CollectionYear;
  today: string;
  records: ReturnRecords;
  run: RuleRun;
  split: ReturnType<typeof splitIssues>;
}

/**
 * Every table a review reads: the records the rules run over and the "checked, correct" marks (ADR 0076). A review is
 * kept through changes to anything else — a sign-in, a case note — as running the rules at a large authority takes
 * seconds. test/db/whatKeepsRead.test.ts proves the list is exactly what the review's SQL names.
 */
export const tablesTheReviewReads: readonly string[] = [
  'cases', 'children', 'cp_planning_meetings', 'cp_registrations', 'data_quality_checked', 'looked_after_episodes',
  'placements', 'population', 'providers', 'scra_referrals',
];

/** @example await returnsService(db).check({ year: '2021-22' }) */
export function returnsService(db: Database, repository = returnsRepository(), quality = dataQualityRepository()) {
  /**
   * A year's review, kept while no record changes (ADR 0055): the data quality pages are opened one after another,
   * each needing the same run. Two kept: this year's and one other.
   */
  const kept = keptWhileUnchanged<Review>(2, { watching: tablesTheReviewReads });
  /**
   * The year's rules run over the records as they are now, the findings split by the "checked, correct" marks. The
   * records are read in one repeatable-read transaction, so no rule sees a change another missed.
   */
  async function review(options: { year?: string; today?: string } = {}): Promise<Review> {
    const today = options.today ?? todayIso();
    const year = yearOrCurrent(options.year, today);
    return db.transaction(async (tx) => {
      await tx.query('set transaction isolation level repeatable read, read only');
      return kept.get(tx, JSON.stringify([year.label, today]), async () => {
        const records = await repository.records(tx);
        const run = runRules(packFor(year.label), ruleContext(year, records, today));
        const split = splitIssues(run.findings, records, await quality.currentMarks(tx), today);
        return { year, today, records, run, split };
      });
    });
  }

  return {
    review,

    /**
     * Run the year's rule pack over the records as they are now, and keep the run's counts (`trigger` says what
     * started it: `on_demand` when not said). Queries marked "checked, correct" on an unchanged record are left out.
     */
    async check(options: CheckOptions = {}): Promise<RuleRun & { checkedCorrect: number }> {
      const { run, split } = await review(options);
      const errors = split.open.filter((issue) => issue.kind === 'error').length;
      await quality.saveRun(db, {
        trigger: options.trigger ?? 'on_demand', year: run.year, pack: run.pack, errors, queries: split.open.length - errors,
        checkedCorrect: split.marked.length, rulesFailed: run.failed.length, rulesSkipped: run.skipped.length,
      }, countsByRule(split.open));
      const hidden = new Set(split.marked.map((issue) => `${issue.code}|${issue.table}|${issue.recordId}`));
      const findings = run.findings.filter((finding) => !hidden.has(`${finding.code}|${finding.table}|${finding.recordId}`));
      return { ...run, findings, checkedCorrect: split.marked.length };
    },

    /**
     * The return's files and manifest for a collection year (the one today falls in when none is given): refused
     * (`ReturnRefusedError`) while an error rule fails or its total disagrees with the indicator.
     */
    async build(kind: ReturnKind, options: { year?: string; today?: string } = {}): Promise<BuiltReturn> {
      const today = options.today ?? todayIso();
      const year = yearOrCurrent(options.year, today);
      const { records, run } = await review({ year: year.label, today });
      const context = ruleContext(year, records, today);
      const indicator = kind === 'clas' ? 'lac.count' : 'cp.registered';
      const figures = await statsService(db).compute({ years: { first: year.censusYear, last: year.censusYear } });
      const figure = figures.rows.find((row) => row.indicator === indicator && row.period === year.census)?.value ?? 0;
      return buildReturn(kind, context, run, codeMapFor(year.label), Number(figure));
    },
  };
}

export type ReturnsService = ReturnType<typeof returnsService>;
