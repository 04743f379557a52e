/**
 * @module Reference lists (issue 13 item 6, ADR 0029): seeded from the values records hold, the importer mapping the
 * extract's spellings onto one entry and reporting new ones, merging a typo into its entry (the cluster figures then
 * show one cluster), retiring without losing a record's value, and the administrators' and child details' validation.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { aCase, aChild } from '../../../test/support/factories.js';
import { openForm, sessionCookie, signInAs } from '../../../test/support/signIn.js';
import { clearDomain, removeExtractFolders, validExtract, writeExtractFolder } from '../../../test/extract/support/extractFolder.js';
import { sourcePath } from '../../platform/projectRoot.js';
import type { SignedInUser } from '../../platform/access/user.js';

const system = { kind: 'system', name: 'test' } as const;

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
let admin: { cookie: string; user: SignedInUser };
let worker: { cookie: string; user: SignedInUser };

beforeAll(async () => {
  database = await createTestDatabase();
  services = buildServices(testConfig(), database.db);
  app = await buildApp(services);
  admin = await signInAs(app, services, 'admin', { username: 'ada.admin' });
  worker = await signInAs(app, services, 'service_manager', { username: 'sam.manager' });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  await removeExtractFolders();
});

async function post(url: string, fields: Record<string, string>, who: { cookie: string }) {
  const page = await openForm(app, url.replace(/\/(retire|restore)$/, '').replace(/\/admin\/lists\/([^/]+)\/\d+$/, '/admin/lists/$1'), who.cookie);
  who.cookie = page.cookie;
  const response = await app.inject({
    method: 'POST', url, headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...fields, _csrf: page.token }).toString(),
  });
  who.cookie = sessionCookie(response, who.cookie);
  return response;
}

async function names(list: string): Promise<string[]> {
  return (await services.references.entries(list as 'team')).map((entry) => entry.name);
}

async function entryId(list: 'team' | 'school_cluster' | 'worker', name: string): Promise<number> {
  const entry = (await services.references.entries(list)).find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`no ${list} ${name}`);
  return entry.entryId;
}

describe(`reference lists (${engineUnderTest})`, () => {
  it('seeds each list from the distinct values records hold, one entry for spellings that differ only in case or spaces', async () => {
    await aChild(database.db, { childId: 'S1', schoolCluster: 'Belmont' });
    await aChild(database.db, { childId: 'S2', schoolCluster: 'Belmont' });
    await aChild(database.db, { childId: 'S3', schoolCluster: ' belmont' });
    await aChild(database.db, { childId: 'S4', schoolCluster: 'Kyle Academy' });
    await aCase(database.db, 'S1', { team: 'North Hub', workerId: 'W7' });
    await database.db.query('delete from reference_entries');
    const migration = await readFile(sourcePath('db', 'migrations', '0070_reference_lists.sql'), 'utf8');
    await database.db.exec(migration.slice(migration.indexOf('insert into reference_entries')));
    expect(await names('school_cluster')).toEqual(['Belmont', 'Kyle Academy']);
    expect(await names('team')).toEqual(['North Hub']);
    expect((await services.references.entries('worker')).map((entry) => entry.code)).toEqual(['W7']);
    // Nothing recorded changed: the figures are as they were.
    expect(await database.db.query(`select school_cluster from children where child_id = 'S3'`)).toEqual([{ school_cluster: ' belmont' }]);
    await clearDomain(database.db);
  });

  it('maps the extract’s case and space variants onto one entry and reports the values it added', async () => {
    await services.references.add(admin.user, 'school_cluster', { name: 'North', code: null });
    const extract = validExtract();
    extract['children.csv'] = extract['children.csv']!.replace('B,F1,Rory,Boyd,2014-05-06,M,U,North', 'B,F1,Rory,Boyd,2014-05-06,M,U, north ').replace('C,,Isla,Kerr,2009-07-08,F,,South', 'C,,Isla,Kerr,2009-07-08,F,,Nrth');
    extract['cases.csv'] = 'case_id,child_id,team,worker_id,opened_date,closed_date\nK1,A,Family First,W1,2018-12-01,\nK2,C,family  first,W2,2020-08-15,2021-07-31\n';
    const outcome = await services.extractImport.importFolder(system, await writeExtractFolder(extract));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(await database.db.query('select child_id, school_cluster from children order by child_id')).toEqual([
      { child_id: 'A', school_cluster: 'North' }, { child_id: 'B', school_cluster: 'North' }, { child_id: 'C', school_cluster: 'Nrth' },
    ]);
    expect(await database.db.query('select team from cases order by case_id')).toEqual([{ team: 'Family First' }, { team: 'Family First' }]);
    expect(outcome.newReferenceValues).toEqual(expect.arrayContaining([
      { list: 'school_cluster', value: 'Nrth', rowCount: 1, rows: ['children.csv line 4'] },
      { list: 'team', value: 'Family First', rowCount: 2, rows: ['cases.csv line 2', 'cases.csv line 3'] },
    ]));
    expect(outcome.newReferenceValues.some((added) => added.value === 'North')).toBe(false);
    // The audit event counts each new value's rows and names the first ten.
    const [event] = await database.db.query<{ details: { newReferenceValues: unknown[] } }>(`select details from audit_events where action = 'import.completed' order by event_id desc limit 1`);
    expect(event!.details.newReferenceValues).toEqual(expect.arrayContaining([
      { list: 'team', value: 'Family First', rowCount: 2, rows: ['cases.csv line 2', 'cases.csv line 3'] },
    ]));
    // Importing again adds nothing: every value is on its list now.
    const again = await services.extractImport.importFolder(system, await writeExtractFolder(extract));
    expect(again.ok && again.newReferenceValues).toEqual([]);
  });

  it('merges a typo into its entry: every use moves in one go, the cluster figures show one cluster, and the typo maps there next time', async () => {
    const before = await services.clusterOutcomes.figures('2019-01-01', '2022-12-31');
    expect(before.clusters).toEqual(expect.arrayContaining(['North', 'Nrth']));
    const typo = await entryId('school_cluster', 'Nrth');
    const north = await entryId('school_cluster', 'North');
    const versionOfC = async () => (await database.db.query<{ version: number }>(`select version from children where child_id = 'C'`))[0]!.version;
    const versionBefore = await versionOfC();
    const asked = await post(`/admin/lists/school-clusters/${typo}/merge`, { into: String(north) }, admin);
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Merge Nrth into North?');
    expect(await database.db.query(`select school_cluster from children where child_id = 'C'`)).toEqual([{ school_cluster: 'Nrth' }]);
    const merged = await post(`/admin/lists/school-clusters/${typo}/merge`, { into: String(north), confirmed: 'yes' }, admin);
    expect(merged.statusCode).toBe(303);
    expect(await database.db.query(`select school_cluster from children where child_id = 'C'`)).toEqual([{ school_cluster: 'North' }]);
    // A form opened on C's details before the merge sees the change rather than overwriting it (ADR 0020).
    expect(await versionOfC()).toBe(versionBefore + 1);
    const after = await services.clusterOutcomes.figures('2019-01-01', '2022-12-31');
    expect(after.clusters).toContain('North');
    expect(after.clusters).not.toContain('Nrth');
    expect(after.rows.some((row) => row.school_cluster === 'Nrth')).toBe(false);
    const clusterPage = await app.inject({ method: 'GET', url: '/clusters', headers: { cookie: worker.cookie } });
    expect(clusterPage.body).toContain('<option value="North">');
    expect(clusterPage.body).not.toContain('value="Nrth"');
    const entries = await services.references.entries('school_cluster');
    expect(entries.find((entry) => entry.name === 'North')?.otherNames).toEqual(['Nrth']);
    expect(entries.some((entry) => entry.name === 'Nrth')).toBe(false);
    const audited = await database.db.query<{ subject: string }>(`select subject from audit_events where action = 'reference.merged'`);
    expect(audited).toEqual([{ subject: 'school cluster Nrth is the same as North' }]);
    const extract = validExtract();
    extract['children.csv'] = extract['children.csv']!.replace('C,,Isla,Kerr,2009-07-08,F,,South', 'C,,Isla,Kerr,2009-07-08,F,,NRTH');
    const again = await services.extractImport.importFolder(system, await writeExtractFolder(extract));
    expect(again.ok && again.newReferenceValues.filter((added) => added.list === 'school_cluster')).toEqual([]);
    expect(await database.db.query(`select school_cluster from children where child_id = 'C'`)).toEqual([{ school_cluster: 'North' }]);
  });

  it('refuses a duplicate ignoring case and spaces, in plain words, keeping what was typed and writing nothing', async () => {
    const count = async () => (await database.db.query<{ n: number }>(`select count(*)::integer as n from reference_entries where list = 'school_cluster'`))[0]!.n;
    const before = await count();
    const response = await post('/admin/lists/school-clusters/new', { name: ' NORTH ', code: '' }, admin);
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('North is already on the list');
    expect(response.body).toMatch(/id="name"[^>]+value=" NORTH "/);
    const alias = await post('/admin/lists/school-clusters/new', { name: 'nrth', code: '' }, admin);
    expect(alias.body).toContain('already on the list as another name for North');
    expect(await count()).toBe(before);
    const empty = await post('/admin/lists/school-clusters/new', { name: '  ', code: '' }, admin);
    expect(empty.body).toContain('Enter the school cluster’s name');
    const added = await post('/admin/lists/school-clusters/new', { name: 'Carrick  Academy', code: '' }, admin);
    expect(added.statusCode).toBe(303);
    expect(await names('school_cluster')).toContain('Carrick Academy');
    // A listed cluster no record names yet is still one to choose on the cluster page.
    expect((await app.inject({ method: 'GET', url: '/clusters', headers: { cookie: worker.cookie } })).body).toContain('<option value="Carrick Academy">');
  });

  it('offers only current entries, keeps a retired value a record already holds, and refuses a value not on the list', async () => {
    const north = await entryId('school_cluster', 'North');
    const asked = await post(`/admin/lists/school-clusters/${north}/retire`, {}, admin);
    expect(asked.body).toContain('Retire North?');
    expect((await services.references.entries('school_cluster')).find((entry) => entry.entryId === north)?.retiredOn).toBeNull();
    expect((await post(`/admin/lists/school-clusters/${north}/retire`, { confirmed: 'yes' }, admin)).statusCode).toBe(303);

    // Child A holds North: still offered (marked retired) and kept when the details are saved.
    const page = await app.inject({ method: 'GET', url: '/children/A/edit', headers: { cookie: worker.cookie } });
    expect(page.body).toMatch(/<option value="North" selected>North \(retired\)<\/option>/);
    expect(page.body).toContain('<option value="Carrick Academy">');
    // Child B's page for a new child offers no retired entry.
    const add = await app.inject({ method: 'GET', url: '/children/new?forename=Ava&surname=Muir&dob-day=1&dob-month=2&dob-year=2015', headers: { cookie: worker.cookie } });
    expect(add.body).toContain('<option value="Carrick Academy">');
    expect(add.body).not.toContain('<option value="North"');

    const form = await openForm(app, '/children/A/edit', worker.cookie);
    const fields = Object.fromEntries([...form.html.matchAll(/<input[^>]+name="([^"]+)"[^>]*value="([^"]*)"/g)].map((match) => [match[1]!, match[2]!]));
    const send = (schoolCluster: string) => app.inject({
      method: 'POST', url: '/children/A/edit', headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, sex: 'F', school: '', schoolCluster, _csrf: form.token }).toString(),
    });
    const typo = await send('Carick Academy');
    expect(typo.statusCode).toBe(422);
    expect(typo.body).toContain('Select a school cluster from the list');
    expect(await database.db.query(`select school_cluster from children where child_id = 'A'`)).toEqual([{ school_cluster: 'North' }]);
    expect((await send('North')).statusCode).toBe(303);
    expect(await database.db.query(`select school_cluster from children where child_id = 'A'`)).toEqual([{ school_cluster: 'North' }]);

    expect((await post(`/admin/lists/school-clusters/${north}/restore`, {}, admin)).statusCode).toBe(303);
    expect((await services.references.entries('school_cluster')).find((entry) => entry.entryId === north)?.retiredOn).toBeNull();
  });

  it('renames an entry on every record holding it, keeping the old name for the next import', async () => {
    const team = await entryId('team', 'Family First');
    const renamed = await post(`/admin/lists/teams/${team}`, { name: 'Family First Team', code: '' }, admin);
    expect(renamed.statusCode).toBe(303);
    expect(await database.db.query(`select team from cases where case_id = 'K1'`)).toEqual([{ team: 'Family First Team' }]);
    const again = await services.extractImport.importFolder(system, await writeExtractFolder(validExtract()));
    expect(again.ok && again.newReferenceValues.filter((added) => added.list === 'team')).toEqual([]);
    expect(await database.db.query(`select team from cases where case_id = 'K1'`)).toEqual([{ team: 'Family First Team' }]);
    expect((await services.references.entries('team')).find((entry) => entry.name === 'Family First Team')?.otherNames).toEqual(['Family First']);
  });

  it('is for administrators only', async () => {
    for (const url of ['/admin/lists', '/admin/lists/teams', '/admin/lists/teams/new']) {
      expect((await app.inject({ method: 'GET', url, headers: { cookie: worker.cookie } })).statusCode).toBe(403);
    }
    expect((await app.inject({ method: 'GET', url: '/admin/lists/no-such-list', headers: { cookie: admin.cookie } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/admin/lists/teams/999999', headers: { cookie: admin.cookie } })).statusCode).toBe(404);
  });
});
