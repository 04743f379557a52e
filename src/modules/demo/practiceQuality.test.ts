/**
 * @module What the loaded demo shows a service manager about practice quality: Signs of Safety training coverage
 * growing through the year, a baseline and comparator case file audit with moderation, and family and staff
 * surveys with two waves each — all recorded through the services, and drawn on the quality report.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineUnderTest } from '../../../test/support/testDatabase.js';
import { openDemoApp, type DemoApp } from '../../../test/support/demoTemplate.js';
import { signIn } from '../../../test/support/signIn.js';
import type { Services } from '../../composition.js';
import { paths } from '../../platform/http/paths.js';
import type { Actor } from '../../platform/access/user.js';
import { demoPassword } from './demoUsers.js';
import { generateDemoExtract } from './generateDemoExtract.js';
import { recordPracticeQuality } from './practiceQuality.js';
import { auditGrades, demoSurveys, planResponses, planTraining, practiceQualityDates } from './practiceQualityPlan.js';

let services: Services;
let app: FastifyInstance;
let demo: DemoApp;
let serviceManager: Actor;
const dates = practiceQualityDates('2022-10-31');

beforeAll(async () => {
  // The demo as loadDemoIfEmpty leaves it, loaded once per run (ADR 0063); loading it is loadDemoIfEmpty.test.ts's.
  demo = await openDemoApp();
  ({ services, app } = demo);
  serviceManager = { kind: 'user', user: (await services.users.list()).find((u) => u.username === 'service.manager')! };
}, 300_000);

afterAll(() => demo?.close());

describe('the practice-quality plan', () => {
  it('is the same from the same seed and reference date, and dated from the reference date', () => {
    expect(dates).toEqual({ baseline: { start: '2021-04-01', end: '2021-09-30' }, comparator: { start: '2022-04-01', end: '2022-09-30' } });
    expect(practiceQualityDates('2023-08-15').comparator.end).toBe('2022-09-30');
    expect(planTraining(2021, '2022-10-31')).toEqual(planTraining(2021, '2022-10-31'));
    expect(planTraining(2022, '2022-10-31')).not.toEqual(planTraining(2021, '2022-10-31'));
    expect(planResponses(2021, demoSurveys[0]!, 'baseline')).toEqual(planResponses(2021, demoSurveys[0]!, 'baseline'));
  });

  it('has a second auditor agreeing on most grades, and differing on some', () => {
    const questions = [{ key: 'map_present', scale: 'yes_no' as const }, { key: 'safety_plan', scale: 'five_point' as const }, { key: 'next_steps', scale: 'five_point' as const }];
    const cases = Array.from({ length: 60 }, (_, n) => `C${String(n).padStart(6, '0')}`);
    const pairs = cases.flatMap((c) => {
      const audit = auditGrades(2021, 'baseline', c, 'audit', questions);
      const moderation = auditGrades(2021, 'baseline', c, 'moderation', questions);
      return questions.map((q) => audit[q.key] === moderation[q.key]);
    });
    const agreed = pairs.filter(Boolean).length;
    expect(agreed).toBeGreaterThan(pairs.length * 0.75);
    expect(agreed).toBeLessThan(pairs.length);
  });
});

describe(`the demo's practice quality, loaded (${engineUnderTest})`, () => {
  it('records nothing twice', async () => {
    expect(await recordPracticeQuality(services, generateDemoExtract({ seed: 2021 }))).toBeUndefined();
  });

  it('trains social work from about a fifth at the baseline to about nine in ten a year later', async () => {
    const socialWork = async (onDate: string) => (await services.training.coverage(serviceManager, onDate)).find((r) => r.staffGroup === 'social_work')!;
    const before = await socialWork(dates.baseline.end);
    const after = await socialWork(dates.comparator.end);
    expect(before.staff).toBeGreaterThanOrEqual(20);
    expect(before.percentTrained).toBeLessThan(30);
    expect(after.percentTrained).toBeGreaterThan(85);
    const panel = (await services.training.coverage(serviceManager, dates.comparator.end)).find((r) => r.staffGroup === 'childrens_panel')!;
    expect(panel.trained).toBeGreaterThan(0);
    expect((await services.training.staff()).length).toBeGreaterThanOrEqual(55);
  });

  it('audits 120 files in each round, better in the comparator on most questions, with moderation agreement', async () => {
    const rounds = await services.caseFileAudits.listRounds(serviceManager);
    const baseline = rounds.find((r) => r.periodEnd === dates.baseline.end)!;
    const comparator = rounds.find((r) => r.periodEnd === dates.comparator.end)!;
    expect([baseline.sampleSize, baseline.filesGraded, comparator.filesGraded]).toEqual([120, 120, 120]);
    const comparison = await services.caseFileAudits.compareRounds(serviceManager, baseline.id, comparator.id);
    const improved = comparison.questions.filter((q) => (q.changePoints ?? 0) > 0);
    expect(comparison.questions).toHaveLength(8);
    expect(improved.length).toBeGreaterThanOrEqual(6);
    for (const side of [comparison.agreement.baseline, comparison.agreement.comparator]) {
      expect(side.moderatedFiles).toBe(12);
      expect(side.percentAgreement).toBeGreaterThan(75);
      expect(side.percentAgreement).toBeLessThan(100);
      expect(side.kappa).not.toBeNull();
    }
  });

  it('has two closed waves of each survey, enough respondents that nothing is suppressed, more positive after', async () => {
    const waves = await services.surveys.listWaves(serviceManager);
    for (const planned of demoSurveys) {
      const [before, after] = waves.filter((w) => w.surveyTitle === planned.title).sort((a, b) => a.id - b.id);
      expect(before!.closedOn).not.toBeNull();
      expect(after!.closedOn).not.toBeNull();
      // Each wave is dated in the month after its audit period, a year apart, not on the day the demo was loaded.
      expect([before!.opensOn.slice(4), after!.opensOn.slice(4)]).toEqual(['-09-30', '-09-30']);
      expect(Number(after!.opensOn.slice(0, 4)) - Number(before!.opensOn.slice(0, 4))).toBe(1);
      expect(after!.closedOn!.slice(0, 4)).toBe(after!.opensOn.slice(0, 4));
      expect(before!.respondents).toBeGreaterThanOrEqual(planned.audience === 'staff' ? 30 : 20);
      const comparison = await services.surveys.compareWaves(serviceManager, before!.id, after!.id);
      expect(comparison.questions.filter((q) => q.suppressed)).toEqual([]);
      const positive = (side: 'baseline' | 'comparator') => comparison.questions.filter((q) => q.kind === 'likert')
        .map((q) => (q.options[0]![side].percent ?? 0) + (q.options[1]![side].percent ?? 0));
      const [b, a] = [positive('baseline'), positive('comparator')];
      expect(a.filter((value, i) => value > b[i]!).length).toBeGreaterThanOrEqual(b.length - 1);
      expect(comparison.questions.some((q) => q.kind === 'free_text')).toBe(true);
    }
  });

  it('shows a service manager the before and after on the quality report', async () => {
    const options = await services.quality.options(serviceManager);
    const [baseline, comparator] = options.rounds.slice(-2).map((r) => r.id);
    const report = await services.quality.report(serviceManager, options, {
      audit: { baseline: baseline!, comparator: comparator! },
      waves: options.surveys.map((s) => ({ surveyId: s.surveyId, baseline: s.waves.at(-2)!.id, comparator: s.waves.at(-1)!.id })),
      training: { baseline: dates.baseline.end, comparator: dates.comparator.end },
    });
    const tables = report.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(report)).toContain('Social work');

    const cookie = await signIn(app, 'service.manager', demoPassword);
    const page = await app.inject({ url: paths.quality.report(), headers: { cookie } });
    expect(page.statusCode).toBe(200);
    for (const text of ['Baseline audit, April 2021 to September 2021', 'Comparator audit, April 2022 to September 2022', 'Family experience survey', 'Staff survey: connection and practice']) {
      expect(page.body).toContain(text);
    }
  });
});
