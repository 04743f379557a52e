/**
 * The rules on an unseen extract (generated from a seed): a clean extract raises no error, and every problem planted
 * in one is found by the rule for its kind, naming the planted record.
 */
import { describe, expect, it } from 'vitest';
import { collectionYear } from '../../src/modules/returns/collectionYear.js';
import { ruleContext } from '../../src/modules/returns/ruleContext.js';
import { runRules } from '../../src/modules/returns/runRules.js';
import { packFor } from '../../src/modules/returns/packs/packs.js';
import { generatedReturnRecords, plantProblems } from '../support/generatedReturnRecords.js';

const check = (records: ReturnType<typeof generatedReturnRecords>) => runRules(packFor('2021-22'), ruleContext(collectionYear('2021-22')!, records, '2022-09-30'));

describe.each([11, 2022, 73])('an unseen extract from seed %i', (seed) => {
  it('raises no error when clean, and every rule runs', () => {
    const run = check(generatedReturnRecords(seed, 60));
    expect(run.failed).toEqual([]);
    expect(run.skipped).toEqual([]);
    expect(run.findings.filter((finding) => finding.kind === 'error')).toEqual([]);
  });

  it('finds every planted problem', () => {
    const records = generatedReturnRecords(seed, 60);
    const planted = plantProblems(records, seed);
    const run = check(records);
    const found = new Set(run.findings.map((finding) => `${finding.code} ${finding.table}:${finding.recordId}`));
    expect(planted.length).toBeGreaterThanOrEqual(18);
    for (const problem of planted) expect(found, `${problem.code} ${problem.record}`).toContain(`${problem.code} ${problem.record}`);
  });
});
