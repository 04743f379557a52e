import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeEveryContext, sharedBrowser } from './support/browserSession.js';
import { accounts, startTestServer, testPassword, type TestServer } from './support/testServer.js';
import { SignInPage } from './pages/signInPage.js';
import { CareFormPage } from './pages/carePages.js';
import { IssueLinksPage, RespondPage, ResultsPage, SurveyListPage, SurveyPage } from './pages/surveyPages.js';
import { engineUnderTest } from '../test/support/testDatabase.js';

describe(`surveys in Chromium (${engineUnderTest})`, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), sharedBrowser()]);
  });
  afterAll(async () => {
    await closeEveryContext(browser);
    await server?.close();
  });

  async function follow(page: Page, link: string): Promise<void> {
    await page.getByRole('link', { name: link, exact: true }).first().click();
    await page.waitForLoadState('load');
  }

  it('a quality lead builds a survey, opens a wave and issues links; a respondent without an account answers once; the lead closes the wave and sees results', async () => {
    const leadContext = await browser.newContext({ acceptDownloads: true });
    const page = await leadContext.newPage();
    await SignInPage.signInDirectly(page, server.url, accounts.service_manager.username, testPassword);
    await page.goto(server.url);
    await follow(page, 'Surveys');
    const list = await new SurveyListPage(page).verifyOnPage();
    await list.checkAccessibility();

    const build = await list.build();
    await build.submit('Build the survey');
    expect(await build.fieldError('title')).toContain('Enter the survey’s title');
    expect(await build.fieldError('audience')).toContain('Select who the survey is for');
    await build.checkAccessibility();
    await build.fill('Title', 'Your family’s experience of our service');
    await build.choose('Parents and children');
    await build.fill('Introduction (optional)', 'We would like to know how we did.');
    await build.submit('Build the survey');
    const survey = await new SurveyPage(page, 'Your family’s experience of our service').verifyOnPage();
    await survey.checkAccessibility();

    const likert = await survey.follow('Add a question', 'Add a question');
    await likert.checkAccessibility();
    await likert.fill('Question', 'Our worker listened to us');
    await likert.choose('Choose one of five answers');
    await likert.choose('People must answer this question');
    await likert.submit('Add the question');
    const words = await survey.verifyOnPage().then((s) => s.follow('Add a question', 'Add a question'));
    await words.fill('Question', 'Who should we contact about this? Leave a phone number if you would like us to call');
    await words.choose('Answer in their own words');
    await words.submit('Add the question');
    expect(await words.fieldError('flags')).toContain('looks as if it asks for something that could identify someone');
    expect(await page.inputValue('#text')).toContain('Leave a phone number');
    await words.checkAccessibility();
    await words.choose('This question asks for personal information');
    await words.submit('Add the question');
    await survey.verifyOnPage();
    expect(await survey.questions()).toEqual(['Our worker listened to us', 'Who should we contact about this? Leave a phone number if you would like us to call']);
    await survey.checkAccessibility();

    // Correcting a question before the wave opens: the form comes filled in, and the question keeps its place.
    const change = await survey.changeQuestion('Our worker listened to us');
    expect(await page.inputValue('#text')).toBe('Our worker listened to us');
    expect(await page.isChecked('input[name=flags][value=required]')).toBe(true);
    await change.checkAccessibility();
    await change.fill('Question', 'Our worker listened to us and to our children');
    await change.submit('Save the question');
    await survey.verifyOnPage();
    expect(await survey.questions()).toEqual(['Our worker listened to us and to our children', 'Who should we contact about this? Leave a phone number if you would like us to call']);

    const wave = await survey.follow('Open a wave', 'Open a wave');
    await wave.checkAccessibility();
    await wave.fill('Name of the wave', 'Baseline, spring 2026');
    await wave.submit('Open the wave');
    await survey.verifyOnPage();
    expect(await survey.waves()).toMatch(/Baseline, spring 2026\s+.+\s+Open\s+0\s+0/);
    expect(await page.locator('main').innerText()).toContain('The questions are fixed because a wave has been opened');
    expect(await page.locator('main ol.govuk-list--number').getByRole('link', { name: 'Change' }).count()).toBe(0);
    await survey.checkAccessibility();

    await follow(page, 'Issue links for Baseline, spring 2026');
    const issue = await new IssueLinksPage(page, 'Issue links for Baseline, spring 2026').verifyOnPage();
    await issue.checkAccessibility();
    const links = await issue.issue(2);
    expect(links).toHaveLength(2);
    for (const link of links) expect(link).toMatch(new RegExp(`^${server.url}/survey/[A-Za-z0-9_-]{43}$`));

    // The respondent: a fresh browser with no account and no session.
    const respondentContext = await browser.newContext();
    const respondent = await respondentContext.newPage();
    const form = await RespondPage.open(respondent, links[0]!, 'Your family’s experience of our service');
    expect(await form.notice()).toContain('Some questions ask for personal information. You do not have to answer them.');
    expect(await respondent.locator('.govuk-service-navigation').count()).toBe(0);
    await form.checkAccessibility();
    await form.fill('Who should we contact about this? Leave a phone number if you would like us to call (optional)', 'Please do not call');
    await form.submit('Send my answers');
    expect(await form.fieldError(await respondent.locator('fieldset input[type=radio]').first().getAttribute('name') ?? '')).toContain('Select an answer to this question');
    expect(await respondent.locator('textarea').inputValue()).toBe('Please do not call');
    await form.checkAccessibility();
    await form.choose('Agree');
    await form.submit('Send my answers');
    const thanks = await new CareFormPage(respondent, 'Thank you').verifyOnPage();
    await thanks.checkAccessibility();
    await respondent.goto(links[0]!);
    const used = await new CareFormPage(respondent, 'This survey link cannot be used').verifyOnPage();
    await used.checkAccessibility();
    await respondentContext.close();

    await page.goto(server.url + '/surveys');
    await follow(page, 'Your family’s experience of our service');
    await survey.verifyOnPage();
    expect(await survey.waves()).toMatch(/Open\s+2\s+1/);
    await follow(page, 'Close Baseline, spring 2026');
    // Closing asks first (platform/forms/confirmation.ts).
    const close = await new CareFormPage(page, 'Close the wave Baseline, spring 2026?').verifyOnPage();
    await close.checkAccessibility();
    await close.submit('Yes, close the wave');
    const results = await new ResultsPage(page, 'Baseline, spring 2026').verifyOnPage();
    const text = await results.text();
    expect(text).toMatch(/Links issued\s+2/);
    expect(text).toMatch(/Respondents\s+Fewer than 5 responses/);
    expect(text).toContain('1. Our worker listened to us and to our children');
    expect(text).not.toContain('Please do not call');
    await results.checkAccessibility();

    // The closed wave's other link no longer works.
    const late = await browser.newContext();
    const latePage = await late.newPage();
    await latePage.goto(links[1]!);
    await new CareFormPage(latePage, 'This survey link cannot be used').verifyOnPage();
    await late.close();

    // A second wave, then the comparison page.
    await page.goto(server.url + '/surveys');
    await follow(page, 'Your family’s experience of our service');
    await survey.follow('Open a wave', 'Open a wave').then(async (next) => {
      await next.fill('Name of the wave', 'Comparator, autumn 2026');
      await next.submit('Open the wave');
    });
    await survey.verifyOnPage();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.waitForLoadState('load');
    const compare = await new CareFormPage(page, 'Compare two waves').verifyOnPage();
    const comparison = await page.locator('main').innerText();
    expect(comparison).toContain('Baseline, spring 2026 compared with Comparator, autumn 2026');
    expect(comparison).toMatch(/Respondents\s+Fewer than 5 responses\s+Fewer than 5 responses/);
    expect(comparison).toContain('Fewer than 5 responses in one or both waves: figures not shown.');
    await compare.checkAccessibility();
    await leadContext.close();
  });
});
