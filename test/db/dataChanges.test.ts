/**
 * @module Results kept while the records under them are unchanged (ADR 0055), on either engine: every table is watched
 * or said not to be, a kept result is given again until a watched write commits, and never outlives a rollback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptWhileUnchanged, forgetOldDataChanges } from '../../src/db/keptWhileUnchanged.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';

/** Written by reading (or the notes themselves): a change to these changes no figure. Keep in step with migration 0078. */
const unwatched = ['audit_chain_head', 'audit_events', 'data_changes', 'drafts', 'form_submissions', 'kept_results', 'schema_migrations', 'sessions'];

describe(`results kept while the records are unchanged (${engineUnderTest})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  const authorityName = async () => (await database.db.query<{ name: string }>('select authority_name as name from authority'))[0]?.name ?? '(none)';
  const rename = (name: string) => database.db.query(`insert into authority (authority_code, authority_name) values ('A1', $1)
    on conflict (singleton) do update set authority_name = excluded.authority_name`, [name]);

  it('watches every table but those written by reading: a table a later migration adds must be one or the other', async () => {
    const tables = await database.db.query<{ name: string; watched: boolean }>(`
      select c.relname as name, exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'note_data_change') as watched
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = current_schema() and c.relkind in ('r', 'p') order by 1`);
    expect(tables.length).toBeGreaterThan(60);
    expect(tables.filter((table) => !table.watched).map((table) => table.name)).toEqual(unwatched);
  });

  it('gives a kept result again until a watched write commits, then works it out afresh', async () => {
    const keep = keptWhileUnchanged<string>(4);
    const [user] = await database.db.query<{ id: string }>(`insert into users (username, display_name, role) values ('kept.probe', 'Kept Probe', 'analyst') returning user_id as id`);
    await rename('Glenmuir');
    expect(await keep.get(database.db, 'name', authorityName)).toBe('Glenmuir');
    // A write to an unwatched table (a session's last-seen time, an audit event) changes nothing kept.
    await database.db.query(`insert into drafts (user_id, form_path, fields) values ($1, '/children/new', '{}')`, [user!.id]);
    await database.db.query(`update drafts set fields = '{"forename":"Ava"}' where user_id = $1`, [user!.id]);
    expect(await keep.get(database.db, 'name', async () => 'worked out again')).toBe('Glenmuir');
    await rename('Glenmuir Council');
    expect(await keep.get(database.db, 'name', authorityName)).toBe('Glenmuir Council');
    expect(keep.counts()).toEqual({ given: 1, workedOut: 2 });
  });

  it('in a transaction that has written, works the result out but does not keep it: the write may roll back', async () => {
    const keep = keptWhileUnchanged<string>(4);
    await rename('Before');
    await expect(database.db.transaction(async (tx) => {
      await tx.query(`update authority set authority_name = 'Rolled back'`);
      expect(await keep.get(tx, 'name', async () => (await tx.query<{ name: string }>('select authority_name as name from authority'))[0]!.name)).toBe('Rolled back');
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect(await keep.get(database.db, 'name', authorityName)).toBe('Before');
  });

  it('sees a change by a transaction still open when the result was kept, once it commits', async () => {
    if (engineUnderTest === 'pglite') return; // one connection: a transaction cannot be open alongside a read
    const keep = keptWhileUnchanged<string>(4);
    await rename('First');
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    const writer = database.db.transaction(async (tx) => {
      await tx.query(`update authority set authority_name = 'Second'`);
      written();
      await committed;
    });
    await wrote;
    expect(await keep.get(database.db, 'name', authorityName)).toBe('First');
    commit();
    await writer;
    expect(await keep.get(database.db, 'name', authorityName)).toBe('Second');
  });

  it('notes rows an import copies in (COPY fires the statement trigger too)', async () => {
    const keep = keptWhileUnchanged<number>(4);
    const years = async () => (await database.db.query<{ n: number }>('select count(*)::int as n from population'))[0]!.n;
    const before = await keep.get(database.db, 'years', years);
    await database.db.transaction(async (tx) => {
      await tx.copyIn!('population', ['year', 'age_0_17'], '2031\t1000\n2032\t1010\n');
    });
    expect(await keep.get(database.db, 'years', years)).toBe(before + 2);
  });

  it('keeps only the most recently used keys, and forgets notes older than two days, longer than any result is kept', async () => {
    const keep = keptWhileUnchanged<number>(2);
    for (const key of ['a', 'b', 'a', 'c']) await keep.get(database.db, key, async () => 1);
    expect(keep.counts()).toEqual({ given: 1, workedOut: 3 });
    await keep.get(database.db, 'b', async () => 2); // 'b' was the least recently used of three, so gone
    expect(keep.counts().workedOut).toBe(4);
    await rename('Old');
    // A note a day and a half old may still make a result kept in the database (for a day) untrue: it stays.
    await database.db.query(`update data_changes set noted_at = now() - interval '36 hours'`);
    expect(await forgetOldDataChanges(database.db)).toBe(0);
    await database.db.query(`update data_changes set noted_at = now() - interval '49 hours'`);
    expect(await forgetOldDataChanges(database.db)).toBeGreaterThan(0);
    expect(await database.db.query('select xid from data_changes')).toEqual([]);
  });
});
