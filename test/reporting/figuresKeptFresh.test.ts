/**
 * @module The server keeps the figures fresh (ADR 0076), on either engine: after a change to a counted record it waits
 * for the changes to go quiet, then works the default figures out and stores them for the next process; a look that
 * fails is logged and the looking goes on.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { statsService } from '../../src/modules/reporting/statsService.js';
import { keepFiguresFresh, lastLookBeforeClosing, lookEverySeconds, refreshFiguresIfQuiet } from '../../src/modules/reporting/figuresKeptFresh.js';
import { aCase, aChild, anEpisode, aSmallAuthority, aUser } from '../support/factories.js';
import { userRepository } from '../../src/modules/users/userRepository.js';

describe(`figures kept fresh by the server (${engineUnderTest})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await aSmallAuthority(database.db);
  });
  afterAll(() => database.drop());

  /** The looked after count on 31 July 2020 in the default figures stored for the next process, if they still hold. */
  const storedLookedAfter = async () => {
    const [row] = await database.db.query<{ value: string }>(`select value from kept_results where kind = 'statistics' and key = '{}'`);
    if (!row) return undefined;
    const given = await statsService(database.db).compute({});
    // Given, not worked out: the stored text is what was given (a worked-out answer would have replaced it).
    expect(JSON.stringify(given)).toBe(row.value);
    return given.rows.find((r) => r.indicator === 'lac.count' && r.period === '2020-07-31')?.value;
  };
  const stillStored = async () => (await database.db.query<{ value: string }>(`select value from kept_results where kind = 'statistics' and key = '{}'`))[0]?.value;

  it('waits while the records are changing, then works the figures out once they have been quiet long enough', async () => {
    const stats = statsService(database.db);
    const log = vi.fn();
    await anEpisode(database.db, 'K1', { startDate: '2021-01-01' });
    expect(await refreshFiguresIfQuiet({ db: database.db, stats, log, quietSeconds: 3600 })).toBe(false);
    expect(await stillStored()).toBeUndefined();
    expect(await refreshFiguresIfQuiet({ db: database.db, stats, log, quietSeconds: 0 })).toBe(true);
    expect(await storedLookedAfter()).toBe(1);
    expect(log).not.toHaveBeenCalled();
  });

  it('counts as changes only notes of the tables the figures read, or notes that name no tables', async () => {
    const stats = { compute: vi.fn(async () => ({ authority: null, baseline: null, rows: [] })) };
    const look = () => refreshFiguresIfQuiet({ db: database.db, stats, log: vi.fn(), quietSeconds: 60 });
    await database.db.query(`update data_changes set noted_at = noted_at - interval '1 hour'`);
    const user = await aUser(database.db, 'analyst');
    await userRepository().recordSignedIn(database.db, user.userId);
    expect(await look()).toBe(true);
    await database.db.transaction(async (tx) => {
      await userRepository().recordSignedIn(tx, user.userId);
      await tx.query('update data_changes set tables = null where xid = pg_current_xact_id()');
    });
    expect(await look()).toBe(false);
    await database.db.query(`update data_changes set noted_at = noted_at - interval '1 hour'`);
    await aCase(database.db, 'K1', { openedDate: '2018-01-01', closedDate: '2018-06-01' });
    expect(await look()).toBe(false);
    expect(stats.compute).toHaveBeenCalledTimes(1);
  });

  it('looks again and again on its own, working the figures out after each change, and stops when told', async () => {
    const stats = statsService(database.db);
    const stop = keepFiguresFresh({ db: database.db, stats, log: (error) => { throw error; }, quietSeconds: 0, everySeconds: 0.02 });
    try {
      await aChild(database.db, { childId: 'K2', dateOfBirth: '2013-03-04' });
      await anEpisode(database.db, 'K2', { startDate: '2020-02-01' });
      await vi.waitFor(async () => expect(await storedLookedAfter()).toBe(2), { timeout: 10_000, interval: 50 });
      await aChild(database.db, { childId: 'K3', dateOfBirth: '2014-03-04' });
      await anEpisode(database.db, 'K3', { startDate: '2020-03-01' });
      await vi.waitFor(async () => expect(await storedLookedAfter()).toBe(3), { timeout: 10_000, interval: 50 });
    } finally {
      await stop();
    }
    await anEpisode(database.db, 'K3', { startDate: '2019-03-01', endDate: '2019-04-01' });
    const [{ stored } = { stored: '' }] = await database.db.query<{ stored: string }>(`select kept_at::text as stored from kept_results where kind = 'statistics' and key = '{}'`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await database.db.query<{ stored: string }>(`select kept_at::text as stored from kept_results where kind = 'statistics' and key = '{}'`))[0]?.stored).toBe(stored);
  });

  it('looks at once as it starts, not only after its first pause: figures a crash left untrue are worked out before anyone asks', async () => {
    await database.db.query('delete from kept_results');
    await database.db.query(`update data_changes set noted_at = noted_at - interval '1 hour'`);
    const stats = statsService(database.db);
    const stop = keepFiguresFresh({ db: database.db, stats, log: (error) => { throw error; }, quietSeconds: 60, everySeconds: 3600 });
    try {
      await vi.waitFor(async () => expect(await stillStored()).toBeDefined(), { timeout: 10_000, interval: 50 });
    } finally {
      await stop();
    }
  });

  it('looks every half of the pause it waits for, every 15 s at most and every second at least', () => {
    expect([0, 1, 2, 30, 60, 3600].map(lookEverySeconds)).toEqual([1, 1, 1, 15, 15, 15]);
    expect(lookEverySeconds(10)).toBe(5);
  });

  it('takes a last look as the server stops: the figures stored at once, however recent the last change', async () => {
    await aChild(database.db, { childId: 'K4', dateOfBirth: '2015-03-04' });
    await anEpisode(database.db, 'K4', { startDate: '2020-04-01' });
    const log = vi.fn();
    await lastLookBeforeClosing({ stats: statsService(database.db), log });
    expect(log).not.toHaveBeenCalled();
    expect(await storedLookedAfter()).toBe(4);
  });

  it('lets the stop go on when the last look fails or runs too long, and says so', async () => {
    const log = vi.fn();
    await lastLookBeforeClosing({ stats: { compute: async () => { throw new Error('the database went away'); } }, log });
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ message: 'the database went away' }));
    const slowLog = vi.fn();
    let finish!: () => void;
    const slow = { compute: () => new Promise<never>((_resolve, reject) => (finish = () => reject(new Error('closed under it')))) };
    await lastLookBeforeClosing({ stats: slow, log: slowLog }, 50);
    expect(slowLog).toHaveBeenCalledWith(expect.objectContaining({ message: 'The figures were not worked out within 0.05 s of stopping' }));
    finish();
  });

  it('logs a look that fails and goes on looking', async () => {
    let looks = 0;
    const failing = { compute: async () => { looks++; throw new Error('the database went away'); } };
    const log = vi.fn();
    const stop = keepFiguresFresh({ db: database.db, stats: failing, log, quietSeconds: 0, everySeconds: 0.02 });
    try {
      await vi.waitFor(() => expect(looks).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 20 });
    } finally {
      await stop();
    }
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ message: 'the database went away' }));
  });
});
