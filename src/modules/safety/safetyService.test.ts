import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, aUser } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { buildServices, type Services } from '../../composition.js';
import type { SignedInUser } from '../../platform/access/user.js';
import { UnpairedDangerStatement } from './safetyService.js';

const png = await sharp({ create: { width: 12, height: 8, channels: 3, background: '#3a7' } }).png().toBuffer();
const said = { saidBy: 'Mum', saidOn: '2026-01-05' };

describe(`Signs of Safety maps: pairing, versions, conflicts and comparisons (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let worker: SignedInUser;
  let colleague: SignedInUser;
  let outsider: SignedInUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    services = buildServices(testConfig(), db);
    await aChild(db, { childId: 'S1', familyId: 'SF1', forename: 'Ailsa', surname: 'Boyd' });
    await aChild(db, { childId: 'S2', familyId: 'SF1', forename: 'Rory', surname: 'Boyd' });
    await aChild(db, { childId: 'S9', forename: 'Isla', surname: 'Kerr' });
    await aCase(db, 'S1', { team: 'Family First', workerId: 'W1' });
    await aCase(db, 'S2', { team: 'Family First', workerId: 'W1' });
    await aCase(db, 'S9', { team: 'North', workerId: 'W9' });
    worker = await aUser(db, 'practitioner', { team: 'Family First', workerId: 'W1' });
    colleague = await aUser(db, 'practitioner', { team: 'Family First', workerId: 'W2' });
    outsider = await aUser(db, 'practitioner', { team: 'North', workerId: 'W9' });
  });
  afterAll(() => database.drop());

  async function newMap(title = 'Boyd family'): Promise<string> {
    const started = await services.safety.startMap(worker, 'S1', { title, siblingIds: ['S2'], fromLast: false });
    if (started.outcome !== 'started') throw new Error(started.outcome);
    return started.mapId;
  }
  async function view(mapId: string, childId = 'S1') {
    const shown = await services.safety.viewMap(worker, childId, mapId);
    if (shown.outcome !== 'shown') throw new Error(shown.outcome);
    return shown;
  }

  it('keeps a danger statement and its safety goal together, and refuses one without the other (service)', async () => {
    const mapId = await newMap();
    const saved = await services.safety.changeMap(worker, 'S1', mapId, 1, { kind: 'pair', pair: { dangerStatement: 'Dad hits Mum when he drinks and the children see it', safetyGoal: 'Everyone knows the children are safe when Dad drinks', ...said } });
    expect(saved).toEqual({ outcome: 'saved', version: 2 });
    await expect(services.safety.changeMap(worker, 'S1', mapId, 2, { kind: 'pair', pair: { dangerStatement: 'A worry with no goal', safetyGoal: '  ', ...said } }))
      .rejects.toBeInstanceOf(UnpairedDangerStatement);
    const shown = await view(mapId);
    expect(shown.content.pairs.map((p) => p.safetyGoal)).toEqual(['Everyone knows the children are safe when Dad drinks']);
    expect(shown.map.version).toBe(2);
  });

  it('refuses in the database a danger statement without a safety goal, even when the service is bypassed', async () => {
    const mapId = await newMap();
    const insert = (goal: string | null) => database.db.query(
      `insert into safety_pairs (pair_id, map_id, danger_statement, safety_goal, said_by, said_on, position) values (gen_random_uuid(), $1, 'A worry', $2, 'Mum', '2026-01-05', 1)`,
      [mapId, goal]);
    await expect(insert(null)).rejects.toThrow(/null value|not-null/i);
    await expect(insert('   ')).rejects.toThrow(/check constraint/i);
  });

  it('moves the version on with every change and keeps each version with what changed', async () => {
    const mapId = await newMap();
    await services.safety.changeMap(worker, 'S1', mapId, 1, { kind: 'item', item: { category: 'existing_strength', words: 'Gran takes the children to school every day', saidBy: 'Gran', saidOn: '2026-01-05' } });
    await services.safety.changeMap(worker, 'S1', mapId, 2, { kind: 'rule', rule: { rule: 'Dad does not come home when he has been drinking', whoDoesWhat: 'Dad phones Gran and stays with her', ifBroken: 'Mum phones the social worker' } });
    const history = await services.safety.history(worker, 'S1', mapId);
    if (history.outcome !== 'shown') throw new Error(history.outcome);
    expect(history.edits.map((e) => [e.version, e.change])).toEqual([
      [1, 'Started the map'],
      [2, 'Added to existing strength: Gran takes the children to school every day'],
      [3, 'Added a safety plan rule: Dad does not come home when he has been drinking'],
    ]);
    expect((await view(mapId)).map.version).toBe(3);
  });

  it('refuses a change made on an old version and says what the other person changed, overwriting nothing', async () => {
    const mapId = await newMap();
    await services.safety.changeMap(worker, 'S1', mapId, 1, { kind: 'pair', pair: { dangerStatement: 'Original worry', safetyGoal: 'Original goal', ...said } });
    const pairId = (await view(mapId)).content.pairs[0]!.pairId;
    // Both opened version 2; the colleague saves first.
    const first = await services.safety.changeMap(colleague, 'S1', mapId, 2, { kind: 'editPair', pair: { pairId, dangerStatement: 'Colleague’s wording', safetyGoal: 'Original goal', ...said } });
    expect(first).toEqual({ outcome: 'saved', version: 3 });
    const second = await services.safety.changeMap(worker, 'S1', mapId, 2, { kind: 'editPair', pair: { pairId, dangerStatement: 'My wording', safetyGoal: 'Original goal', ...said } });
    expect(second.outcome).toBe('conflict');
    if (second.outcome !== 'conflict') return;
    expect(second.currentVersion).toBe(3);
    expect(second.theirEdits.map((e) => e.change)).toEqual(['Changed a danger statement and safety goal: Colleague’s wording (was: Original worry — Goal: Original goal)']);
    expect(second.changes).toEqual([{ section: 'Danger statements and safety goals', kind: 'changed', before: 'Danger: Original worry — Goal: Original goal', after: 'Danger: Colleague’s wording — Goal: Original goal' }]);
    expect((await view(mapId)).content.pairs[0]!.dangerStatement).toBe('Colleague’s wording');
    // Re-applying on the version now shown succeeds.
    expect(await services.safety.changeMap(worker, 'S1', mapId, 3, { kind: 'editPair', pair: { pairId, dangerStatement: 'My wording', safetyGoal: 'Original goal', ...said } })).toEqual({ outcome: 'saved', version: 4 });
  });

  it('lets exactly one of two simultaneous changes on the same version win', async () => {
    const mapId = await newMap();
    const results = await Promise.all(['First', 'Second'].map((words) =>
      services.safety.changeMap(worker, 'S1', mapId, 1, { kind: 'item', item: { category: 'next_step', words, ...said } })));
    expect(results.map((r) => r.outcome).sort()).toEqual(['conflict', 'saved']);
    expect((await view(mapId)).content.items).toHaveLength(1);
  });

  it('compares two versions side by side and records the version agreed at a meeting', async () => {
    const mapId = await newMap();
    await services.safety.changeMap(worker, 'S1', mapId, 1, { kind: 'item', item: { category: 'harm', words: 'Police were called twice in March', saidBy: 'Police', saidOn: '2026-03-30' } });
    expect(await services.safety.recordMeeting(worker, 'S1', mapId, 2, { meetingType: 'case_conference', heldOn: '2026-04-01' })).toEqual({ outcome: 'saved', version: 2 });
    await services.safety.changeMap(worker, 'S1', mapId, 2, { kind: 'member', member: { name: 'Jean Boyd', relationship: 'Gran', agreedToDo: 'Visits every evening at bedtime' } });
    const harmId = (await view(mapId)).content.items[0]!.itemId;
    await services.safety.changeMap(worker, 'S1', mapId, 3, { kind: 'remove', entryId: harmId });
    // A meeting cannot fix a version the person has not seen.
    expect((await services.safety.recordMeeting(worker, 'S1', mapId, 3, { meetingType: 'core_group', heldOn: '2026-04-20' })).outcome).toBe('conflict');
    const compared = await services.safety.compareVersions(worker, 'S1', mapId, 2, 4);
    if (compared.outcome !== 'shown') throw new Error(compared.outcome);
    expect(compared.changes).toEqual([
      { section: 'Past harm', kind: 'removed', before: 'Police were called twice in March (Police, 2026-03-30)' },
      { section: 'Safety network', kind: 'added', after: 'Jean Boyd (Gran): Visits every evening at bedtime' },
    ]);
    expect((await view(mapId)).meetings).toEqual([expect.objectContaining({ meetingType: 'case_conference', heldOn: '2026-04-01', version: 2 })]);
  });

  it('starts a new map from the last one, as a copy with its own entries', async () => {
    const last = await newMap('Before review');
    await services.safety.changeMap(worker, 'S1', last, 1, { kind: 'pair', pair: { dangerStatement: 'Carried-over worry', safetyGoal: 'Carried-over goal', ...said } });
    const started = await services.safety.startMap(worker, 'S1', { title: 'Review', siblingIds: [], fromLast: true });
    if (started.outcome !== 'started') throw new Error(started.outcome);
    const copy = await view(started.mapId);
    const original = await view(last);
    expect(copy.content.pairs.map((p) => p.dangerStatement)).toEqual(['Carried-over worry']);
    expect(copy.content.pairs[0]!.pairId).not.toBe(original.content.pairs[0]!.pairId);
    expect(copy.map.startedFrom).toBe(last);
  });

  it('records each person’s number separately, refuses a second number from the same person that day, and holds numbers to 0–10', async () => {
    const mapId = await newMap();
    await services.safety.changeMap(worker, 'S1', mapId, 1, { kind: 'pair', pair: { dangerStatement: 'Worry', safetyGoal: 'Goal', ...said } });
    const pairId = (await view(mapId)).content.pairs[0]!.pairId;
    const score = (personName: string, value: number, scoredOn = '2026-01-05') =>
      services.safety.recordScore(worker, 'S1', mapId, { pairId, personName, personRole: 'parent', score: value, scoredOn });
    expect(await score('Mum', 3)).toEqual({ outcome: 'saved' });
    expect(await score('Dad', 2)).toEqual({ outcome: 'saved' });
    expect(await score('Mum', 5)).toEqual({ outcome: 'duplicate' });
    expect(await score('Mum', 6, '2026-03-05')).toEqual({ outcome: 'saved' });
    await expect(score('Gran', 11)).rejects.toThrow(/check constraint/i);
    const shown = await view(mapId);
    expect(shown.scores.map((s) => [s.scoredOn, s.personName, s.score])).toEqual([['2026-01-05', 'Dad', 2], ['2026-01-05', 'Mum', 3], ['2026-03-05', 'Mum', 6]]);
    expect(shown.elements.find((e) => e.element === 'safety_scaling')?.present).toBe(true);
  });

  it('refuses and audits a map read by someone outside the child’s team, and reaches a sibling’s map from the sibling', async () => {
    const mapId = await newMap();
    expect(await services.safety.viewMap(outsider, 'S1', mapId)).toEqual({ outcome: 'forbidden' });
    expect(await services.safety.viewMap(worker, 'S9', mapId)).toEqual({ outcome: 'not_found' });
    expect((await services.safety.viewMap(worker, 'S2', mapId)).outcome).toBe('shown');
    const refused = await database.db.query<{ details: Record<string, unknown> }>(
      `select e.details from audit_events e where e.action = 'safety.viewed' and e.user_id = $1`, [outsider.userId]);
    expect(refused.map((r) => r.details.refused)).toEqual([true]);
    expect((await services.safety.changeMap(outsider, 'S1', mapId, 1, { kind: 'title', title: 'x' })).outcome).toBe('forbidden');
  });

  it('keeps a drawing only when it decodes as a PNG or JPEG of at most 5 MB, and serves it only to those allowed', async () => {
    const drawing = { tool: 'good_things' as const, description: 'Me and Gran at the park', drawnOn: '2026-01-05' };
    expect(await services.safety.recordDrawing(worker, 'S1', { ...drawing, picture: Buffer.from('<svg onload="alert(1)">') })).toEqual({ outcome: 'not_a_picture' });
    expect(await services.safety.recordDrawing(worker, 'S1', { ...drawing, picture: Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]) })).toEqual({ outcome: 'too_large' });
    const saved = await services.safety.recordDrawing(worker, 'S1', { ...drawing, picture: png });
    if (saved.outcome !== 'saved') throw new Error(saved.outcome);
    const served = await services.safety.drawingPicture(worker, 'S1', saved.drawingId);
    if (served.outcome !== 'shown') throw new Error(served.outcome);
    expect(served.contentType).toBe('image/png');
    expect(await sharp(served.picture).metadata()).toMatchObject({ format: 'png', width: 12, height: 8 });
    expect(await services.safety.drawingPicture(outsider, 'S1', saved.drawingId)).toEqual({ outcome: 'forbidden' });
    expect(await services.safety.drawingPicture(worker, 'S2', saved.drawingId)).toEqual({ outcome: 'not_found' });
    await expect(database.db.query(
      `insert into child_drawings (drawing_id, child_id, tool, description, content_type, picture, drawn_on, uploaded_by) values (gen_random_uuid(), 'S1', 'worries', 'x', 'image/svg+xml', '\\x00', '2026-01-01', $1)`,
      [worker.userId])).rejects.toThrow(/check constraint/i);
  });
});
