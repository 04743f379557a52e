/** @module Adding a child keeps what was typed too: its form answers a search, so the draft is kept against that answer's address. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { addUser, openForm, sessionCookie, signIn } from '../../../test/support/signIn.js';
import { aged } from '../../../test/support/idleSession.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { paths } from '../../platform/http/paths.js';

describe(`adding a child after the session ends (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    app = await buildApp(services, { logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await database.drop();
  });

  it('keeps the details typed after the search and gives them back on the same answer after signing in', async () => {
    const worker = await addUser(services, 'practitioner', { team: 'Family First', workerId: 'W1' });
    const searched = `${paths.children.add()}?forename=Ailsa&surname=Boyd&dob-day=4&dob-month=3&dob-year=2015`;
    const { token, cookie, html } = await openForm(app, searched, await signIn(app, worker.username, worker.password));
    expect(html).toContain('name="locality"');
    const late = await app.inject({
      method: 'POST', url: paths.children.add(),
      headers: { cookie: await aged(database.db, app, cookie, 31 * 60_000), 'content-type': 'application/x-www-form-urlencoded', referer: `http://localhost:80${searched}` },
      payload: new URLSearchParams({ _csrf: token, forename: 'Ailsa', surname: 'Boyd', 'dob-day': '4', 'dob-month': '3', 'dob-year': '2015', sex: 'F', school: '', schoolCluster: '', locality: 'Harbourside, by the old mill', siblingId: '' }).toString(),
    });
    expect(late.headers.location).toBe('/sign-in');
    expect(await database.db.query(`select 1 from children where surname = 'Boyd'`)).toEqual([]);
    const back = await signIn(app, worker.username, worker.password, { cookie: sessionCookie(late) });
    const restored = await app.inject({ url: searched, headers: { cookie: back } });
    expect(restored.body).toContain('What you were typing has been kept');
    expect(restored.body).toMatch(/id="locality"[^>]+value="Harbourside, by the old mill"/);
    expect(restored.body).toMatch(/value="F"[^>]*checked|<option value="F" selected/);
  });
});
