/**
 * The data quality page (issue 17) on both engines: issues by team, worker and child, each linking to a screen that
 * answers; an issue gone once its record is corrected; "check now" keeping counts over time; a query marked
 * "checked, correct" (reason required, audited, lapsing when the record changes, withdrawn after a confirmation);
 * who sees what; and the analysts' returns page refusing while an error remains, then offering each file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServices, type Services } from '../../src/composition.js';
import { buildApp } from '../../src/app/app.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import { testConfig } from '../support/testConfig.js';
import { openForm, sessionCookie, signInAs } from '../support/signIn.js';
import { lookedAfter, registered, world } from '../support/returnRecords.js';
import { writeReturnRecords } from '../support/returnsRecordsInDatabase.js';
import { fixScreen } from '../../src/modules/returns/dataQuality/fixScreens.js';
import { packFor } from '../../src/modules/returns/packs/packs.js';
import { tableNames, type TableName } from '../../src/modules/returns/records.js';
import { paths } from '../../src/platform/http/paths.js';
import { nightlyRun } from '../../src/modules/returns/dataQuality/nightlyCheck.js';

const year = '2021-22';
let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
let manager: { cookie: string };
let analyst: { cookie: string };
let southManager: { cookie: string };

const page = async (who: { cookie: string }, url: string) => app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const issuesPage = (who: { cookie: string }, query: Record<string, string> = {}) => page(who, paths.dataQuality.issues({ year, ...query }));

async function post(who: { cookie: string }, formUrl: string, url: string, fields: Record<string, string>) {
  const form = await openForm(app, formUrl, who.cookie);
  who.cookie = form.cookie;
  const response = await app.inject({
    method: 'POST', url, headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...fields, _csrf: form.token }).toString(),
  });
  who.cookie = sessionCookie(response, who.cookie);
  return response;
}

const markUrl = paths.dataQuality.markChecked({ code: 'C105', table: 'children', record: 'B', year });

beforeAll(async () => {
  database = await createTestDatabase();
  services = buildServices(testConfig(), database.db);
  app = await buildApp(services);
  await writeReturnRecords(database.db,
    world(),
    lookedAfter('A'),
    // B: disability not known — query C105.
    lookedAfter('B', { child: { disability: 'U' } }),
    // D: looked after at home on a supervision order but placed in foster care — error E102.
    lookedAfter('D', { episode: { legalReason: 'cso_home' } }),
    registered('E'),
  );
  await database.db.query("insert into scra_referrals (scra_referral_id, child_id, referral_date, ground) values ('SR-E', 'E', '2022-01-10', 'a')");
  manager = await signInAs(app, services, 'service_manager');
  analyst = await signInAs(app, services, 'analyst');
  southManager = await signInAs(app, services, 'team_manager', { team: 'South' });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe(`the data quality page (${engineUnderTest})`, () => {
  it('lists each issue with its team, worker and child, and a link to the screen that fixes it', async () => {
    const response = await issuesPage(manager);
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('id="issue-E102-placements-P-D"');
    expect(body).toContain(`href="${paths.care.correctPlacement({ childId: 'D', placementId: 'P-D' })}"`);
    expect(body).toContain('ForenameD SurnameD (D)');
    expect(body).toContain('North');
    expect(body).toContain(`href="${markUrl.replace(/&/g, '&amp;')}"`);
    const [viewed] = await database.db.query<{ details: { children: string[] } }>("select details from audit_events where action = 'data_quality.viewed' order by event_id desc limit 1");
    expect(viewed!.details.children).toEqual(expect.arrayContaining(['B', 'D']));
  });

  it('filters by rule, kind, team and child', async () => {
    expect((await issuesPage(manager, { kind: 'query' })).body).not.toContain('issue-E102-');
    expect((await issuesPage(manager, { code: 'E102' })).body).not.toContain('issue-C105-');
    expect((await issuesPage(manager, { child: 'B' })).body).toContain('issue-C105-children-B');
    expect((await issuesPage(manager, { team: 'South' })).body).toContain('id="no-issues"');
  });

  it('links every rule of the pack to a screen for its records, and each screen answers for a service manager', async () => {
    const ruleTables = new Set(packFor(year).rules.flatMap((rule) => [...rule.tables, ...rule.fields.map((field) => field.split('.')[0] as TableName)]));
    const ids: Record<Exclude<TableName, 'population'>, { recordId: string; childId: string }> = {
      children: { recordId: 'A', childId: 'A' }, cases: { recordId: 'K-A', childId: 'A' }, episodes: { recordId: 'E-A', childId: 'A' }, placements: { recordId: 'P-A', childId: 'A' },
      providers: { recordId: 'PR-LA', childId: 'A' }, registrations: { recordId: 'R-E', childId: 'E' }, planningMeetings: { recordId: 'M-E-initial', childId: 'E' },
      reporterReferrals: { recordId: 'SR-E', childId: 'E' },
    };
    for (const table of tableNames) {
      if (!ruleTables.has(table)) continue;
      if (table === 'population') {
        expect(fixScreen({ table, recordId: '2022', childId: null })).toBeUndefined();
        continue;
      }
      const screen = fixScreen({ table, ...ids[table] })!;
      expect(screen, table).toBeDefined();
      expect((await page(manager, screen.href)).statusCode, `${table}: ${screen.href}`).toBe(200);
    }
  });

  it('drops an issue once its record is corrected, and keeps the counts of each check', async () => {
    await post(manager, paths.dataQuality.issues({ year }), paths.dataQuality.checkNow(), { year });
    await database.db.query("update placements set placement_type = 'at_home', provider_id = null, weekly_cost = null where placement_id = 'P-D'");
    const checked = await post(manager, paths.dataQuality.issues({ year }), paths.dataQuality.checkNow(), { year });
    expect(checked.statusCode).toBe(303);
    const body = (await issuesPage(manager)).body;
    expect(body).not.toContain('issue-E102-');
    const runs = await services.dataQuality.history(year);
    expect(runs.runs.map((run) => [run.trigger, run.errors > 0])).toEqual([['page', false], ['page', true]]);
    expect(runs.counts.filter((count) => count.code === 'E102').map((count) => count.runId)).toEqual([runs.runs[1]!.runId]);
    expect(body).toContain('id="counts-over-time"');
    expect(body).toContain('Check now');
  });

  it('keeps the nightly run’s counts as a nightly run, shown on the page', async () => {
    expect(await nightlyRun(services.returns, { year })()).toMatch(/^Nightly returns check for 2021-22: 0 errors, \d+ queries, 0 rules failed$/);
    const [latest] = (await services.dataQuality.history(year)).runs;
    expect(latest!.trigger).toBe('nightly');
    expect((await issuesPage(manager)).body).toContain('>Nightly<');
  });

  it('marks a query checked, correct only with a reason, hides it while the record is unchanged, and lists who marked it', async () => {
    const empty = await post(manager, markUrl, markUrl, { reason: '  ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('There is a problem');
    expect(empty.body).toContain('href="#reason"');
    expect(empty.body).toContain('Enter why the record is correct');
    const marked = await post(manager, markUrl, markUrl, { reason: 'Checked with the worker: assessment still under way' });
    expect(marked.statusCode).toBe(303);
    expect((await issuesPage(manager)).body).not.toContain('issue-C105-children-B');
    const [event] = await database.db.query<{ child_id: string; reason: string }>("select child_id, reason from audit_events where action = 'data_quality.marked_correct'");
    expect(event).toEqual({ child_id: 'B', reason: 'Checked with the worker: assessment still under way' });
    const list = await page(manager, paths.dataQuality.checked());
    expect(list.body).toContain('Checked with the worker: assessment still under way');
    expect(list.body).toContain('Holds');
    const run = await services.returns.check({ year });
    expect(run.findings.some((finding) => finding.code === 'C105')).toBe(false);
    expect(run.checkedCorrect).toBe(1);
  });

  it('lets a mark lapse when the record changes, and withdraws a mark after asking', async () => {
    await database.db.query("update children set forename = 'Bee' where child_id = 'B'");
    expect((await issuesPage(manager)).body).toContain('issue-C105-children-B');
    expect((await page(manager, paths.dataQuality.checked())).body).toContain('Lapsed: the record has changed');
    const [mark] = await database.db.query<{ mark_id: number }>('select mark_id from data_quality_checked where withdrawn_at is null');
    const withdraw = paths.dataQuality.withdrawMark({ markId: mark!.mark_id });
    const asked = await post(manager, paths.dataQuality.checked(), withdraw, {});
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Yes, withdraw the mark');
    const done = await post(manager, paths.dataQuality.checked(), withdraw, { confirmed: 'yes' });
    expect(done.statusCode).toBe(303);
    expect((await page(manager, paths.dataQuality.checked())).body).toContain('Withdrawn');
    expect(await database.db.query("select 1 from audit_events where action = 'data_quality.mark_withdrawn'")).toHaveLength(1);
  });

  it('shows an analyst the issues without names or fix links, and a team manager only their team’s', async () => {
    const seen = await issuesPage(analyst);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain('issue-C105-children-B');
    expect(seen.body).not.toContain('ForenameB');
    expect(seen.body).not.toContain(paths.children.edit({ childId: 'B' }));
    expect((await page(analyst, markUrl)).statusCode).toBe(403);
    const south = await issuesPage(southManager);
    expect(south.statusCode).toBe(200);
    expect(south.body).toContain('id="no-issues"');
  });
});

describe(`the returns page (${engineUnderTest})`, () => {
  it('refuses while an error rule fails, listing it, then offers each file and the manifest once clean (downloads audited)', async () => {
    await database.db.query("update placements set placement_type = 'foster_la', provider_id = 'PR-LA', weekly_cost = 500 where placement_id = 'P-D'");
    const refused = await page(analyst, paths.dataQuality.returns({ return: 'clas', year }));
    expect(refused.statusCode).toBe(200);
    expect(refused.body).toContain('id="blocking-errors"');
    expect(refused.body).toContain(paths.dataQuality.issues({ year, code: 'E102', kind: 'error' }).replace(/&/g, '&amp;'));
    await database.db.query("update placements set placement_type = 'at_home', provider_id = null, weekly_cost = null where placement_id = 'P-D'");
    const built = await page(analyst, paths.dataQuality.returns({ return: 'clas', year }));
    expect(built.body).toContain('id="return-files"');
    const manifest = paths.dataQuality.returnFile({ kind: 'clas', year, fileName: 'manifest.json' });
    expect(built.body).toContain(`href="${manifest}"`);
    const children = await page(analyst, paths.dataQuality.returnFile({ kind: 'clas', year, fileName: 'children.csv' }));
    expect(children.statusCode).toBe(200);
    expect(children.headers['content-type']).toContain('text/csv');
    expect(children.body.trim().split('\n')).toHaveLength(4);
    expect((await page(analyst, manifest)).json()).toMatchObject({ return: 'clas', year });
    const exports = await database.db.query<{ subject: string }>("select subject from audit_events where action = 'export.completed' order by event_id");
    expect(exports.map((event) => event.subject)).toEqual([`returns/clas/${year}/children.csv`, `returns/clas/${year}/manifest.json`]);
    expect((await page(manager, paths.dataQuality.returnFile({ kind: 'clas', year, fileName: 'nothing.csv' }))).statusCode).toBe(404);
  });

  it('is not for practitioners', async () => {
    const practitioner = await signInAs(app, services, 'practitioner', { team: 'North', workerId: 'W1' });
    expect((await page(practitioner, paths.dataQuality.returns())).statusCode).toBe(403);
    expect((await page(practitioner, paths.dataQuality.issues())).statusCode).toBe(403);
  });
});
