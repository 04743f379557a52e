/** @module The dashboards and the board report page: who may see them, the figures they show, CSV downloads and the cover sheet form. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../web/app.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, sessionCookie, signInAs } from '../../../test/support/signIn.js';
import { loadWeeGlen, weeGlenCover } from '../../../test/reports/boardFixture.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  await loadWeeGlen(database.db);
  services = buildServices(testConfig(), database.db);
  app = await buildApp(services);
  for (const role of ['practitioner', 'team_manager', 'service_manager', 'analyst', 'admin'] as const) {
    cookies[role] = (await signInAs(app, services, role)).cookie;
  }
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const get = (url: string, role: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[role]! } });
const flat = (html: string) => html.replace(/<svg[\s\S]*?<\/svg>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

describe(`the dashboards (${engineUnderTest})`, () => {
  it('are for service managers, analysts and team managers, not practitioners or administrators', async () => {
    expect((await get('/dashboards', 'practitioner')).statusCode).toBe(403);
    expect((await get('/dashboards', 'admin')).statusCode).toBe(403);
    expect((await get('/dashboards', 'team_manager')).statusCode).toBe(200);
    expect((await get('/dashboards', 'service_manager')).statusCode).toBe(200);
    expect((await get('/dashboards/tables/balance-of-care.csv', 'practitioner')).statusCode).toBe(403);
  });

  it('shows each indicator as an SVG chart with its table, unsuppressed, and equal to cairn stats', async () => {
    const response = await get('/dashboards?firstYear=2020&lastYear=2021&baseline=2020', 'analyst');
    expect(response.statusCode).toBe(200);
    const charts = response.body.match(/<svg role="img" aria-label="[^"]+"/g) ?? [];
    expect(charts.length).toBeGreaterThanOrEqual(6);
    const text = flat(response.body);
    const stats = await services.stats.compute({ years: { first: 2020, last: 2021 }, baseline: 2020 });
    const count2021 = stats.rows.find((row) => row.indicator === 'lac.count' && row.period === '2021-07-31')!.value;
    expect(count2021).toBe(29);
    expect(text).toMatch(/2021 29 2\.9 \+16%/);
    // Staff see every figure: the 3 in the council's own children's house is not hidden here.
    expect(text).toMatch(/In the council's own children's house 3/);
    expect(text).toMatch(/2021 2 £109,200/);
    for (const heading of ['Change in the balance of care', 'Placement types', 'Out of authority placements and cost avoided', 'Child protection', 'Statutory share of the caseload', 'Benchmarking comparison: looked after children per 1,000 children']) {
      expect(text).toContain(heading);
    }
    expect(response.body).toContain('href="/dashboards/tables/balance-of-care.csv?firstYear=2020&amp;lastYear=2021&amp;baseline=2020"');
  });

  it('downloads a table as CSV with the same figures', async () => {
    const response = await get('/dashboards/tables/placement-types.csv?firstYear=2020&lastYear=2021', 'analyst');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toBe('attachment; filename="placement-types.csv"');
    expect(response.body).toBe(
      [
        'Placement type,Number',
        'At home with parents,12',
        'With kinship carers: friends or relatives,6',
        'With foster carers provided by the council,8',
        "In the council's own children's house,3",
        'Total,29',
        '',
      ].join('\r\n'),
    );
    expect((await get('/dashboards/tables/no-such-table.csv', 'analyst')).statusCode).toBe(404);
  });

  it('says what is wrong with the years in plain words and keeps what was typed', async () => {
    const response = await get('/dashboards?firstYear=2021&lastYear=2020&baseline=20x', 'analyst');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('The last year must be the same as or after the first year');
    expect(response.body).toContain('Enter the baseline year as 4 digits, like 2016');
    expect(response.body).toMatch(/id="baseline" name="baseline" type="text" value="20x"/);
  });
});

describe(`the board report page (${engineUnderTest})`, () => {
  it('is for service managers and analysts only', async () => {
    expect((await get('/dashboards/board-report', 'team_manager')).statusCode).toBe(403);
    expect((await get('/dashboards/board-report', 'practitioner')).statusCode).toBe(403);
    expect((await get('/dashboards/board-report', 'analyst')).statusCode).toBe(200);
  });

  async function post(fields: Record<string, string | string[]>) {
    const page = await openForm(app, '/dashboards/board-report', cookies.service_manager);
    cookies.service_manager = page.cookie;
    const body = new URLSearchParams({ _csrf: page.token });
    for (const [name, value] of Object.entries(fields)) for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
    const response = await app.inject({ method: 'POST', url: '/dashboards/board-report', headers: { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
    cookies.service_manager = sessionCookie(response, cookies.service_manager);
    return response;
  }

  const filledIn = {
    meeting: weeGlenCover.meeting, 'heldOn-day': '12', 'heldOn-month': '10', 'heldOn-year': '2022', agendaItem: '7', title: weeGlenCover.title,
    summary: weeGlenCover.summary, author: weeGlenCover.author, recommendations: weeGlenCover.recommendations,
    directions: ['none'], implications: ['Financial', 'Legal'], firstYear: '2020', lastYear: '2021', format: 'html',
  };

  it('lists every missing field, beside the field and in the summary, keeping what was typed', async () => {
    const response = await post({ meeting: 'Wee Glen IJB', 'heldOn-day': '31', 'heldOn-month': '2', 'heldOn-year': '2022', implications: ['Legal'], format: 'docx' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    for (const message of ['Enter the agenda item', 'Enter the title', 'Enter the summary', 'Enter the author', 'Enter the recommendations', 'The date of the meeting must be a real date']) {
      expect(response.body).toContain(message);
    }
    expect(response.body).toContain('value="Wee Glen IJB"');
    expect(response.body).toMatch(/name="implications" type="checkbox" value="Legal" checked/);
  });

  it('builds the report and sends it as a download, with the figures of cairn stats', async () => {
    const response = await post(filledIn);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="childrens-services-transformational-activity-2022-10-12.html"');
    const text = flat(response.body);
    expect(text).toMatch(/2021 29 2\.9 \+16%/);
    expect(text).toMatch(/In the council's own children's house \*/);
    const pdf = await post({ ...filledIn, format: 'pdf' });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
