/** @module The dashboards and the board report page: who may see them, the figures they show, CSV downloads and the cover sheet form. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { csrfToken, openForm, sessionCookie, signInAs } from '../../../test/support/signIn.js';
import { loadWeeGlen, weeGlenCover } from '../../../test/reports/boardFixture.js';
import { dashboardService } from './dashboardService.js';
import { aChild, anEpisode } from '../../../test/support/factories.js';

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

  it('shows each indicator as a chart image named by its title, with its table on the page, unsuppressed, and equal to cairn stats', async () => {
    const response = await get('/dashboards?firstYear=2020&lastYear=2021&baseline=2020', 'analyst');
    expect(response.statusCode).toBe(200);
    const charts = response.body.match(/<img src="\/dashboards\/charts\/[a-z0-9-]+\.svg\?firstYear=2020&amp;lastYear=2021&amp;baseline=2020" alt="[^"]+"/g) ?? [];
    expect(charts.length).toBeGreaterThanOrEqual(6);
    expect(response.body).toContain('<img src="/dashboards/charts/balance-of-care.svg?firstYear=2020&amp;lastYear=2021&amp;baseline=2020" alt="Children looked after on 31 July"');
    expect(response.body).not.toContain('<svg');
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

describe(`the dashboards' chart images (${engineUnderTest})`, () => {
  const chart = '/dashboards/charts/balance-of-care.svg?firstYear=2020&lastYear=2021';

  it('are SVG images for the same people as the page, kept privately by the browser and checked with the server on each use', async () => {
    const response = await get(chart, 'analyst');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.body).toMatch(/^<svg role="img" aria-label="Children looked after on 31 July"/);
    expect(response.body).toContain('</svg>');
    expect((await get(chart, 'team_manager')).statusCode).toBe(200);
    expect((await get(chart, 'practitioner')).statusCode).toBe(403);
    expect((await get(chart, 'admin')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: chart })).statusCode).toBe(303);
  });

  it('answer 304 Not Modified to a browser that already holds the same chart', async () => {
    const first = await get(chart, 'analyst');
    const tag = String(first.headers.etag);
    expect(tag).toMatch(/^"[\w-]+"$/);
    const again = await app.inject({ method: 'GET', url: chart, headers: { cookie: cookies.analyst!, 'if-none-match': tag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await app.inject({ method: 'GET', url: chart, headers: { cookie: cookies.analyst!, 'if-none-match': '"something else"' } });
    expect(other.statusCode).toBe(200);
  });

  it('follow the choice of years, and refuse a chart that does not exist or years that are wrong', async () => {
    const twoYears = await get(chart, 'analyst');
    const oneYear = await get('/dashboards/charts/balance-of-care.svg?firstYear=2021&lastYear=2021', 'analyst');
    expect(oneYear.statusCode).toBe(200);
    expect(oneYear.headers.etag).not.toBe(twoYears.headers.etag);
    expect(twoYears.body).toContain('2020');
    expect(oneYear.body).not.toContain('>2020<');
    expect((await get('/dashboards/charts/no-such-chart.svg', 'analyst')).statusCode).toBe(404);
    expect((await get('/dashboards/charts/balance-of-care.png', 'analyst')).statusCode).toBe(404);
    expect((await get('/dashboards/charts/balance-of-care.svg?firstYear=2021&lastYear=2020', 'analyst')).statusCode).toBe(400);
  });
});

describe(`the dashboards' kept figures (${engineUnderTest})`, () => {
  it('are the very same for the same choice while no record changes, each choice its own, and new once one does', async () => {
    const dashboards = dashboardService(services.figures, database.db);
    const both = await dashboards.figures({ years: { first: 2020, last: 2021 } });
    expect(await dashboards.figures({ years: { first: 2020, last: 2021 } })).toBe(both);
    const later = await dashboards.figures({ years: { first: 2021, last: 2021 } });
    expect(later).not.toBe(both);
    expect(later.years).toEqual([2021]);
    expect(both.years).toEqual([2020, 2021]);
    const lookedAfter = (figures: typeof both) => figures.rows.find((row) => row.indicator === 'lac.count' && row.period === '2021-07-31')?.value;
    const before = lookedAfter(both);
    // A child who became looked after in 2021 and was still on the census day: the next request sees them.
    await aChild(database.db, { childId: 'KEPT1', dateOfBirth: '2015-01-01' });
    await anEpisode(database.db, 'KEPT1', { startDate: '2021-05-01', endDate: null });
    const again = await dashboards.figures({ years: { first: 2020, last: 2021 } });
    expect(again).not.toBe(both);
    expect(Number(lookedAfter(again))).toBe(Number(before) + 1);
    await database.db.query(`delete from looked_after_episodes where child_id = 'KEPT1'`);
    await database.db.query(`delete from children where child_id = 'KEPT1'`);
    expect(lookedAfter(await dashboards.figures({ years: { first: 2020, last: 2021 } }))).toBe(before);
  });
});

describe(`the dashboards page kept while its figures are (${engineUnderTest})`, () => {
  const nonceOf = (response: { headers: Record<string, unknown> }) => /script-src [^;]*'nonce-([^']+)'/.exec(String(response.headers['content-security-policy']))?.[1];

  it('gives a different choice of years its own figures, and the same choice the same figures', async () => {
    const rows = (html: string) => flat(html).match(/Change in the balance of care .*?Download this table/)?.[0];
    const both = await get('/dashboards?firstYear=2020&lastYear=2021&baseline=2020', 'analyst');
    const later = await get('/dashboards?firstYear=2021&lastYear=2021', 'analyst');
    expect(rows(both.body)).toMatch(/2020 25 2\.5 0% 2021 29 2\.9 \+16%/);
    expect(rows(later.body)).toMatch(/2021 29 2\.9 0%/);
    expect(rows(later.body)).not.toMatch(/2020 25/);
    const bothAgain = await get('/dashboards?firstYear=2020&lastYear=2021&baseline=2020', 'analyst');
    expect(rows(bothAgain.body)).toBe(rows(both.body));
  });

  it("still carries each response's own nonce, CSRF token and name, and only the links the role may follow", async () => {
    const page = '/dashboards?firstYear=2020&lastYear=2021';
    const analyst = await get(page, 'analyst');
    const again = await get(page, 'analyst');
    const manager = await get(page, 'team_manager');
    for (const response of [analyst, again, manager]) {
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toMatch(/^<!DOCTYPE html>[\s\S]*<h1 class="govuk-heading-l">Dashboards<\/h1>[\s\S]*<\/html>\s*$/);
      const nonce = nonceOf(response);
      expect(nonce).toBeTruthy();
      expect(response.body).toContain(`nonce="${nonce}"`);
    }
    expect(nonceOf(again)).not.toBe(nonceOf(analyst));
    expect(csrfToken(again.body)).not.toBe(csrfToken(analyst.body));
    expect(analyst.body).toContain('Build a board report from these figures');
    expect(analyst.body).toMatch(/Test analyst \d+ <span class="govuk-visually-hidden">signed in as/);
    expect(manager.body).not.toContain('Build a board report from these figures');
    expect(manager.body).not.toContain('Load benchmark figures');
    expect(manager.body).not.toMatch(/Test analyst \d+/);
    expect(manager.body).toMatch(/Test team_manager \d+ <span class="govuk-visually-hidden">signed in as/);
  });

  it('keeps what was typed and the mistakes for each wrong choice apart', async () => {
    const first = await get('/dashboards?firstYear=2021&lastYear=2020', 'analyst');
    const second = await get('/dashboards?firstYear=2021&lastYear=2019', 'analyst');
    expect(first.body).toMatch(/id="lastYear" name="lastYear" type="text" value="2020"/);
    expect(second.body).toMatch(/id="lastYear" name="lastYear" type="text" value="2019"/);
    expect(second.body).toContain('<title>Error: Dashboards');
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
