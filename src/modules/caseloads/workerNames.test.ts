/** @module Workers by name (issue 13 item 7): the child's record, its chronology and the team's caseloads name the worker. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild, aUser } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { signInAs } from '../../../test/support/signIn.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';

describe(`workers by name, not by worker ID (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let manager: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    const { db } = database;
    await aUser(db, 'practitioner', { team: 'Family First', workerId: 'W41', username: 'morag.kerr' });
    await db.query(`update users set display_name = 'Morag Kerr' where username = 'morag.kerr'`);
    await aChild(db, { childId: 'WN1', forename: 'Isla', surname: 'Reid' });
    await aCase(db, 'WN1', { team: 'Family First', workerId: 'W41', openedDate: '2022-01-10' });
    await aChild(db, { childId: 'WN2', forename: 'Rory', surname: 'Gray' });
    await aCase(db, 'WN2', { team: 'Family First', workerId: 'W42', openedDate: '2022-01-10' });
    await aChild(db, { childId: 'WN3', forename: 'Eva', surname: 'Muir' });
    await aCase(db, 'WN3', { team: 'Family First', workerId: 'W43', openedDate: '2022-01-10' });
    app = await buildApp(services, { logger: false });
    manager = (await signInAs(app, services, 'team_manager', { team: 'Family First' })).cookie;
    // W42 is named on the workers list by an administrator; W43 has neither a list name nor an account.
    const admin = (await signInAs(app, services, 'admin')).user;
    expect((await services.references.add(admin, 'worker', { name: 'Callum Boyd', code: 'W42' })).outcome).not.toBe('problems');
    await services.references.add(admin, 'worker', { name: 'W43', code: 'W43' });
  });
  afterAll(async () => {
    await app?.close();
    await database.drop();
  });

  it('names the worker on the child’s record and in its chronology, from their account or the workers list', async () => {
    for (const [childId, name] of [['WN1', 'Morag Kerr'], ['WN2', 'Callum Boyd']] as const) {
      const record = await app.inject({ url: `/children/${childId}`, headers: { cookie: manager } });
      expect(record.body, childId).toContain(name);
      const chronology = await app.inject({ url: `/children/${childId}/chronology`, headers: { cookie: manager } });
      expect(chronology.body, childId).toContain(name);
      expect(record.body.replace(/<[^>]+>/g, ' ')).not.toMatch(/\bW4[12]\b/);
    }
    // Known by nothing else, a worker is still shown by the ID the records hold.
    expect((await app.inject({ url: '/children/WN3', headers: { cookie: manager } })).body).toContain('W43');
  });

  it('names the workers on the team’s caseloads', async () => {
    const page = await app.inject({ url: '/caseloads/team', headers: { cookie: manager } });
    expect(page.body).toContain('Morag Kerr');
    expect(page.body).toContain('Callum Boyd');
  });
});
