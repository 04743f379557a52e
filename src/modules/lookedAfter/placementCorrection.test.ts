/**
 * @module Correcting a placement (issue 12, item 3): the corrected value is what every figure uses, the original
 * stays in the placement's history ("amended by … on … because …"), the correction is audited and in the
 * chronology, and two people correcting it at once are merged field by field.
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

describe(`correcting a placement (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let manager: string;
  let colleague: string;
  let placementId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aChild(database.db, { childId: 'PC1', forename: 'Ailsa', surname: 'Boyd' });
    await aCase(database.db, 'PC1', { team: 'North', workerId: 'W1' });
    const episodeId = await anEpisode(database.db, 'PC1', { startDate: '2020-08-01' });
    placementId = await aPlacement(database.db, episodeId, 'PC1', { startDate: '2020-08-01', placementType: 'foster_purchased' });
    await database.db.query("insert into providers (provider_id, name, provider_type) values ('PRV-1', 'Hillside Fostering', 'private')");
    await database.db.query("update placements set provider_id = 'PRV-1', weekly_cost = 700 where placement_id = $1", [placementId]);
    app = await buildApp(services, { logger: false });
    ({ cookie: manager } = await signInAs(app, services, 'team_manager', { team: 'North' }));
    ({ cookie: colleague } = await signInAs(app, services, 'team_manager', { team: 'North' }));
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const spend = async () => {
    const { rows } = await statsService(database.db).compute({ years: { first: 2021, last: 2021 } });
    return rows.find((row) => row.indicator === 'placements.external_spend_gbp')?.value;
  };
  const url = () => paths.care.correctPlacement({ childId: 'PC1', placementId });

  async function opened(cookie: string) {
    const page = await openForm(app, url(), cookie);
    const [correction] = postForms(page.html, url()).filter((candidate) => !candidate.notKept);
    return { page, send: (changes: Record<string, string>) => app.inject({ method: 'POST', url: url(), headers: urlencoded(page.cookie), payload: form({ ...correction!.hidden, ...correction!.shown, ...changes }) }) };
  }

  it('asks for a reason, then corrects the weekly cost: figures use it, the original stays in the history', async () => {
    // 2020-21 runs 1 Aug 2020 to 31 Jul 2021: 365 days at £700 a week.
    expect(await spend()).toBe(Math.round((700 * 365) / 7));
    const form1 = await opened(manager);
    expect(form1.page.html).toContain('value="700.00"');
    const noReason = await form1.send({ weeklyCost: '750' });
    expect(noReason.statusCode).toBe(200);
    expect(noReason.body).toContain('Enter why the placement is being corrected');
    expect(await spend()).toBe(Math.round((700 * 365) / 7));

    const saved = await form1.send({ weeklyCost: '750', reason: 'the cost was mistyped' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(paths.care.child({ childId: 'PC1' }));
    expect(await spend()).toBe(Math.round((750 * 365) / 7));

    const care = await app.inject({ url: paths.care.child({ childId: 'PC1' }), headers: { cookie: sessionCookie(saved, form1.page.cookie) } });
    expect(care.body).toContain('Placement corrected');
    expect(care.body).toMatch(/Amended by Test team_manager \d+ on \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} because the cost was mistyped/);
    expect(care.body).toContain('Weekly cost: was £700.00, now £750.00');
    const audited = await database.db.query<{ reason: string }>("select reason from audit_events where action = 'care.placement_amended' and subject = $1", [placementId]);
    expect(audited).toEqual([{ reason: 'the cost was mistyped' }]);
    const chronology = await app.inject({ url: paths.children.chronology({ childId: 'PC1' }), headers: { cookie: manager } });
    expect(chronology.body).toContain('A placement was corrected');
    expect(chronology.body).toContain('the cost was mistyped');
  });

  it('merges two corrections of different fields, and shows both values for the same field', async () => {
    const first = await opened(manager);
    const second = await opened(colleague);
    expect((await first.send({ 'startDate-day': '2', reason: 'started a day later' })).statusCode).toBe(303);
    const merged = await second.send({ weeklyCost: '760', reason: 'uplift agreed' });
    expect(merged.statusCode).toBe(303);
    const [row] = await database.db.query<{ start_date: string; weekly_cost: string }>('select start_date::text, weekly_cost::text from placements where placement_id = $1', [placementId]);
    expect(row).toEqual({ start_date: '2020-08-02', weekly_cost: '760.00' });

    const third = await opened(manager);
    const fourth = await opened(colleague);
    expect((await third.send({ weeklyCost: '770', reason: 'invoice checked' })).statusCode).toBe(303);
    const clash = await fourth.send({ weeklyCost: '780', reason: 'my figure' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain('Weekly cost: someone else changed this too');
    expect(clash.body).toContain('Keep theirs: 770.00');
    expect(clash.body).toContain('Use mine: 780');
  });
});
