/**
 * @module Opening pages writes nothing a kept result depends on (ADR 0055): a session's last-seen time and the audit
 * trail are written by reading, and are not watched, so reading never throws away the figures other pages keep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../../src/composition.js';
import { buildApp } from '../../src/app/app.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { testConfig } from '../support/testConfig.js';
import { signInAs } from '../support/signIn.js';
import { aCase, aChild, anEpisode } from '../support/factories.js';

describe(`reading pages notes no change (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    app = await buildApp(services);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('a service manager opening a child, the dashboards, the data quality, quality and board paper pages', async () => {
    await aChild(database.db, { childId: 'READ1', forename: 'Isla', surname: 'Reid', dateOfBirth: '2014-03-02' });
    await aCase(database.db, 'READ1', { team: 'North', openedDate: '2024-01-05' });
    await anEpisode(database.db, 'READ1', { startDate: '2024-02-01' });
    const { cookie } = await signInAs(app, services, 'service_manager');
    const notes = async () => Number((await database.db.query<{ n: number }>('select count(*)::int as n from data_changes'))[0]!.n);
    const before = await notes();
    for (const url of ['/', '/children', '/children/READ1', '/dashboards', '/data-quality', '/quality', '/board-papers', '/referrals', '/caseloads/team']) {
      const response = await app.inject({ url, headers: { cookie } });
      expect(response.statusCode, url).toBeLessThan(400);
    }
    // The child's record was viewed, and that view audited: reading does write, just nothing watched.
    const [viewed] = await database.db.query<{ n: number }>(`select count(*)::int as n from audit_events where child_id = 'READ1'`);
    expect(viewed!.n).toBeGreaterThan(0);
    expect(await notes()).toBe(before);
    // …and a write does note one, so the count above could have moved.
    await aChild(database.db, { childId: 'READ2' });
    expect(await notes()).toBe(before + 1);
  });
});
