/**
 * @module Correcting and withdrawing a looked after episode (issue 12, ADR 0024): the corrected value is what every
 * figure uses (lac.count recomputed across a census date), the original stays in the episode's history ("amended by …
 * on … because …"), the change is audited and in the chronology, withdrawing asks first, and every path taking an
 * episode id is refused to someone outside the child's team.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, anEpisode, aPlacement } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, sessionCookie, signInAs } from '../../../test/support/signIn.js';
import { postForms } from '../../../test/support/pageForms.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { paths } from '../../platform/http/paths.js';
import { statsService } from '../reporting/statsService.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });

describe(`correcting and withdrawing a looked after episode (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let manager: string;
  let colleague: string;
  let outsider: string;
  let episodeId: string;
  let earlierId: string;
  let mistakeId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    services = buildServices(testConfig(), db);
    await aChild(db, { childId: 'EC1', forename: 'Isla', surname: 'Munro' });
    await aCase(db, 'EC1', { team: 'North', workerId: 'W1' });
    earlierId = await anEpisode(db, 'EC1', { startDate: '2019-01-10', endDate: '2019-03-01', legalReason: 's25_voluntary' });
    // Looked after from 1 August 2021: not on the 31 July 2021 census date until the start is corrected.
    episodeId = await anEpisode(db, 'EC1', { startDate: '2021-08-01', legalReason: 'cso_away' });
    await aPlacement(db, episodeId, 'EC1', { startDate: '2021-09-01' });
    await aChild(db, { childId: 'EC2', forename: 'Rory', surname: 'Munro' });
    await aCase(db, 'EC2', { team: 'North', workerId: 'W1' });
    mistakeId = await anEpisode(db, 'EC2', { startDate: '2021-06-01', legalReason: 'cso_away' });
    await aPlacement(db, mistakeId, 'EC2', { startDate: '2021-06-01' });
    app = await buildApp(services, { logger: false });
    ({ cookie: manager } = await signInAs(app, services, 'team_manager', { team: 'North' }));
    ({ cookie: colleague } = await signInAs(app, services, 'team_manager', { team: 'North' }));
    ({ cookie: outsider } = await signInAs(app, services, 'team_manager', { team: 'South' }));
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const lookedAfterOn31July2021 = async () => {
    const { rows } = await statsService(database.db).compute({ years: { first: 2021, last: 2021 } });
    return rows.find((row) => row.indicator === 'lac.count' && row.period === '2021-07-31')?.value;
  };
  const correctUrl = (id = episodeId) => paths.care.correctEpisode({ childId: 'EC1', episodeId: id });

  async function opened(cookie: string, url = correctUrl()) {
    const page = await openForm(app, url, cookie);
    const [correction] = postForms(page.html, url).filter((candidate) => !candidate.notKept);
    return { page, send: (changes: Record<string, string>) => app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ ...correction!.hidden, ...correction!.shown, ...changes }) }) };
  }

  it('asks for a reason, then corrects the start date: lac.count moves across the census date, the original stays in the history', async () => {
    expect(await lookedAfterOn31July2021()).toBe(1); // only EC2
    const correction = await opened(manager);
    expect(correction.page.html).toContain('name="startDate-year" type="text" value="2021"');
    const noReason = await correction.send({ 'startDate-month': '7' });
    expect(noReason.statusCode).toBe(200);
    expect(noReason.body).toContain('Enter why the episode is being corrected');
    expect(noReason.body).toContain('value="7"'); // what was typed is kept
    expect(await lookedAfterOn31July2021()).toBe(1);

    const saved = await correction.send({ 'startDate-month': '7', legalReason: 'cso_home', reason: 'the start date came from the wrong letter' });
    expect(saved.statusCode).toBe(303);
    expect(await lookedAfterOn31July2021()).toBe(2);

    const care = await app.inject({ url: paths.care.child({ childId: 'EC1' }), headers: { cookie: sessionCookie(saved, correction.page.cookie) } });
    expect(care.body).toContain('Looked after episode corrected');
    expect(care.body).toMatch(/Amended by Test team_manager \d+ on \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} because the start date came from the wrong letter/);
    expect(care.body).toContain('Period: was Since 1 August 2021, now Since 1 July 2021');
    const audited = await database.db.query<{ reason: string }>("select reason from audit_events where action = 'care.episode_amended' and subject = $1", [episodeId]);
    expect(audited).toEqual([{ reason: 'the start date came from the wrong letter' }]);
    const chronology = await app.inject({ url: paths.children.chronology({ childId: 'EC1' }), headers: { cookie: manager } });
    expect(chronology.body).toContain('A looked after episode was corrected');
    expect(chronology.body).toContain('the start date came from the wrong letter');
  });

  it('refuses a correction that overlaps another episode or leaves a placement outside, writing nothing', async () => {
    const overlap = await (await opened(manager)).send({ 'startDate-year': '2019', 'startDate-month': '2', 'startDate-day': '1', reason: 'typo' });
    expect(overlap.statusCode).toBe(200);
    expect(overlap.body).toContain('The child had another looked after episode 10 January 2019 to 1 March 2019. Episodes may not overlap.');
    const outside = await (await opened(manager)).send({ 'startDate-month': '10', reason: 'typo' });
    expect(outside.body).toContain('A placement in this episode started on 1 September 2021. The episode must start on or before that day');
    const ended = await (await opened(manager, correctUrl(earlierId))).send({ 'endDate-year': '2018', reasonEnded: 'home_with_parents', reason: 'typo' });
    expect(ended.body).toContain('The end date must be on or after the start date');
    const [row] = await database.db.query<{ start_date: string; version: number }>('select start_date::text, version from looked_after_episodes where episode_id = $1', [episodeId]);
    expect(row).toEqual({ start_date: '2021-07-01', version: 2 });
  });

  it('merges two people’s corrections of different fields', async () => {
    const first = await opened(manager);
    const second = await opened(colleague);
    expect((await first.send({ 'startDate-day': '2', reason: 'a day later' })).statusCode).toBe(303);
    expect((await second.send({ legalReason: 'interim_cso', reason: 'it was an interim order' })).statusCode).toBe(303);
    const [row] = await database.db.query<{ start_date: string; legal_reason: string }>('select start_date::text, legal_reason from looked_after_episodes where episode_id = $1', [episodeId]);
    expect(row).toEqual({ start_date: '2021-07-02', legal_reason: 'interim_cso' });
  });

  it('withdraws an episode recorded in error only after asking, with its placements, and every figure drops it', async () => {
    const url = paths.care.withdrawEpisode({ childId: 'EC2', episodeId: mistakeId });
    const page = await openForm(app, url, manager);
    expect(page.html).toContain('Its placement is withdrawn with it.');
    const noReason = await app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ _csrf: page.token }) });
    expect(noReason.body).toContain('Enter why the episode is being withdrawn');
    const asked = await app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ _csrf: page.token, reason: 'recorded on the wrong child' }) });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Withdraw this looked after episode?');
    expect(asked.body).toContain('name="confirmed" value="yes"');
    expect(await lookedAfterOn31July2021()).toBe(2);

    const done = await app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ _csrf: page.token, reason: 'recorded on the wrong child', confirmed: 'yes' }) });
    expect(done.statusCode).toBe(303);
    expect(await lookedAfterOn31July2021()).toBe(1);
    expect(await database.db.query('select 1 from placements where child_id = $1', ['EC2'])).toEqual([]);
    const care = await app.inject({ url: paths.care.child({ childId: 'EC2' }), headers: { cookie: sessionCookie(done, page.cookie) } });
    expect(care.body).toContain('Looked after episode withdrawn');
    expect(care.body).toContain('Never looked after.');
    expect(care.body).toContain('Since 1 June 2021 (Compulsory Supervision Order');
    expect(care.body).toMatch(/Withdrawn by Test team_manager \d+ on .* because recorded on the wrong child/);
    const audited = await database.db.query<{ reason: string }>("select reason from audit_events where action = 'care.episode_withdrawn' and subject = $1", [mistakeId]);
    expect(audited).toEqual([{ reason: 'recorded on the wrong child' }]);
  });

  it('refuses every episode path to someone outside the child’s team, and changes nothing', async () => {
    const refusals = async () => (await database.db.query("select 1 from audit_events where child_id = 'EC1' and action = 'child.access_refused'")).length;
    for (const url of [correctUrl(), paths.care.withdrawEpisode({ childId: 'EC1', episodeId })]) {
      const before = await refusals();
      expect((await app.inject({ url, headers: { cookie: outsider } })).statusCode).toBe(403);
      const page = await openForm(app, paths.care.hub(), outsider);
      const posted = await app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ _csrf: page.token, reason: 'x', confirmed: 'yes', legalReason: 'other' }) });
      expect(posted.statusCode).toBe(403);
      expect(await refusals()).toBe(before + 2); // refused by the child's scope (and audited), not by the CSRF check
    }
    expect(await database.db.query('select 1 from looked_after_episodes where episode_id = $1', [episodeId])).toHaveLength(1);
    expect((await app.inject({ url: paths.care.correctEpisode({ childId: 'EC1', episodeId: 'NOPE' }), headers: { cookie: manager } })).statusCode).toBe(404);
  });
});
