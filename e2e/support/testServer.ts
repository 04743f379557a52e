/** @module Starts Cairn on a real port over a fresh test database holding a few fictional children and one account per role. */
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../../src/composition.js';
import { buildApp } from '../../src/app/app.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/testDatabase.js';
import { testConfig } from '../../test/support/testConfig.js';
import { aCase, aChild, anEpisode, aPlacement } from '../../test/support/factories.js';
import type { Role } from '../../src/platform/access/roles.js';
import { serveAccessibilityEngine } from './accessibilityEngine.js';

export const testPassword = 'a-long-test-password-1';

export const accounts: Record<Role, { username: string; team?: string; workerId?: string }> = {
  practitioner: { username: 'worker', team: 'Family First', workerId: 'W1' },
  team_manager: { username: 'manager', team: 'Family First' },
  service_manager: { username: 'head.of.service' },
  analyst: { username: 'analyst' },
  admin: { username: 'admin' },
};

export interface TestServer {
  url: string;
  services: Services;
  close(): Promise<void>;
}

/** @example const server = await startTestServer(); await page.goto(server.url) */
export async function startTestServer(): Promise<TestServer> {
  const database: TestDatabase = await createTestDatabase();
  const { db } = database;
  const services = buildServices(testConfig(), db);
  await db.query(`insert into authority (authority_code, authority_name) values ('S12000999', 'Glenmuir')`);
  await aChild(db, { childId: 'A1', familyId: 'F1', forename: 'Ailsa', surname: 'Boyd', dateOfBirth: '2012-03-04' });
  await aChild(db, { childId: 'A2', familyId: 'F1', forename: 'Rory', surname: 'Boyd', dateOfBirth: '2014-05-06' });
  await aChild(db, { childId: 'B1', forename: 'Isla', surname: 'Kerr', dateOfBirth: '2009-07-08' });
  await aCase(db, 'A1', { team: 'Family First', workerId: 'W1' });
  await aCase(db, 'A2', { team: 'Family First', workerId: 'W1' });
  await aCase(db, 'B1', { team: 'Children and Families North', workerId: 'W3' });
  const episode = await anEpisode(db, 'A1', { startDate: '2020-01-01' });
  await aPlacement(db, episode, 'A1', { startDate: '2020-01-01', endDate: '2020-10-01', placementType: 'foster_purchased' });
  await aPlacement(db, episode, 'A1', { startDate: '2020-10-01', placementType: 'kinship' });
  const system = { kind: 'system', name: 'test' } as const;
  for (const [role, account] of Object.entries(accounts) as [Role, (typeof accounts)[Role]][]) {
    await services.users.add(system, { username: account.username, displayName: `Test ${role.replace('_', ' ')}`, role, team: account.team, workerId: account.workerId, password: testPassword });
  }
  const app: FastifyInstance = await buildApp(services, { logger: false });
  serveAccessibilityEngine(app);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    services,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
