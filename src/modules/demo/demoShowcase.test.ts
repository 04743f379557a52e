/**
 * @module What the loaded demo shows: undecided referrals in the Family First tray, and the cluster page with the
 * seed report's comparison — nothing bad from the Family First cluster since the team started, children coming
 * into care from the others.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { openDemoApp, type DemoApp } from '../../../test/support/demoTemplate.js';
import { signIn } from '../../../test/support/signIn.js';
import type { Services } from '../../composition.js';
import { paths } from '../../platform/http/paths.js';
import { presentTray } from '../referrals/referralPresenter.js';
import { familyFirst } from './authority.js';
import { demoPassword } from './demoUsers.js';
import type { DemoExtract } from './extract.js';
import { generateDemoExtract } from './generateDemoExtract.js';
import { planUndecidedReferrals } from './undecidedReferrals.js';
import { readChoice } from '../quality/qualityChoice.js';
import { recordShortBreakFlat } from './shortBreakFlat.js';
import { planFamilyFirstWork, recordFamilyFirstWork } from './familyFirstWork.js';
import { todayIso } from '../../platform/dates/isoDates.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
let demo: DemoApp;
let extract: DemoExtract;

beforeAll(async () => {
  // The demo as loadDemoIfEmpty leaves it, loaded once per run (ADR 0063); loading it is loadDemoIfEmpty.test.ts's.
  demo = await openDemoApp();
  ({ database, services, app } = demo);
  extract = generateDemoExtract({ seed: 2021 });
}, 300_000);

afterAll(() => demo?.close());

describe(`the demo's undecided referrals (${engineUnderTest})`, () => {
  it('plans the same referrals from the same extract: six, one for two siblings, dated back from the reference date', () => {
    const plan = planUndecidedReferrals(extract, 7);
    expect(planUndecidedReferrals(generateDemoExtract({ seed: 2021 }), 7)).toEqual(plan);
    expect(plan).toHaveLength(6);
    expect(plan.map((p) => p.childIds.length)).toEqual([1, 2, 1, 1, 1, 1]);
    expect(plan.map((p) => p.receivedDate)).toEqual(['2022-10-31', '2022-10-30', '2022-10-29', '2022-10-28', '2022-10-26', '2022-10-20']);
    expect(new Set(plan.flatMap((p) => p.childIds)).size).toBe(7);
  });

  it("fills the Family First manager's tray: new, screened awaiting a decision, and one overdue on the reference date", async () => {
    const manager = (await services.users.list()).find((u) => u.username === 'manager')!;
    const tray = presentTray(await services.referrals.tray(manager), services.referrals.decisionTargetDays, extract.today);
    expect(tray.rows).toHaveLength(7);
    expect(tray.counts).toEqual({ new: 4, awaitingDecision: 3, overdue: 1, awaitingAllocation: 0 });
    expect(new Set(tray.rows.map((r) => r.cluster))).toEqual(new Set([familyFirst.cluster]));
    const cookie = await signIn(app, 'manager', demoPassword);
    const page = await app.inject({ url: paths.referrals.tray(), headers: { cookie } });
    expect(page.statusCode).toBe(200);
    for (const row of tray.rows) expect(page.body).toContain(row.href);
  });
});

describe(`the cluster page on the demo, against the seed report's comparison (${engineUnderTest})`, () => {
  // From the day the Family First team started to the end of April 2022, as the seed report counts.
  const window = { from: familyFirst.start, to: '2022-04-30', cluster: familyFirst.cluster };

  it('shows children and families referred to Family First, and none of them coming to harm in care terms', async () => {
    const figures = await services.clusterOutcomes.figures(window.from, window.to);
    const sum = (indicator: string, inCluster: boolean, pathway?: string) => figures.rows
      .filter((r) => r.indicator === indicator && (r.school_cluster === familyFirst.cluster) === inCluster && (pathway === undefined || r.pathway === pathway))
      .reduce((total, r) => total + r.value, 0);
    expect(sum('referrals.children', true, 'family_first')).toBeGreaterThan(0);
    expect(sum('referrals.families', true, 'family_first')).toBeGreaterThan(0);
    for (const indicator of ['clusters.lac_started', 'clusters.external_placements_started', 'clusters.secure_started', 'clusters.cp_registrations']) {
      expect(sum(indicator, true), `${indicator} for ${familyFirst.cluster}`).toBe(0);
    }
    // The seed's other clusters: children who became looked after (23 there, mostly at home). The demo has no
    // external or secure placement starting anywhere in this window, so only these are compared.
    expect(sum('clusters.lac_started', false)).toBeGreaterThan(0);
    expect(sum('clusters.cp_registrations', false)).toBeGreaterThan(0);
  });

  it('draws that comparison on the page: the Family First cluster at zero, all other clusters not', async () => {
    const cookie = await signIn(app, 'service.manager', demoPassword);
    const page = await app.inject({ url: paths.clusters.outcomes(window), headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const figure = (label: string) => {
      const found = new RegExp(`${label}: ${familyFirst.cluster} (\\d+), all other clusters (\\d+)`).exec(page.body);
      expect(found, label).not.toBeNull();
      return { chosen: Number(found![1]), others: Number(found![2]) };
    };
    expect(figure('Referred to Family First').chosen).toBeGreaterThan(0);
    expect(figure('Became looked after')).toMatchObject({ chosen: 0, others: expect.any(Number) });
    expect(figure('Became looked after').others).toBeGreaterThan(0);
    expect(figure('Child protection registrations').chosen).toBe(0);
    expect(figure('External placements started').chosen).toBe(0);
    expect(figure('Secure placements started').chosen).toBe(0);
  });
});

describe(`the demo's workers by name (${engineUnderTest})`, () => {
  it('names every worker on the workers list, so pages name them instead of showing W001', async () => {
    const workers = await services.references.entries('worker');
    expect(workers.length).toBeGreaterThanOrEqual(60);
    expect(workers.filter((worker) => worker.name === worker.code)).toEqual([]);
    const manager = await signIn(app, 'service.manager', demoPassword);
    const page = await app.inject({ url: '/caseloads/team', headers: { cookie: manager } });
    expect(page.statusCode).toBe(200);
    expect(page.body.replace(/<[^>]+>/g, ' ')).not.toMatch(/\bW0\d\d\b/);
  });
});

describe(`the demo's Family First work (${engineUnderTest})`, () => {
  it('records a dozen families: plans, fortnightly sessions, their own words (most given to quote), some stepped down', async () => {
    const planned = planFamilyFirstWork(extract);
    expect(planned).toHaveLength(12);
    const involvements = await database.db.query<{ involvement_id: string; sessions: number; ended: boolean; plan: string | null }>(
      `select v.involvement_id, v.plan, v.ended_date is not null as ended, (select count(*)::int from family_first_sessions s where s.involvement_id = v.involvement_id) as sessions
         from family_first_involvements v`,
    );
    expect(involvements).toHaveLength(12);
    expect(involvements.every((v) => v.sessions >= 1 && v.plan !== null)).toBe(true);
    expect(involvements.some((v) => v.ended)).toBe(true);
    const quotes = await database.db.query<{ given_date: string }>(`select given_date::text as given_date from family_first_feedback where consent_to_quote`);
    expect(quotes.length).toBeGreaterThanOrEqual(8);
    expect(quotes.every((q) => q.given_date <= extract.today)).toBe(true);
    // Recorded once: a second run finds the work and records nothing.
    expect(await recordFamilyFirstWork(services, extract)).toBeUndefined();
  });
});

describe(`the demo's draft board paper (${engineUnderTest})`, () => {
  it('is edition 1 for Glenmuir, a draft by the service manager with every section of the seed paper written', async () => {
    const [listed, ...others] = await services.boardPapers.list();
    expect(others).toEqual([]);
    expect(listed).toMatchObject({ number: 1, status: 'draft', startedBy: 'Fiona Rennie' });
    const edition = (await services.boardPapers.edition(1))!;
    expect(edition.cover.meeting).toBe('Glenmuir Health and Social Care Partnership Integration Joint Board');
    expect(edition.cover.heldOn > extract.today).toBe(true);
    expect(edition.options).toEqual({ years: { first: 2016, last: 2022 }, baseline: 2016, from: familyFirst.start, to: '2022-07-31' });
    const content = await services.boardPapers.content(edition);
    for (const section of content.report.sections) {
      expect(section.blocks.filter((block) => block.kind === 'paragraph').length, `${section.number} ${section.heading}`).toBeGreaterThan(0);
    }
    // The cluster comparison is there, with the Family First cluster in it.
    const clusters = content.report.sections.flatMap((section) => section.blocks).find((block) => block.kind === 'table' && block.table.id === 'cluster-comparison');
    expect(clusters?.kind === 'table' && clusters.table.rows.map((row) => row[0])).toContain(familyFirst.cluster);
    // So is the seed's headline: the Family First cluster's row of noughts among the children who became looked after.
    const started = content.report.sections.flatMap((section) => section.blocks).find((block) => block.kind === 'table' && block.table.id === 'cluster-looked-after');
    const corsebank = started?.kind === 'table' ? started.table.rows.find((row) => row[0] === familyFirst.cluster) : undefined;
    expect(corsebank?.at(-1)).toBe('0');
    // Its figures are `cairn stats` for its period.
    expect(content.figures).toEqual((await services.stats.compute(edition.options)).rows);
    // 4.2 places the quality report's evidence, 4.3 the short-break flat's year of bookings.
    const tablesOf = (number: string) => content.report.sections.find((section) => section.number === number)!.blocks.flatMap((block) => (block.kind === 'table' ? [block.table] : []));
    expect(tablesOf('4.2').map((table) => table.id)).toEqual(expect.arrayContaining(['audit-questions', 'audit-agreement', 'training-coverage']));
    expect(tablesOf('4.2').some((table) => table.id.startsWith('survey-'))).toBe(true);
    // The very figures of the quality report as its page shows it with nothing chosen.
    const reader = { kind: 'user' as const, user: (await services.users.list()).find((user) => user.username === 'service.manager')! };
    const options = await services.quality.options(reader);
    const report = await services.quality.report(reader, options, readChoice({}, options, todayIso()).choice!);
    const reported = report.sections.flatMap((section) => section.blocks.flatMap((block) => (block.kind === 'table' ? [block.table] : [])));
    expect(tablesOf('4.2').slice(1)).toEqual(reported);
    const [shortBreaks] = tablesOf('4.3');
    expect(shortBreaks?.id).toBe('short-breaks');
    const lastYear = shortBreaks!.rows.at(-1)!;
    expect(lastYear[0]).toBe('2021-22');
    expect(Number(lastYear[1])).toBeGreaterThan(50);
    // 4.1 quotes two families, in their own words, given with consent.
    const quoted = (await services.boardPapers.content(edition)).report.sections.find((section) => section.number === '4.1')!.blocks.filter((block) => block.kind === 'paragraph' && block.style === 'quote');
    expect(quoted.length).toBe(2);
    // Booked once: a second run finds the flat and books nothing.
    expect(await recordShortBreakFlat(services, extract)).toBeUndefined();
  });
});
