/**
 * The data quality page a hundred issues at a time (issue 15: a large authority's year raises tens of thousands):
 * pages keep the filters, a page past the last shows the last, and only the rows on the page are an audited view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../../src/composition.js';
import { buildApp } from '../../src/app/app.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { testConfig } from '../support/testConfig.js';
import { signInAs } from '../support/signIn.js';
import { lookedAfter, world } from '../support/returnRecords.js';
import { writeReturnRecords } from '../support/returnsRecordsInDatabase.js';
import { paths } from '../../src/platform/http/paths.js';
import { childrenListedAtMost, presentIssues } from '../../src/modules/returns/dataQuality/dataQualityPresenter.js';
import type { ListedIssue } from '../../src/modules/returns/dataQuality/dataQualityService.js';
import type { RuleRun } from '../../src/modules/returns/runRules.js';

const year = '2021-22';
let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
let manager: { cookie: string };

/** 130 children whose disability is not known: 130 queries (C105), children Q001 to Q130. */
const children = Array.from({ length: 130 }, (_, index) => `Q${String(index + 1).padStart(3, '0')}`);

beforeAll(async () => {
  database = await createTestDatabase();
  services = buildServices(testConfig(), database.db);
  app = await buildApp(services);
  await writeReturnRecords(database.db, world(), ...children.map((childId) => lookedAfter(childId, { child: { disability: 'U' } })));
  manager = await signInAs(app, services, 'service_manager');
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe(`the data quality page, a page at a time (${engineUnderTest})`, () => {
  const issuesPage = (query: Record<string, string>) => app.inject({ url: paths.dataQuality.issues({ year, ...query }), headers: { cookie: manager.cookie } });
  const rowsOf = (html: string) => [...html.matchAll(/id="issue-C105-children-(Q\d{3})"/g)].map((match) => match[1]);
  const lastViewed = async () => (await database.db.query<{ details: { children: string[] } }>("select details from audit_events where action = 'data_quality.viewed' order by event_id desc limit 1"))[0]!.details.children;

  it('shows the first hundred, says which, and links to the next page with the filters kept', async () => {
    const first = await issuesPage({ kind: 'query' });
    expect(first.statusCode).toBe(200);
    expect(rowsOf(first.body)).toEqual(children.slice(0, 100));
    expect(first.body).toContain('Issues 1 to 100 of 130');
    const next = /<a[^>]*class="govuk-link govuk-pagination__link"[^>]*href="([^"]+)"[^>]*rel="next"|<a[^>]*href="([^"]+)"[^>]*rel="next"/.exec(first.body);
    const href = (next?.[1] ?? next?.[2] ?? '').replace(/&amp;/g, '&');
    expect(new URLSearchParams(href.split('?')[1]).get('kind')).toBe('query');
    expect(new URLSearchParams(href.split('?')[1]).get('page')).toBe('2');
    expect(await lastViewed()).toEqual(children.slice(0, 100));

    const second = await app.inject({ url: href, headers: { cookie: manager.cookie } });
    expect(rowsOf(second.body)).toEqual(children.slice(100));
    expect(second.body).toContain('Issues 101 to 130 of 130');
    expect(second.body).not.toMatch(/rel="next"/);
    expect(second.body).toMatch(/rel="prev"/);
    // Only the rows on the page were seen, so only they are the audited view.
    expect(await lastViewed()).toEqual(children.slice(100));
  });

  it('shows the last page when asked past it, and the first when the page is not a number', async () => {
    expect(rowsOf((await issuesPage({ page: '99' })).body)).toEqual(children.slice(100));
    expect(rowsOf((await issuesPage({ page: 'two' })).body)).toEqual(children.slice(0, 100));
  });
});

describe('the child filter', () => {
  const run: RuleRun = { pack: year, year, findings: [], ran: [], skipped: [], failed: [] };
  const issuesOf = (count: number): ListedIssue[] => Array.from({ length: count }, (_, index) => ({
    code: 'C105', kind: 'query', message: 'Disability not known', table: 'children', recordId: `R${index}`, childId: `R${index}`, fields: [], issueId: `C105:children:R${index}`,
    detail: null, team: 'North', workerId: null, childName: `Child ${index}`, workerName: null, markable: false, fix: undefined,
  }));
  const present = (issues: ListedIssue[]) => presentIssues({ run, all: issues, shown: issues, onPage: issues.slice(0, 100), page: 1, markedCount: 0 }, year, {}, '2022-09-30');

  it('lists the children while there are few enough to choose from, and asks for a child ID past that', async () => {
    expect(present(issuesOf(childrenListedAtMost)).choices.child).toHaveLength(childrenListedAtMost + 1);
    expect(present(issuesOf(childrenListedAtMost + 1)).choices.child).toBeUndefined();
    const html = (await app.inject({ url: paths.dataQuality.issues({ year }), headers: { cookie: manager.cookie } })).body;
    expect(html).toMatch(/<select class="govuk-select" id="child" name="child"/);
  });
});

