/** @module A transaction on either engine: statements asked for together run one at a time, in order, in one snapshot. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';

describe(`statements asked for together in one transaction (${engineUnderTest})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('each get their own answer, in the order asked, with no warning from the driver', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const answers = await database.db.transaction((tx) =>
        Promise.all([1, 2, 3, 4, 5].map((n) => tx.query<{ n: number }>('select $1::int as n, pg_sleep(0.01)', [n]))),
      );
      expect(answers.map((rows) => rows[0]!.n)).toEqual([1, 2, 3, 4, 5]);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((message) => /already executing a query/.test(message))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('after a failed statement, the transaction is rolled back and what came before it is not kept', async () => {
    await database.db.exec('create table transaction_probe (n int primary key)');
    await expect(
      database.db.transaction((tx) => Promise.all([tx.query('insert into transaction_probe values (1)'), tx.query('insert into transaction_probe values (1)')])),
    ).rejects.toThrow();
    expect(await database.db.query('select n from transaction_probe')).toEqual([]);
  });
});
