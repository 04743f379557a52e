/**
 * @module The test suite's own PGlite databases, used again within a worker (test/support/reusedPglite.ts, ADR 0058):
 * one handed on is in the template's state whatever the file before it did, one whose schema changed is never handed
 * on, and a dropped handle runs nothing more.
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { shelfCounts } from '../support/reusedPglite.js';
import { createTestDatabase, engineUnderTest } from '../support/testDatabase.js';

/** Every table's rows and every sequence's position, as one comparable value. */
async function contents(db: Database): Promise<Record<string, unknown>> {
  const tables = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c where c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace order by 1`,
  );
  const found: Record<string, unknown> = {};
  for (const { name } of tables) {
    const [row] = await db.query<{ rows: unknown }>(`select coalesce(json_agg(t order by t::text), '[]') as rows from "${name}" t`);
    found[name] = row!.rows;
  }
  found['(sequences)'] = await db.query(`select sequencename, last_value from pg_sequences where schemaname = current_schema() order by 1`);
  return found;
}

/** What a busy file leaves behind: rows in many tables, sequences moved on, an audit trail, the template's rows changed. */
async function useHard(db: Database): Promise<void> {
  const [user] = await db.query<{ id: string }>(
    `insert into users (username, display_name, role) values ('reuse.probe', 'Reuse Probe', 'analyst') returning user_id as id`,
  );
  await db.query(`insert into drafts (user_id, form_path, fields) values ($1, '/children/new', '{"forename":"Ava"}')`, [user!.id]);
  await db.query(
    `insert into audit_events (user_id, actor, action, child_id) values ($1, 'reuse.probe', 'child.viewed', 'C1')`,
    [user!.id],
  );
  await db.query(`update reference_entries set name = name || ' (changed)'`);
  await db.query(`delete from case_file_audit_questions where position > 4`);
}

describe.skipIf(engineUnderTest !== 'pglite')('test databases used again within a worker (pglite)', () => {
  it('hands the next file a database in the template state, whatever the file before did to it', async () => {
    const fresh = await createTestDatabase();
    const template = await contents(fresh.db);
    await useHard(fresh.db);
    expect(await contents(fresh.db)).not.toEqual(template);
    const before = shelfCounts();
    await fresh.drop();

    const next = await createTestDatabase();
    try {
      expect(shelfCounts().reused).toBe(before.reused + 1);
      expect(await contents(next.db)).toEqual(template);
      // The audit trail refuses a truncate to everyone else, still.
      await expect(next.db.exec('truncate audit_events')).rejects.toThrow();
    } finally {
      await next.drop();
    }
  });

  it('refuses a statement through a handle its file has dropped', async () => {
    const first = await createTestDatabase();
    await first.drop();
    const second = await createTestDatabase();
    try {
      await expect(first.db.query('select 1')).rejects.toThrow(/dropped/);
      await expect(first.db.transaction(async () => undefined)).rejects.toThrow(/dropped/);
      expect(await second.db.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await second.drop();
    }
  });

  it.each([
    ['a table added', 'create table left_behind (id int)'],
    ['an index dropped', 'drop index data_changes_noted_at_idx'],
    ['a trigger turned off', 'alter table audit_events disable trigger audit_events_append_only'],
    ['a role added', 'create role reuse_probe_role'],
    ['a function changed', `create or replace function note_data_change() returns trigger language plpgsql as $$ begin return null; end $$`],
  ])('never hands on a database whose schema changed (%s)', async (_change, ddl) => {
    const changed = await createTestDatabase();
    await changed.db.exec(ddl);
    const before = shelfCounts();
    await changed.drop();
    // Closed, not shelved: the next database is another (a copy of the template, or one shelved clean).
    expect(shelfCounts().closed).toBe(before.closed + 1);
    const next = await createTestDatabase();
    try {
      const [role] = await next.db.query<{ found: boolean }>(`select exists (select 1 from pg_roles where rolname = 'reuse_probe_role') as found`);
      expect(role!.found).toBe(false);
    } finally {
      await next.drop();
    }
  });
});
