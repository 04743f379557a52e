import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { signInAs } from '../../../test/support/signIn.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { paths } from '../../platform/http/paths.js';

describe(`"Record a referral" from the navigation and from a child's record (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let worker: string;
  let manager: string;
  const navLink = `href="${paths.referrals.new()}"`;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aChild(database.db, { childId: 'A1', forename: 'Ailsa', surname: 'Boyd', dateOfBirth: '2012-03-04' });
    await aChild(database.db, { childId: 'B1', forename: 'Bryce', surname: 'Kerr', dateOfBirth: '2011-05-06' });
    await aCase(database.db, 'A1', { team: 'Family First', workerId: 'W1' });
    await aCase(database.db, 'B1', { team: 'Children and Families North', workerId: 'W9' });
    app = await buildApp(services, { logger: false });
    worker = (await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W1' })).cookie;
    manager = (await signInAs(app, services, 'team_manager', { team: 'Family First', workerId: 'M1' })).cookie;
  });
  afterAll(async () => {
    await app?.close();
    await database.drop();
  });

  it('is in a practitioner’s navigation on every page, and a manager reaches it from their tray instead', async () => {
    const work = await app.inject({ url: paths.caseloads.mine(), headers: { cookie: worker } });
    expect(work.body).toMatch(new RegExp(`<a[^>]*${navLink}[^>]*>\\s*Record a referral`));
    const tray = await app.inject({ url: paths.referrals.tray(), headers: { cookie: manager } });
    expect(tray.body).not.toMatch(new RegExp(`<a[^>]*class="[^"]*service-navigation[^"]*"[^>]*${navLink}`));
    expect(tray.body).toContain(navLink);
    const analyst = (await signInAs(app, services, 'analyst')).cookie;
    expect((await app.inject({ url: paths.dashboards.show(), headers: { cookie: analyst } })).body).not.toContain(navLink);
  });

  it('is on a child’s record, naming the child, and the form comes with their Cairn id filled in', async () => {
    const record = await app.inject({ url: paths.children.show({ childId: 'A1' }), headers: { cookie: worker } });
    const href = paths.referrals.new({ childId: 'A1' });
    expect(record.body).toContain(`href="${href}"`);
    const form = await app.inject({ url: href, headers: { cookie: worker } });
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/name="child1-id"[^>]*value="A1"/);
  });

  it('fills in nothing for a child the person may not open, nor for a malformed id', async () => {
    const other = await app.inject({ url: paths.referrals.new({ childId: 'B1' }), headers: { cookie: worker } });
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toMatch(/name="child1-id"[^>]*value="[^"]/);
    const malformed = await app.inject({ url: paths.referrals.new({ childId: 'A 1' }), headers: { cookie: worker } });
    expect(malformed.statusCode).toBe(200);
    expect(malformed.body).not.toMatch(/name="child1-id"[^>]*value="[^"]/);
  });
});

describe(`the referral's school cluster and team come from the reference lists (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let worker: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    await aChild(database.db, { childId: 'L1', forename: 'Lewis', surname: 'Orr', dateOfBirth: '2012-03-04' });
    await aCase(database.db, 'L1', { team: 'Family First', workerId: 'W1' });
    await database.db.query(`insert into reference_entries (list, name, match_key) values ('school_cluster', 'Belmont', 'belmont'), ('team', 'Children and Families North', 'childrenandfamiliesnorth')`);
    app = await buildApp(services, { logger: false });
    worker = (await signInAs(app, services, 'practitioner', { team: 'Family First', workerId: 'W1' })).cookie;
  });
  afterAll(async () => {
    await app?.close();
    await database.drop();
  });

  const referral = (fields: Record<string, string>) => ({
    'child1-id': 'L1', 'received-day': '1', 'received-month': '3', 'received-year': '2022', source: 'education', reason: 'Attendance', schoolCluster: '', team: 'Family First', ...fields,
  });
  const post = async (fields: Record<string, string>) => {
    const { openForm } = await import('../../../test/support/signIn.js');
    const { token, cookie } = await openForm(app, paths.referrals.new(), worker);
    return app.inject({ method: 'POST', url: paths.referrals.new(), headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, ...referral(fields) }).toString() });
  };

  it('offers the listed clusters and teams, and the person’s own team', async () => {
    const page = await app.inject({ url: paths.referrals.new(), headers: { cookie: worker } });
    expect(page.body).toContain('<option value="Belmont"');
    expect(page.body).toContain('<option value="Children and Families North"');
    expect(page.body).toMatch(/<option value="Family First" selected/);
  });

  it('refuses a cluster or team typed outside the lists, keeping what was typed, and records nothing', async () => {
    const refused = await post({ schoolCluster: 'Belmnt', team: 'Family Frist' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Select a school cluster from the list');
    expect(refused.body).toContain('Select a team from the list');
    expect(refused.body).toContain('>Attendance</textarea>');
    expect(await database.db.query(`select 1 from referral_intake where child_id = 'L1'`)).toEqual([]);
    expect((await post({ schoolCluster: 'Belmont', team: 'Children and Families North' })).statusCode).toBe(303);
    expect((await post({})).statusCode).toBe(303);
  });
});
