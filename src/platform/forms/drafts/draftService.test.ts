/** @module Drafts are kept for CAIRN_DRAFT_KEEP_DAYS and no longer: not given back after, and deleted (docs/retention.md). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../../test/support/testDatabase.js';
import { aUser } from '../../../../test/support/factories.js';
import { draftRepository } from './draftRepository.js';
import { draftService } from './draftService.js';

describe(`drafts expire after the days kept (${engineUnderTest})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  const age = (userId: string, formPath: string, days: number) =>
    database.db.query(`update drafts set saved_at = now() - make_interval(days => $3) where user_id = $1 and form_path = $2`, [userId, formPath, days]);

  it('gives a draft back until it is older than the days kept, then never, and deletes it when the next draft is kept', async () => {
    const drafts = draftService(database.db, draftRepository(), 30);
    const worker = await aUser(database.db, 'practitioner');
    const colleague = await aUser(database.db, 'practitioner');
    await drafts.keep(worker.userId, '/children/C1/notes/new', { words: 'Visited at home' });
    await drafts.keep(worker.userId, '/children/C2/notes/new', { words: 'Phoned school' });

    await age(worker.userId, '/children/C1/notes/new', 29);
    expect(await drafts.findFor(worker.userId, '/children/C1/notes/new')).toEqual({ words: 'Visited at home' });

    await age(worker.userId, '/children/C1/notes/new', 31);
    await age(worker.userId, '/children/C2/notes/new', 31);
    expect(await drafts.findFor(worker.userId, '/children/C1/notes/new')).toBeUndefined();
    expect(await drafts.hasAny(worker.userId)).toBe(false);
    expect(await drafts.waiting(worker.userId)).toEqual([]);

    // Anyone's next draft clears every expired one from the table, not only their own.
    await drafts.keep(colleague.userId, '/referrals/new', { reason: 'Worried about' });
    expect(await database.db.query('select form_path from drafts where user_id = $1', [worker.userId])).toEqual([]);
    expect(await drafts.waiting(colleague.userId)).toEqual([expect.objectContaining({ formPath: '/referrals/new' })]);
  });

  it('keeps drafts for the configured number of days', async () => {
    const worker = await aUser(database.db, 'practitioner');
    await draftService(database.db, draftRepository(), 7).keep(worker.userId, '/safety/new', { words: 'x' });
    await age(worker.userId, '/safety/new', 8);
    expect(await draftService(database.db, draftRepository(), 7).findFor(worker.userId, '/safety/new')).toBeUndefined();
    expect(await draftService(database.db, draftRepository(), 30).findFor(worker.userId, '/safety/new')).toEqual({ words: 'x' });
  });
});
