/**
 * @module The importer's placement checks for a long list of ids (migration 0080): the same refusals as for a short
 * one, and the planner's setting it changes for the list put back, on either engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';

describe(`placement checks for a long list of imported placements (${engineUnderTest})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    await db.query(`insert into children (child_id, date_of_birth) select 'S' || i, date '2012-01-01' from generate_series(1, 1200) as i`);
    await db.query(`insert into looked_after_episodes (episode_id, child_id, start_date, legal_reason)
      select 'SE' || i, 'S' || i, date '2020-01-01', 'cso_away' from generate_series(1, 1200) as i`);
    await db.query(`insert into placements (placement_id, episode_id, child_id, start_date, end_date, placement_type)
      select 'SP' || i, 'SE' || i, 'S' || i, date '2020-01-01', date '2020-06-01', 'kinship' from generate_series(1, 1200) as i`);
  });
  afterAll(() => database.drop());

  const allIds = Array.from({ length: 1200 }, (_, i) => `SP${i + 1}`);
  const checked = (ids: string[]) => database.db.transaction(async (tx) => {
    await tx.query('select check_imported_placements($1::text[])', [ids]);
    return (await tx.query<{ setting: string }>(`select current_setting('enable_nestloop') as setting`))[0]!.setting;
  });
  const refusal = async (write: string, ids: string[]) => {
    try {
      await database.db.transaction(async (tx) => {
        await tx.query(write);
        await tx.query('select check_imported_placements($1::text[])', [ids]);
      });
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    return 'not refused';
  };

  it('passes placements that keep the rules, and leaves the planner as it found it', async () => {
    expect(await checked(allIds)).toBe('on');
    expect(await checked(allIds.slice(0, 5))).toBe('on');
  });

  it('refuses an overlapping placement among 1,201', async () => {
    expect(await refusal(`insert into placements (placement_id, episode_id, child_id, start_date, end_date, placement_type)
      values ('SPX', 'SE700', 'S700', '2020-03-01', '2020-04-01', 'secure')`, [...allIds, 'SPX'])).toContain('placements_no_overlap');
  });

  it('refuses a placement outside its episode among 1,200', async () => {
    expect(await refusal(`update placements set start_date = '2019-06-01' where placement_id = 'SP900'`, allIds)).toContain('placement SP900 lies outside its episode SE900');
  });
});
