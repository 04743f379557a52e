import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accounts, testPassword, type TestServer } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { SignInPage } from './pages/signInPage.js';
import { QualityReportPage } from './pages/qualityPages.js';
import { engineUnderTest } from '../test/support/testDatabase.js';

describe(`the quality report in Chromium (${engineUnderTest})`, () => {
  const session = useBrowserSession({
    seed: async (server) => {
      // Training recorded: three social workers from 2022; two complete a one-day course in February 2023.
      const system = { kind: 'system', name: 'test' } as const;
      const { training } = server.services;
      const ids: string[] = [];
      for (const name of ['Ailsa Boyd', 'Brian Cowan', 'Catriona Dunn']) {
        const added = await training.addStaff(system, { name, staffGroup: 'social_work', team: '', activeFrom: '2022-01-01', activeTo: null, username: '' });
        if (added.outcome === 'saved') ids.push(added.id);
      }
      const course = await training.addCourse(system, { title: 'Signs of Safety introduction', days: 1, countsAsTrained: true, intendedGroups: ['social_work'] });
      const session = course.outcome === 'saved' && await training.addSession(system, { courseId: course.id, venue: 'Glenmuir Academy', trainer: 'Iona Kerr', dates: ['2023-02-07'] });
      if (!session || session.outcome !== 'saved') throw new Error('the session was not added');
      await training.recordAttendance(system, session.id, new Set([`${ids[0]}|1`, `${ids[1]}|1`]));
    },
  });
  let server: TestServer;
  let page: Page;
  beforeEach(() => {
    ({ server, page } = session);
  });

  it('an analyst builds the before/after report with the data there is, fixes a wrong date, and downloads it', async () => {
    await SignInPage.signInDirectly(page, server.url, accounts.analyst.username, testPassword);
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Quality report', exact: true }).click();
    await page.waitForLoadState('load');
    const report = await new QualityReportPage(page).verifyOnPage().then((p) => p.checkAccessibility());
    expect(await report.headings()).toEqual(expect.arrayContaining(['Practice quality: before and after', 'About this report', 'Case file audits', 'Surveys', 'Training in Signs of Safety']));

    // The date after must be later than the date before: said beside the field, the typed date kept.
    await report.compareTraining('2023-03-31', '2022-03-31');
    expect(await report.errorSummary()).toContain('Date after must be later than the date before');
    expect(await report.fieldError('trainingComparator')).toContain('Date after must be later than the date before');
    expect(await page.locator('#trainingComparator-year').inputValue()).toBe('2022');
    await report.checkAccessibility();

    await report.compareTraining('2022-03-31', '2023-03-31');
    await report.checkAccessibility();
    expect(await report.section('Training in Signs of Safety')).toContain('Social work 0 of 3 (0.0%) 2 of 3 (66.7%) +66.7');
    // No audit rounds or survey waves yet: each part says so plainly.
    expect(await report.section('Case file audits')).toContain('Fewer than two case file audit rounds have been recorded, so there is nothing to compare yet.');
    expect(await report.section('Surveys')).toMatch(/No survey has two waves to compare yet\.|No survey waves were chosen for comparison\./);

    for (const [link, type] of [['Download as PDF', 'application/pdf'], ['Download as Word (DOCX)', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']] as const) {
      const href = await report.downloadHref(link);
      const response = await page.request.get(`${server.url}${href}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe(type);
    }
  });
});
