/**
 * @module Results kept in the database (ADR 0061), on either engine: a second statistics service — another process,
 * as `cairn stats` run again is — gives the stored figures while the records are unchanged, works them out again after
 * any committed write to a watched table, and never gives a result older than a day or from another database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { statsService } from '../../src/modules/reporting/statsService.js';
import { keptResults } from '../../src/db/keptResults.js';
import { aChild, anEpisode, aSmallAuthority } from '../support/factories.js';

describe(`results kept in the database (${engineUnderTest})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await aSmallAuthority(database.db);
  });
  afterAll(() => database.drop());

  const lookedAfter = (rows: { indicator: string; period: string; value: number }[], period: string) =>
    rows.find((row) => row.indicator === 'lac.count' && row.period === period)?.value;
  const storedRows = async () => (await database.db.query<{ kind: string; key: string }>('select kind, key from kept_results order by key'));

  it('stores a period\'s figures, and another service (another process) gives them again unchanged without working them out', async () => {
    const options = { years: { first: 2020, last: 2021 } };
    const first = await statsService(database.db).compute(options);
    expect(await storedRows()).toEqual([{ kind: 'statistics', key: JSON.stringify(options) }]);
    // Prove the second answer is the stored one: change the stored text, which only a stored answer can show.
    await database.db.query(`update kept_results set value = replace(value, '"Glenmuir"', '"Glenmuir (stored)"')`);
    const again = await statsService(database.db).compute(options);
    expect(again).toEqual({ ...first, authority: 'Glenmuir (stored)' });
    expect(lookedAfter(again.rows, '2021-07-31')).toBe(1);
  });

  it('works the figures out again once a write to the records has committed, and stores the new ones', async () => {
    const options = { years: { first: 2021, last: 2021 } };
    expect(lookedAfter((await statsService(database.db).compute(options)).rows, '2021-07-31')).toBe(1);
    await aChild(database.db, { childId: 'K2', dateOfBirth: '2013-03-04' });
    await anEpisode(database.db, 'K2', { startDate: '2021-02-01' });
    expect(lookedAfter((await statsService(database.db).compute(options)).rows, '2021-07-31')).toBe(2);
    // …and what it stored is the new answer, given to the next process.
    expect(lookedAfter((await statsService(database.db).compute(options)).rows, '2021-07-31')).toBe(2);
  });

  it('gives a result kept overnight, but not one kept more than a day ago, or one whose snapshot is ahead of this database\'s (a restore)', async () => {
    const stored = keptResults<string>('probe');
    const [state] = await database.db.query<{ snapshot: string }>('select pg_current_snapshot()::text as snapshot');
    await stored.store(database.db, 'k', { snapshot: state!.snapshot, value: 'kept' });
    expect(await stored.find(database.db, 'k')).toBe('kept');
    // Kept by an import at night, asked for the next morning: still given while nothing has changed.
    await database.db.query(`update kept_results set kept_at = clock_timestamp() - interval '10 hours' where kind = 'probe'`);
    expect(await stored.find(database.db, 'k')).toBe('kept');
    await database.db.query(`update kept_results set kept_at = clock_timestamp() - interval '25 hours' where kind = 'probe'`);
    expect(await stored.find(database.db, 'k')).toBeUndefined();
    await stored.store(database.db, 'k', { snapshot: '900000000:900000000:', value: 'from another database' });
    expect(await stored.find(database.db, 'k')).toBeUndefined();
  });

  it('stores nothing worked out in a transaction that has written: it may roll back', async () => {
    const stored = keptResults<string>('probe-written');
    await expect(database.db.transaction(async (tx) => {
      await tx.query(`update authority set authority_name = 'Rolled back'`);
      const { value, toStore } = await stored.workOut(tx, async () => 'in a written transaction');
      expect(value).toBe('in a written transaction');
      expect(toStore).toBeUndefined();
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
  });
});
