import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../test/support/testDatabase.js';
import { aCase, aChild } from '../../test/support/factories.js';
import { testConfig } from '../../test/support/testConfig.js';
import { sessionCookie, signInAs } from '../../test/support/signIn.js';
import { buildServices, type Services } from '../composition.js';
import { buildApp } from './app.js';
import { addressWithChild } from './middleware/setUpChildScope.js';

describe('the address of the same page of another record', () => {
  it('replaces the child id segment only, and keeps the query', () => {
    expect(addressWithChild('/children/A2/chronology?from=2021-01-01', 'A2', 'A1')).toBe('/children/A1/chronology?from=2021-01-01');
    expect(addressWithChild('/children/A2', 'A2', 'A1')).toBe('/children/A1');
    expect(addressWithChild('/children/A2/safety/maps/A2x', 'A2', 'A1')).toBe('/children/A1/safety/maps/A2x');
  });
});

describe(`a merged-away child id leads to the surviving record (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let manager: string;
  let otherWorker: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    const { db } = database;
    await aChild(db, { childId: 'MK1', forename: 'Isla', surname: 'Reid', dateOfBirth: '2014-02-02' });
    await aChild(db, { childId: 'MK2', forename: 'Isla', surname: 'Reid', dateOfBirth: '2014-02-02' });
    await aCase(db, 'MK1', { team: 'Family First', workerId: 'W1' });
    await aCase(db, 'MK2', { team: 'Family First', workerId: 'W1' });
    app = await buildApp(services, { logger: false });
    const signedIn = await signInAs(app, services, 'team_manager', { team: 'Family First' });
    manager = signedIn.cookie;
    otherWorker = (await signInAs(app, services, 'practitioner', { team: 'Children and Families North', workerId: 'W9' })).cookie;
    expect((await services.childMerges.merge(signedIn.user, 'MK1', 'MK2', 'Recorded twice')).outcome).toBe('merged');
  });
  afterAll(async () => {
    await app?.close();
    await database.drop();
  });

  it('sends every page of the old id to the same page of the kept record, and says why', async () => {
    for (const [asked, sent] of [['/children/MK2', '/children/MK1'], ['/children/MK2/chronology', '/children/MK1/chronology']] as const) {
      const answer = await app.inject({ url: asked, headers: { cookie: manager } });
      expect(answer.statusCode, asked).toBe(301);
      expect(answer.headers.location).toBe(sent);
      const landed = await app.inject({ url: sent, headers: { cookie: sessionCookie(answer, manager) } });
      expect(landed.statusCode).toBe(200);
      expect(landed.body).toContain('The record MK2 was merged into this one');
    }
  });

  it('answers someone who may not open the kept record exactly as for an id that never existed', async () => {
    const merged = await app.inject({ url: '/children/MK2', headers: { cookie: otherWorker } });
    const unknown = await app.inject({ url: '/children/NEVER1', headers: { cookie: otherWorker } });
    expect(merged.statusCode).toBe(403);
    expect(merged.body.replace(/MK2/g, 'ID')).toBe(unknown.body.replace(/NEVER1/g, 'ID'));
  });

  it('never sends a form posted to the old id anywhere', async () => {
    const posted = await app.inject({ method: 'POST', url: '/children/MK2/chronology/events', headers: { cookie: manager, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'title=x' });
    expect(posted.statusCode).not.toBe(301);
  });
});
