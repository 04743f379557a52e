import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, aUser } from '../../../test/support/factories.js';
import { buildServices, type Services } from '../../composition.js';
import { testConfig } from '../../../test/support/testConfig.js';
import type { SignedInUser } from '../../platform/access/user.js';
import type { PlacementDetails } from './lookedAfter.js';

const foster = (startDate: string, fields: Partial<PlacementDetails> = {}): PlacementDetails => ({
  placementType: 'foster_la', providerId: null, outOfAuthority: false, weeklyCost: 450, startDate, ...fields,
});

describe(`looked after episodes and placements: the rules (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let worker: SignedInUser;
  let outsider: SignedInUser;
  let child = 0;

  /** A fresh child on the worker's caseload for each rule. */
  async function aLookedAfterChild(episodeStart?: string): Promise<string> {
    const childId = `LA${++child}`;
    await aChild(database.db, { childId });
    await aCase(database.db, childId, { team: 'Family First', workerId: 'W1' });
    if (episodeStart) expect(await services.lookedAfter.startEpisode(worker, childId, { startDate: episodeStart, legalReason: 'cso_away' })).toMatchObject({ outcome: 'done' });
    return childId;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await database.db.query(`insert into providers (provider_id, name, provider_type) values ('PR1', 'Heatherbank Care', 'private')`);
    worker = await aUser(database.db, 'practitioner', { team: 'Family First', workerId: 'W1' });
    outsider = await aUser(database.db, 'practitioner', { team: 'Children and Families North', workerId: 'W9' });
  });
  afterAll(() => database?.drop());

  it('starts an episode with its legal reason, audited, and refuses a second open one', async () => {
    const childId = await aLookedAfterChild('2024-01-10');
    const again = await services.lookedAfter.startEpisode(worker, childId, { startDate: '2024-02-01', legalReason: 's25_voluntary' });
    expect(again).toEqual({ outcome: 'problems', problems: { startDate: expect.stringContaining('already looked after') } });
    const rows = await database.db.query<{ legal_reason: string }>('select legal_reason from looked_after_episodes where child_id = $1', [childId]);
    expect(rows).toEqual([{ legal_reason: 'cso_away' }]);
    const audit = await database.db.query<{ action: string }>("select action from audit_events where child_id = $1 and action like 'care.%'", [childId]);
    expect(audit.map((a) => a.action)).toEqual(['care.episode_started']);
  });

  it('refuses a placement for a child who is not looked after, or before the episode began', async () => {
    const notLookedAfter = await aLookedAfterChild();
    expect(await services.lookedAfter.place(worker, notLookedAfter, foster('2024-03-01'))).toEqual({
      outcome: 'problems', problems: { startDate: 'This child is not looked after. Start a looked after episode before placing them.' },
    });
    const childId = await aLookedAfterChild('2024-03-01');
    expect(await services.lookedAfter.place(worker, childId, foster('2024-02-28'))).toEqual({
      outcome: 'problems', problems: { startDate: 'The placement must start on or after the day the looked after episode started (1 March 2024)' },
    });
    expect(await database.db.query('select 1 from placements where child_id = $1', [childId])).toEqual([]);
  });

  it('allows one placement at a time: a second placement is refused, a move ends the first on the day the next begins', async () => {
    const childId = await aLookedAfterChild('2024-01-01');
    expect(await services.lookedAfter.place(worker, childId, foster('2024-01-01', { providerId: 'PR1', outOfAuthority: true, weeklyCost: 3200 }))).toMatchObject({ outcome: 'done' });
    expect(await services.lookedAfter.place(worker, childId, foster('2024-02-01'))).toEqual({
      outcome: 'problems', problems: { startDate: expect.stringContaining('already has a placement') },
    });
    expect(await services.lookedAfter.move(worker, childId, foster('2024-01-01'), 'Carers unwell')).toEqual({
      outcome: 'problems', problems: { startDate: 'The move must be after the current placement started (1 January 2024)' },
    });
    expect(await services.lookedAfter.move(worker, childId, foster('2024-05-15', { placementType: 'kinship', weeklyCost: null }), 'Aunt can care for her')).toMatchObject({ outcome: 'done' });
    const placements = await database.db.query('select start_date, end_date, placement_type, move_reason from placements where child_id = $1 order by start_date', [childId]);
    expect(placements).toEqual([
      { start_date: '2024-01-01', end_date: '2024-05-15', placement_type: 'foster_la', move_reason: null },
      { start_date: '2024-05-15', end_date: null, placement_type: 'kinship', move_reason: 'Aunt can care for her' },
    ]);
    const view = await services.lookedAfter.history(worker, childId);
    expect(view.outcome === 'shown' && view.history.placements.map((p) => p.providerName)).toEqual(['Heatherbank Care', null]);
  });

  it('refuses an unknown provider beside the provider field, writing nothing', async () => {
    const childId = await aLookedAfterChild('2024-01-01');
    expect(await services.lookedAfter.place(worker, childId, foster('2024-01-01', { providerId: 'NOPE' }))).toEqual({
      outcome: 'problems', problems: { providerId: 'Select a provider from the list' },
    });
    expect(await database.db.query('select 1 from placements where child_id = $1', [childId])).toEqual([]);
  });

  it('a new placement after an ended one must not overlap it', async () => {
    const childId = await aLookedAfterChild('2024-01-01');
    await services.lookedAfter.place(worker, childId, foster('2024-01-01'));
    expect(await services.lookedAfter.endPlacement(worker, childId, { endDate: '2024-03-01' })).toEqual({ outcome: 'done' });
    expect(await services.lookedAfter.place(worker, childId, foster('2024-02-01'))).toEqual({
      outcome: 'problems', problems: { startDate: 'The child was in another placement until 1 March 2024. A placement must start on or after that day.' },
    });
    expect(await services.lookedAfter.place(worker, childId, foster('2024-03-01'))).toMatchObject({ outcome: 'done' });
  });

  it('ending an episode ends its current placement on the same day, with the reason it ended', async () => {
    const childId = await aLookedAfterChild('2024-01-01');
    await services.lookedAfter.place(worker, childId, foster('2024-02-01'));
    expect(await services.lookedAfter.endEpisode(worker, childId, { endDate: '2024-01-15', reasonEnded: 'home_with_parents' })).toEqual({
      outcome: 'problems', problems: { endDate: 'The current placement started on 1 February 2024. The episode cannot end before that day.' },
    });
    expect(await services.lookedAfter.endEpisode(worker, childId, { endDate: '2024-06-30', reasonEnded: 'home_with_parents' })).toEqual({ outcome: 'done' });
    expect(await database.db.query('select end_date, reason_ended from looked_after_episodes where child_id = $1', [childId])).toEqual([{ end_date: '2024-06-30', reason_ended: 'home_with_parents' }]);
    expect(await database.db.query('select end_date from placements where child_id = $1', [childId])).toEqual([{ end_date: '2024-06-30' }]);
    expect(await services.lookedAfter.startEpisode(worker, childId, { startDate: '2024-06-01', legalReason: 'cso_away' })).toEqual({
      outcome: 'problems', problems: { startDate: 'An earlier episode ran until 30 June 2024. A new episode must start on or after that day.' },
    });
  });

  it('refuses someone who may not access the child, and writes nothing', async () => {
    const childId = await aLookedAfterChild();
    expect(await services.lookedAfter.startEpisode(outsider, childId, { startDate: '2024-01-01', legalReason: 'cso_away' })).toEqual({ outcome: 'forbidden' });
    expect(await services.lookedAfter.history(outsider, childId)).toEqual({ outcome: 'forbidden' });
    expect(await database.db.query('select 1 from looked_after_episodes where child_id = $1', [childId])).toEqual([]);
  });

  it('the database itself still refuses overlapping placements written around the service', async () => {
    const childId = await aLookedAfterChild('2024-01-01');
    await services.lookedAfter.place(worker, childId, foster('2024-01-01'));
    const episode = (await database.db.query<{ episode_id: string }>('select episode_id from looked_after_episodes where child_id = $1', [childId]))[0]!;
    await expect(database.db.transaction(async (tx) => {
      await tx.query(`insert into placements (placement_id, episode_id, child_id, start_date, placement_type) values ('P-raw', $1, $2, '2024-02-01', 'kinship')`, [episode.episode_id, childId]);
    })).rejects.toThrow();
  });
});
