/**
 * @module The figures kept through changes they do not count (ADR 0076), on either engine: their results — kept in
 * memory and stored — are given again after a write to a table they do not read (a sign-in), but worked out again after
 * a write to one they read, alone or beside other writes. That the list is exact: test/db/whatKeepsRead.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { statsService } from '../../src/modules/reporting/statsService.js';
import { userRepository } from '../../src/modules/users/userRepository.js';
import { aChild, anEpisode, aSmallAuthority, aUser } from '../support/factories.js';

describe(`what the figures read (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let userId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    await aSmallAuthority(database.db);
    userId = (await aUser(database.db, 'practitioner')).userId;
  });
  afterAll(() => database.drop());

  const options = { years: { first: 2020, last: 2021 } };
  const lookedAfter = (rows: { indicator: string; period: string; value: number }[]) => rows.find((row) => row.indicator === 'lac.count' && row.period === '2021-07-31')?.value;
  /** Proves the next answer is the stored one: only a stored answer can show this changed text. */
  const markStored = () => database.db.query(`update kept_results set value = replace(value, '"Glenmuir"', '"Glenmuir (stored)"')`);

  it('gives the figures again after a sign-in, from memory and to another process from the database', async () => {
    const stats = statsService(database.db);
    const first = await stats.compute(options);
    await userRepository().recordSuccessfulSignIn(database.db, userId);
    expect(await database.db.query(`select tables from data_changes where tables = array['users']`)).not.toEqual([]);
    await markStored();
    expect(await stats.compute(options)).toBe(first);
    expect((await statsService(database.db).compute(options)).authority).toBe('Glenmuir (stored)');
  });

  it('works them out again after a transaction that signed someone in and changed a counted record', async () => {
    const stats = statsService(database.db);
    const before = await stats.compute(options);
    await database.db.transaction(async (tx) => {
      await userRepository().recordSignedIn(tx, userId);
      await aChild(tx, { childId: 'K2', dateOfBirth: '2013-03-04' });
      await anEpisode(tx, 'K2', { startDate: '2021-02-01' });
    });
    const [note] = await database.db.query<{ tables: string[] }>(`select tables from data_changes order by xid desc limit 1`);
    expect(note?.tables).toEqual(['users', 'children', 'looked_after_episodes']);
    await markStored();
    const after = await stats.compute(options);
    expect(lookedAfter(before.rows)).toBe(1);
    expect(lookedAfter(after.rows)).toBe(2);
    expect(after.authority).toBe('Glenmuir');
    expect((await statsService(database.db).compute(options)).authority).toBe('Glenmuir');
  });

  it('takes a note that names no tables (one from before notes named them) as a change to every table', async () => {
    const stats = statsService(database.db);
    await stats.compute(options);
    await markStored();
    await database.db.transaction(async (tx) => {
      await userRepository().recordSignedIn(tx, userId);
      await tx.query('update data_changes set tables = null where xid = pg_current_xact_id()');
    });
    expect((await stats.compute(options)).authority).toBe('Glenmuir');
    expect((await statsService(database.db).compute(options)).authority).toBe('Glenmuir');
  });
});
