/**
 * @module A new role is one entry in src/platform/access/roles.ts: this test adds two, and every part of Cairn that
 * asks about access (routes, navigation, child scope, team reach, lists of people, the users form) follows them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../../src/composition.js';
import { buildApp } from '../../src/app/app.js';
import { addRole, removeRole, rolesWith, type Role } from '../../src/platform/access/roles.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { testConfig } from '../support/testConfig.js';
import { aCase, aChild } from '../support/factories.js';
import { signInAs } from '../support/signIn.js';

addRole('quality_lead', {
  name: 'Quality lead',
  hint: 'Runs audits, surveys and training records; sees no child by name',
  permissions: ['quality:lead', 'quality:view', 'training:record', 'training:view'],
  children: 'none',
  teams: 'none',
});
addRole('duty_manager', {
  name: 'Duty manager',
  hint: 'Screens the duty team’s referrals and sees that team’s children',
  permissions: ['child:search', 'child:view', 'referral:manage', 'caseload:own', 'quality:audit'],
  children: 'team',
  teams: 'own',
});

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  services = buildServices(testConfig(), database.db);
  app = await buildApp(services);
});

afterAll(async () => {
  removeRole('quality_lead');
  removeRole('duty_manager');
  await app?.close();
  await database?.drop();
});

const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });

describe('a role added as one entry', () => {
  it('opens the pages its permissions name, refuses the rest, and shows them in the navigation', async () => {
    const { cookie } = await signInAs(app, services, 'quality_lead' as Role);
    expect((await get('/quality', cookie)).statusCode).toBe(200);
    expect((await get('/surveys', cookie)).statusCode).toBe(200);
    expect((await get('/training/staff/new', cookie)).statusCode).toBe(200);
    expect((await get('/children', cookie)).statusCode).toBe(403);
    expect((await get('/admin/audit', cookie)).statusCode).toBe(403);
    const home = await get('/', cookie);
    expect(home.body).toContain('Quality report');
    expect(home.body).toContain('(Quality lead)');
    expect(home.body).not.toContain('Find a child');
  });

  it('reaches the children and referrals of its own team only', async () => {
    await aChild(database.db, { childId: 'DUTY1', forename: 'Isla', surname: 'Duthie' });
    await aCase(database.db, 'DUTY1', { team: 'Duty' });
    await aChild(database.db, { childId: 'OTHER1', forename: 'Ross', surname: 'Other' });
    await aCase(database.db, 'OTHER1', { team: 'Family First' });
    const { cookie } = await signInAs(app, services, 'duty_manager' as Role, { team: 'Duty', workerId: 'W-DUTY' });
    expect((await get('/children/DUTY1', cookie)).statusCode).toBe(200);
    expect((await get('/children/OTHER1', cookie)).statusCode).toBe(403);
    expect((await get('/referrals', cookie)).statusCode).toBe(200);
    expect((await get('/caseloads/mine', cookie)).statusCode).toBe(200);
  });

  it('joins the lists built from permissions: auditors, workers to allocate to, and the roles on the users form', async () => {
    expect(rolesWith('quality:audit')).toContain('duty_manager');
    expect(rolesWith('caseload:own')).toContain('duty_manager');
    const lead = await signInAs(app, services, 'quality_lead' as Role);
    const manager = await signInAs(app, services, 'duty_manager' as Role, { team: 'Duty', workerId: 'W-DUTY-2' });
    const auditors = await services.caseFileAudits.auditors();
    expect(auditors.map((a) => a.userId)).toContain(manager.user.userId);
    expect(auditors.map((a) => a.userId)).not.toContain(lead.user.userId);
    const admin = await signInAs(app, services, 'admin');
    const form = await get('/admin/users/new', admin.cookie);
    expect(form.body).toContain('Quality lead');
    expect(form.body).toContain('Screens the duty team’s referrals');
  });
});
