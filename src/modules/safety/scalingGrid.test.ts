/**
 * @module The scaling grid (issue 13, item 9): everyone's number for every danger statement at one meeting in one
 * form; a blank cell is "not asked"; a wrong cell is explained next to that cell and nothing is saved.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, signInAs } from '../../../test/support/signIn.js';
import { postForms } from '../../../test/support/pageForms.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { paths } from '../../platform/http/paths.js';
import type { SignedInUser } from '../../platform/access/user.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });

describe(`the scaling grid (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let cookie: string;
  let mapId: string;
  let url: string;
  let worker: SignedInUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aChild(database.db, { childId: 'G1', forename: 'Ailsa', surname: 'Boyd' });
    await aCase(database.db, 'G1', { team: 'Family First', workerId: 'W1' });
    app = await buildApp(services, { logger: false });
    const signedIn = await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W1' });
    cookie = signedIn.cookie;
    worker = signedIn.user;
    const started = await services.safety.startMap(signedIn.user, 'G1', { title: 'Boyd family', siblingIds: [], fromLast: false });
    if (started.outcome !== 'started') throw new Error('map not started');
    mapId = started.mapId;
    for (const [version, statement] of [[1, 'Dad drinks and shouts'], [2, 'Nobody collects the children from school']] as const) {
      await services.safety.changeMap(signedIn.user, 'G1', mapId, version, { kind: 'pair', pair: { dangerStatement: statement, safetyGoal: 'Safe and collected', saidBy: 'Social worker', saidOn: '2026-01-05' } });
    }
    url = paths.safety.scalingGrid({ childId: 'G1', mapId });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const scores = () => database.db.query<{ person_name: string; person_role: string; score: number; danger_statement: string }>(
    `select s.person_name, s.person_role, s.score, p.danger_statement from safety_scores s join safety_pairs p on p.pair_id = s.pair_id
     where p.map_id = $1 order by s.person_name, p.position`, [mapId]);
  async function send(fields: Record<string, string>) {
    const page = await openForm(app, url, cookie);
    const [grid] = postForms(page.html, url);
    return app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ ...grid!.hidden, 'scoredOn-day': '3', 'scoredOn-month': '2', 'scoredOn-year': '2026', ...fields }) });
  }

  it('explains a wrong number next to its cell, keeps everything typed, and saves nothing', async () => {
    const answer = await send({ 'name-1': 'Mum', 'role-1': 'parent', 'score-1-1': '4', 'score-1-2': '11', 'name-2': 'Gran', 'score-2-1': '7' });
    expect(answer.statusCode).toBe(422);
    expect(answer.body).toContain('Mum’s number for danger statement 2 must be a whole number from 0 to 10');
    expect(answer.body).toMatch(/id="score-1-2-error"/);
    expect(answer.body).toContain('Select who Gran is');
    expect(answer.body).toContain('href="#score-1-2"');
    expect(answer.body).toMatch(/id="score-1-1" name="score-1-1" type="text"[^>]*value="4"/);
    expect(answer.body).toMatch(/value="Gran"/);
    expect(await scores()).toEqual([]);
  });

  it('saves every person’s numbers for every danger statement in one submission, a blank cell meaning not asked', async () => {
    const answer = await send({
      'name-1': 'Mum', 'role-1': 'parent', 'score-1-1': '4', 'score-1-2': '6',
      'name-2': 'Alex Reid', 'role-2': 'worker', 'score-2-1': '3', 'score-2-2': '',
      'name-3': 'Northfield Primary', 'role-3': 'partner_agency', 'score-3-1': '0', 'score-3-2': '10',
    });
    expect(answer.statusCode).toBe(303);
    expect(await scores()).toEqual([
      { person_name: 'Alex Reid', person_role: 'worker', score: 3, danger_statement: 'Dad drinks and shouts' },
      { person_name: 'Mum', person_role: 'parent', score: 4, danger_statement: 'Dad drinks and shouts' },
      { person_name: 'Mum', person_role: 'parent', score: 6, danger_statement: 'Nobody collects the children from school' },
      { person_name: 'Northfield Primary', person_role: 'partner_agency', score: 0, danger_statement: 'Dad drinks and shouts' },
      { person_name: 'Northfield Primary', person_role: 'partner_agency', score: 10, danger_statement: 'Nobody collects the children from school' },
    ]);
    const [audit] = await database.db.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'safety.changed' and child_id = 'G1' and details->>'change' = 'scaling grid'`);
    expect(audit!.n).toBe(1);
    const scaling = await app.inject({ url: paths.safety.scaling({ childId: 'G1', mapId }), headers: { cookie } });
    expect(scaling.body).toContain('Northfield Primary (Partner agency)');
  });

  it('refuses the whole grid when someone already has a number for a statement on that date, naming the cell', async () => {
    const answer = await send({ 'name-1': 'Gran', 'role-1': 'family_member', 'score-1-1': '8', 'name-2': 'mum', 'role-2': 'parent', 'score-2-2': '5' });
    expect(answer.statusCode).toBe(422);
    expect(answer.body).toContain('mum already has a number for danger statement 2 on that date');
    expect((await scores()).filter((s) => s.person_name === 'Gran')).toEqual([]);
  });

  it('makes a version per meeting, not per line, and compares two meetings offered by name and date', async () => {
    const ids = { childId: 'G1', mapId };
    const save = async (meetingType: string, day: string, month: string) => {
      const page = await openForm(app, paths.safety.newMeeting(ids), cookie);
      const [saveForm] = postForms(page.html, paths.safety.newMeeting(ids)).filter((f) => f.action === paths.safety.newMeeting(ids));
      const saved = await app.inject({ method: 'POST', url: paths.safety.newMeeting(ids), headers: urlencoded(page.cookie), payload: form({ ...saveForm!.hidden, meetingType, 'heldOn-day': day, 'heldOn-month': month, 'heldOn-year': '2026' }) });
      expect(saved.statusCode).toBe(303);
    };
    await save('core_group', '3', '2');
    // Two lines added after the meeting belong to the next saved version, not one version each.
    for (const words of ['Gran collects them on Tuesdays', 'Mum has joined a group']) {
      const [{ version }] = await database.db.query<{ version: number }>('select version from safety_maps where map_id = $1', [mapId]) as [{ version: number }];
      await services.safety.changeMap(worker, 'G1', mapId, version, { kind: 'item', item: { category: 'existing_safety', words, saidBy: 'Gran', saidOn: '2026-02-20' } });
    }
    const page = await openForm(app, url, cookie);
    const [grid] = postForms(page.html, url);
    const scored = await app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ ...grid!.hidden, 'scoredOn-day': '3', 'scoredOn-month': '3', 'scoredOn-year': '2026', 'name-1': 'Mum', 'role-1': 'parent', 'score-1-1': '7', 'score-1-2': '8' }) });
    expect(scored.statusCode).toBe(303);
    await save('review', '3', '3');
    await save('core_group', '17', '3'); // Agreed again with nothing changed: allowed, its own saved version.

    const history = await app.inject({ url: paths.safety.history(ids), headers: { cookie } });
    expect(history.body).toContain('<option value="now">The map as it is now</option>');
    const options = [...history.body.matchAll(/<option value="([0-9a-f-]{36})"[^>]*>([^<]+)<\/option>/g)].map((m) => [m[1]!, m[2]!]);
    const names = [...new Set(options.map(([, name]) => name))];
    expect(names).toEqual(['Core group, 3 February 2026', 'Review, 3 March 2026', 'Core group, 17 March 2026']);
    const review = history.body.slice(history.body.indexOf('>Review, 3 March 2026</h2>'));
    expect(review.slice(0, review.indexOf('</table>'))).toContain('Mum has joined a group');
    expect(review.slice(0, review.indexOf('</table>'))).toContain('Gran collects them on Tuesdays');

    const idOf = (name: string) => options.find(([, n]) => n === name)![0];
    const compare = await app.inject({ url: `${paths.safety.compare(ids)}?from=${idOf('Core group, 3 February 2026')}&to=${idOf('Review, 3 March 2026')}`, headers: { cookie } });
    expect(compare.statusCode).toBe(200);
    expect(compare.body).toContain('Compare Core group, 3 February 2026 with Review, 3 March 2026');
    expect(compare.body).toContain('Existing safety: added “Gran collects them on Tuesdays (Gran, 2026-02-20)”');
    expect(compare.body).toContain('Danger statement 1: Alex Reid 3, Mum 4, Northfield Primary 0');
    expect(compare.body).toContain('Danger statement 1: Mum 7');
  });

  it('gives more rows without losing what was typed', async () => {
    const answer = await send({ 'name-1': 'Uncle Rab', more: 'rows' });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('id="name-10"');
    expect(answer.body).toMatch(/value="Uncle Rab"/);
  });
});
