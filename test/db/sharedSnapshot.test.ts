/**
 * @module `inSharedSnapshot` (ADR 0066), against a real database: on PostgreSQL a repeatable-read transaction's reads
 * are spread over its connection and a second one that sees exactly its snapshot — not a row committed since — and
 * run at once; PGlite, with one connection, offers no such thing and statistics are worked out on its one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest } from '../support/testDatabase.js';
import type { Database } from '../../src/db/database.js';

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createTestDatabase());
  await db.exec('create table snapshot_probe (n integer)');
  await db.exec('insert into snapshot_probe values (1), (2)');
});
afterAll(async () => {
  await drop();
});

describe.runIf(engineUnderTest === 'postgres')('reads spread over two connections in one snapshot (PostgreSQL)', () => {
  it('sees on both connections what the transaction sees, not a row committed after its snapshot', async () => {
    const seen = await db.transaction(async (tx) => {
      await tx.query('set transaction isolation level repeatable read, read only');
      await tx.query('select count(*) from snapshot_probe'); // the snapshot is taken here
      await db.query('insert into snapshot_probe values (3)'); // committed by another connection, after it
      if (!tx.inSharedSnapshot) throw new Error('no inSharedSnapshot on PostgreSQL');
      return tx.inSharedSnapshot([`set local work_mem = '64MB'`], (both) =>
        // Asked together: the first takes the transaction's connection and sleeps, so the second goes to the helper.
        Promise.all([
          both.query<{ pid: number; rows: number; work_mem: string }>(`select pg_backend_pid() as pid, (select count(*)::integer from snapshot_probe) as rows, current_setting('work_mem') as work_mem from pg_sleep(0.2)`),
          both.query<{ pid: number; rows: number; work_mem: string }>(`select pg_backend_pid() as pid, (select count(*)::integer from snapshot_probe) as rows, current_setting('work_mem') as work_mem`),
        ]),
      );
    });
    const [[first], [second]] = seen;
    expect(first!.pid).not.toBe(second!.pid);
    expect([first!.rows, second!.rows]).toEqual([2, 2]);
    expect(second!.work_mem).toBe('64MB');
    expect((await db.query<{ rows: number }>('select count(*)::integer as rows from snapshot_probe'))[0]!.rows).toBe(3);
  });

  it('ends the helper’s transaction and gives its connection back when the work fails', async () => {
    await expect(db.transaction(async (tx) => {
      await tx.query('set transaction isolation level repeatable read, read only');
      return tx.inSharedSnapshot!([], (both) => Promise.all([both.query('select pg_sleep(0.1)'), both.query('select 1 / 0')]));
    })).rejects.toThrow(/division by zero/);
    // Every connection of the pool still usable: more transactions than it holds, one after another.
    for (let round = 0; round < 12; round++) {
      await db.transaction(async (tx) => {
        await tx.query('set transaction isolation level repeatable read, read only');
        await tx.inSharedSnapshot!([], (both) => Promise.all([both.query('select 1'), both.query('select 2')]));
      });
    }
  });
});

describe.runIf(engineUnderTest === 'pglite')('PGlite: one connection', () => {
  it('offers no shared snapshot', async () => {
    await db.transaction(async (tx) => {
      expect(tx.inSharedSnapshot).toBeUndefined();
    });
  });
});
