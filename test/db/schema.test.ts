import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { aChild, anEpisode, aPlacement } from '../support/factories.js';
import { migrate } from '../../src/db/migrate.js';

describe(`the schema makes bad data impossible (${engineUnderTest})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await aChild(database.db, { childId: 'S1' });
    await aChild(database.db, { childId: 'S2' });
  });
  afterAll(() => database.drop());

  it('is migrated once: running the migrations again applies nothing', async () => {
    expect(await migrate(database.db)).toEqual([]);
  });

  it('refuses to update, delete or truncate audit events', async () => {
    const { db } = database;
    await db.query(`insert into audit_events (actor, action, child_id) values ('tester', 'child.viewed', 'S1')`);
    await expect(db.query(`update audit_events set actor = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(db.query('delete from audit_events')).rejects.toThrow(/append-only/);
    await expect(db.exec('truncate audit_events')).rejects.toThrow(/append-only/);
    const rows = await db.query<{ actor: string }>('select actor from audit_events');
    expect(rows.map((r) => r.actor)).toContain('tester');
  });

  it('refuses two placements of one child that overlap, but allows a move on the same day', async () => {
    const { db } = database;
    const episode = await anEpisode(db, 'S1', { startDate: '2020-01-01' });
    await aPlacement(db, episode, 'S1', { startDate: '2020-01-01', endDate: '2020-10-01' });
    await aPlacement(db, episode, 'S1', { startDate: '2020-10-01', endDate: null }); // a move: ends and starts on 1 October
    await expect(aPlacement(db, episode, 'S1', { startDate: '2020-06-01', endDate: '2020-07-01' })).rejects.toThrow(/placements_no_overlap|exclusion/);
  });

  it('refuses a placement outside its episode, or for another child than the episode’s', async () => {
    const { db } = database;
    const episode = await anEpisode(db, 'S2', { startDate: '2021-01-01', endDate: '2021-06-01' });
    await expect(aPlacement(db, episode, 'S2', { startDate: '2020-12-01', endDate: '2021-02-01' })).rejects.toThrow(/outside its episode/);
    await expect(aPlacement(db, episode, 'S2', { startDate: '2021-02-01', endDate: null })).rejects.toThrow(/outside its episode/);
    await expect(aPlacement(db, episode, 'S1', { startDate: '2021-02-01', endDate: '2021-03-01' })).rejects.toThrow(/placements_episode_fk|foreign key/);
  });

  it('takes as an id exactly what extract-format.md allows (1–64 of letters, digits, - _ . /), as the first pattern did', async () => {
    const { db } = database;
    const candidates = ['a', 'C-0001/2.x_y', 'A'.repeat(64), 'A'.repeat(65), '', ' ', 'a b', 'ab\n', '\nab', 'é', 'Zoë1', 'a'.repeat(63) + 'é',
      'ａ', '*', 'a$', "o'k", 'a\\b', '..', '/'];
    const taken: string[] = [];
    for (const value of candidates) {
      // The domain's own check (migration 0082), each value on its own: a refusal is a check violation, nothing else.
      try {
        await db.query('select $1::record_id', [value]);
        taken.push(value);
      } catch (error) {
        expect(error).toMatchObject({ code: '23514' });
      }
    }
    const [first] = await db.query<{ taken: string[] }>(
      `select coalesce(array_agg(v order by n), '{}') as taken from unnest($1::text[]) with ordinality as c (v, n) where v ~ '^[A-Za-z0-9._/-]{1,64}$'`,
      [candidates]);
    expect(taken).toEqual(first!.taken);
    expect(taken).toEqual(['a', 'C-0001/2.x_y', 'A'.repeat(64), '..', '/']);
  });

  it('refuses an end before a start, an unknown code and a dangling child', async () => {
    const { db } = database;
    await expect(anEpisode(db, 'S2', { startDate: '2021-01-01', endDate: '2020-01-01' })).rejects.toThrow(/episodes_dates_ordered/);
    await expect(anEpisode(db, 'S2', { legalReason: 'made_up' })).rejects.toThrow(/check constraint/);
    await expect(anEpisode(db, 'NOBODY')).rejects.toThrow(/foreign key/);
  });
});
