/** @module Loading benchmarks.csv from the upload page: every problem as file:line, all or nothing, audited, and shown on the dashboards. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, sessionCookie, signInAs } from '../../../test/support/signIn.js';
import { loadWeeGlen } from '../../../test/reports/boardFixture.js';
import { readBenchmarkFile } from './benchmarkFile.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
let analyst: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadWeeGlen(database.db);
  services = buildServices(testConfig(), database.db);
  app = await buildApp(services);
  analyst = (await signInAs(app, services, 'analyst')).cookie;
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

function multipartBody(csrf: string, file: { filename: string; bytes: Buffer }) {
  const boundary = '----cairnBenchmarkBoundary';
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="benchmarks"; filename="${file.filename}"\r\nContent-Type: text/csv\r\n\r\n`),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function upload(text: string) {
  const page = await openForm(app, '/dashboards/benchmarks', analyst);
  analyst = page.cookie;
  const body = multipartBody(page.token, { filename: 'benchmarks.csv', bytes: Buffer.from(text, 'utf8') });
  const response = await app.inject({ method: 'POST', url: '/dashboards/benchmarks', headers: { cookie: analyst, 'content-type': body.contentType }, payload: body.payload });
  analyst = sessionCookie(response, analyst);
  return response;
}

const count = async () => (await database.db.query<{ n: number }>('select count(*)::int as n from benchmarks'))[0]!.n;

describe('reading benchmarks.csv', () => {
  it('lists every problem with its line and column, and the indicator must be one Cairn defines', () => {
    const read = readBenchmarkFile('benchmarks.csv', Buffer.from('year,indicator,area,value\n2021,lac.rate_per_1000,scotland,12.9\n20x1,lac.rate_per_1000,family_group,14.4\n2021,lac.made_up,scotland,1\n2021,lac.community_pct,scotland,\n'));
    expect(read.problems?.map((problem) => `${problem.file}:${problem.line}: ${problem.column}`)).toEqual([
      'benchmarks.csv:3: year',
      'benchmarks.csv:4: indicator',
      'benchmarks.csv:5: value',
    ]);
    expect(read.problems?.[1]?.message).toBe('"lac.made_up" is not an indicator Cairn defines (for example lac.rate_per_1000)');
  });

  it('refuses a file that is not UTF-8', () => {
    expect(readBenchmarkFile('benchmarks.csv', Buffer.from([0x79, 0x65, 0x61, 0x72, 0xff, 0xfe])).problems?.[0]?.message).toContain('is not UTF-8');
  });
});

describe(`the benchmark upload page (${engineUnderTest})`, () => {
  it('is for analysts and service managers', async () => {
    const practitioner = (await signInAs(app, services, 'practitioner')).cookie;
    const teamManager = (await signInAs(app, services, 'team_manager')).cookie;
    expect((await app.inject({ url: '/dashboards/benchmarks', headers: { cookie: practitioner } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/dashboards/benchmarks', headers: { cookie: teamManager } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/dashboards/benchmarks', headers: { cookie: analyst } })).statusCode).toBe(200);
  });

  it('loads nothing from a file with a problem, and lists each as file:line: column: message', async () => {
    const before = await count();
    const response = await upload('year,indicator,area,value\n2021,lac.community_pct,scotland,88.1\n2021,lac.community_pct,family_group,abc\n');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The file was not loaded: it has 1 problem. Nothing was changed.');
    expect(response.body).toMatch(/benchmarks\.csv:3: value: /);
    expect(await count()).toBe(before);
    const refused = await database.db.query<{ action: string }>(`select action from audit_events where action = 'import.refused'`);
    expect(refused.length).toBe(1);
  });

  it('loads a good file in one go, replacing figures already loaded, and the dashboards show them', async () => {
    const before = await count();
    const response = await upload('year,indicator,area,value\n2021,lac.rate_per_1000,scotland,13.0\n2021,lac.community_pct,scotland,88.1\n2021,lac.community_pct,family_group,86.5\n');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('3 rows: 2 new, 1 changed.');
    expect(await count()).toBe(before + 2);
    const dashboards = await app.inject({ url: '/dashboards?firstYear=2020&lastYear=2021', headers: { cookie: analyst } });
    const text = dashboards.body.replace(/<svg[\s\S]*?<\/svg>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toMatch(/2021 2\.9 14\.4 13\.0/);
    expect(text).toMatch(/Benchmarking comparison: looked after children cared for in the community/);
    expect(text).toMatch(/2021 89\.7% 86\.5% 88\.1%/);
  });

  it('says so when no file is chosen', async () => {
    const response = await upload('');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Select a benchmarks.csv file to load');
  });
});
