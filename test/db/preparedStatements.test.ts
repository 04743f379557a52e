/**
 * @module Statements kept prepared (ADR 0060): on PostgreSQL a `prepared` statement is parsed and planned once per
 * pooled connection and run again by name, answering exactly as the same statement sent afresh; PGlite runs it as
 * any other statement. A statement that fails inside a transaction leaves nothing behind that breaks the next use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';

const lookUp = 'select n, n * $2::int as times from generate_series(1, $1::int) as s(n) order by n';

describe(`statements kept prepared (${engineUnderTest})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('answer as the same statement sent afresh, with each call’s own values, on every connection at once', async () => {
    const calls = Array.from({ length: 30 }, (_, i) => [1 + (i % 4), i] as const);
    const prepared = await Promise.all(calls.map(([count, times]) => database.db.query(lookUp, [count, times], { prepared: true })));
    const afresh = await Promise.all(calls.map(([count, times]) => database.db.query(lookUp, [count, times])));
    expect(prepared).toEqual(afresh);
    expect(prepared[5]).toEqual([{ n: 1, times: 5 }, { n: 2, times: 10 }]);
  });

  it('are kept by the connection on PostgreSQL, by one name for one SQL text, and are not kept by PGlite', async () => {
    const kept = await database.db.transaction(async (tx) => {
      await tx.query(lookUp, [2, 3], { prepared: true });
      await tx.query(lookUp, [3, 4], { prepared: true });
      return tx.query<{ name: string; statement: string }>(`select name, statement from pg_prepared_statements where name like 'cairn\\_%'`);
    });
    if (engineUnderTest === 'postgres') {
      expect(kept).toHaveLength(1);
      expect(kept[0]!.name).toMatch(/^cairn_[0-9a-f]{20}$/);
      expect(kept[0]!.statement).toBe(lookUp);
    } else {
      expect(kept).toEqual([]);
    }
  });

  it('still work after one failed in a rolled-back transaction, and a statement without values is sent as it is', async () => {
    await expect(database.db.transaction(async (tx) => {
      await tx.query('select 1/0 as never', []);
      return tx.query(lookUp, [1, 1], { prepared: true });
    })).rejects.toThrow(/division by zero/);
    await expect(database.db.transaction((tx) => tx.query('select $1::int / 0 as never', [1], { prepared: true }))).rejects.toThrow(/division by zero/);
    expect(await database.db.query('select $1::int / 0 as never', [0], { prepared: true }).catch((error: Error) => error.message)).toMatch(/division by zero/);
    expect(await database.db.query(lookUp, [1, 7], { prepared: true })).toEqual([{ n: 1, times: 7 }]);
    expect(await database.db.query('select 2 as two', [], { prepared: true })).toEqual([{ two: 2 }]);
  });
});
