import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeEveryContext, sharedBrowser } from './support/browserSession.js';
import { accounts, startTestServer, testPassword, type TestServer } from './support/testServer.js';
import { SignInPage } from './pages/signInPage.js';
import { CaseFileAuditsPage, FormPage, RoundPage } from './pages/caseFileAuditPages.js';
import { engineUnderTest } from '../test/support/testDatabase.js';

// Many pages, each checked by axe, on a machine shared with other suites.
const slow = 180_000;

describe(`Case file audits in Chromium (${engineUnderTest})`, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), sharedBrowser()]);
  });
  afterAll(async () => {
    await closeEveryContext(browser);
    await server?.close();
  });

  async function signedIn(username: string): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await SignInPage.signInDirectly(page, server.url, username, testPassword);
    await page.goto(server.url);
    return page;
  }

  it('a quality lead runs a round: draw, allocate, an auditor grades, a second auditor moderates blind, results', async () => {
    const lead = await signedIn(accounts.service_manager.username);
    let home = await (await CaseFileAuditsPage.open(lead, server.url)).checkAccessibility();

    // The ready-made rubric, and editing it as a new version (visited, not saved).
    await lead.getByRole('link', { name: 'Signs of Safety practice' }).click();
    await lead.waitForLoadState('load');
    await (await new FormPage(lead, 'Signs of Safety practice, version 1').verifyOnPage()).checkAccessibility();
    await lead.getByRole('button', { name: 'Edit as a new version' }).click();
    await lead.waitForLoadState('load');
    await (await new FormPage(lead, 'New version of Signs of Safety practice').verifyOnPage()).checkAccessibility();

    home = await CaseFileAuditsPage.open(lead, server.url);
    const newRound = await (await home.startRound()).checkAccessibility();
    const spring = { name: 'Spring 2026', from: ['1', '1', '2026'] as [string, string, string], to: ['31', '3', '2026'] as [string, string, string], sampleSize: '120', stratified: true };
    await newRound.create({ ...spring, rubric: '', sampleSize: '0' });
    await newRound.verifyOnPage();
    expect(await newRound.errorSummary()).toContain('Select the rubric to audit with');
    expect(await newRound.errorSummary()).toContain('Sample size must be at least 1');
    await newRound.checkAccessibility();
    await newRound.create({ ...spring, rubric: 'Signs of Safety practice, version 1' });

    const round = await (await new RoundPage(lead, 'Spring 2026').verifyOnPage()).checkAccessibility();
    expect(await round.banner()).toContain('Only 3 cases were open in the period, fewer than the sample size, so all of them were taken');
    const allocation = await (await round.openAllocation()).checkAccessibility();
    await allocation.fill({}, ['Test team manager']);
    await allocation.submit('Allocate the files');
    await round.verifyOnPage();
    expect(await round.files()).toContain('Test team manager');
    await round.checkAccessibility();

    // The auditor grades Ailsa's file: one grade missing first.
    const auditorPage = await signedIn(accounts.team_manager.username);
    const auditorHome = await (await CaseFileAuditsPage.open(auditorPage, server.url)).checkAccessibility();
    const file = await (await auditorHome.openFile('Ailsa Boyd', 'Audit this file')).checkAccessibility();
    expect(await file.text()).toContain('There is no Signs of Safety map on this child’s record.');
    await file.grade(1, 'No');
    for (let q = 2; q <= 7; q += 1) await file.grade(q, 'Weak');
    await (await file.notes('A clear chronology', 'Start a case map with the family')).save();
    await file.verifyOnPage();
    expect(await file.errorSummary()).toContain('Select a grade for question 8');
    await file.checkAccessibility();
    await (await file.grade(8, 'Adequate')).save();
    await auditorHome.verifyOnPage();
    expect(await auditorHome.myFiles()).toMatch(/Ailsa Boyd\s+Family First\s+Grade\s+Done/);

    // The lead chooses one graded file for a second auditor: themselves.
    home = await CaseFileAuditsPage.open(lead, server.url);
    await lead.getByRole('link', { name: 'Spring 2026', exact: true }).click();
    await lead.waitForLoadState('load');
    const moderation = await (await (await round.verifyOnPage()).openModeration()).checkAccessibility();
    await moderation.fill({ count: '1' }, ['Test service manager']);
    await moderation.submit('Choose the files');
    await round.verifyOnPage();
    expect(await round.banner()).toContain('Chose 1 file for moderation');

    // The second auditor grades blind: the first auditor's notes and grades are not on the page.
    home = await CaseFileAuditsPage.open(lead, server.url);
    const moderate = await (await home.openFile('Ailsa Boyd', 'Moderate this file')).checkAccessibility();
    expect(await moderate.text()).not.toContain('A clear chronology');
    expect(await lead.locator('input[name="q1"]:checked').count()).toBe(0);
    await moderate.grade(1, 'No');
    for (let q = 2; q <= 8; q += 1) await moderate.grade(q, 'Weak');
    await moderate.save();
    await home.verifyOnPage();

    const results = await (await home.results('Spring 2026')).checkAccessibility();
    // 8 questions moderated, 7 agree (question 8: Adequate vs Weak).
    expect(await results.agreement()).toMatch(/Files moderated\s+1/);
    expect(await results.agreement()).toMatch(/Per cent agreement\s+87\.5%/);
    expect(await results.byQuestion()).toContain('Is the child’s voice on the file');
  }, slow);
});
