/** @module Page objects for surveys: the list, a survey (and changing its questions), issuing links (a download), the respondent's page, results and the comparison. */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { after, BasePage } from './basePage.js';
import { CareFormPage } from './carePages.js';

/** Follow a link by its accessible name and wait for the next page. */
async function followLink(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name, exact: true }).click();
  await page.waitForLoadState('load');
}

export class SurveyListPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Surveys');
  }

  async build(): Promise<CareFormPage> {
    await followLink(this.page, 'Build a survey');
    return new CareFormPage(this.page, 'Build a survey').verifyOnPage();
  }
}

/** One survey: its questions and waves. */
export class SurveyPage extends BasePage {
  constructor(page: Page, title: string) {
    super(page, title);
  }

  /** Follow a link on the survey page to a form with `heading`. */
  async follow(link: string, heading: string): Promise<CareFormPage> {
    await followLink(this.page, link);
    return new CareFormPage(this.page, heading).verifyOnPage();
  }

  /** Open the form that changes the question whose words are `text` (offered until a wave opens). */
  async changeQuestion(text: string): Promise<CareFormPage> {
    const question = this.page.locator('main ol.govuk-list--number > li').filter({ has: this.page.getByText(text, { exact: true }) });
    await question.getByRole('link', { name: 'Change' }).click();
    await this.page.waitForLoadState('load');
    return new CareFormPage(this.page, 'Change a question').verifyOnPage();
  }

  questions(): Promise<string[]> {
    return this.page.locator('main ol.govuk-list--number > li > span.govuk-\\!-font-weight-bold').allInnerTexts();
  }

  waves(): Promise<string> {
    return after(this.page, 'waves').innerText();
  }
}

export class IssueLinksPage extends CareFormPage {
  /** Ask for `count` links and return the addresses in the CSV file downloaded. */
  async issue(count: number): Promise<string[]> {
    await this.fill('How many links?', String(count));
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Issue links and download them', exact: true }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    return csv.trim().split('\r\n').slice(1);
  }
}

/** The public page a link opens. */
export class RespondPage extends CareFormPage {
  static async open(page: Page, url: string, title: string): Promise<RespondPage> {
    await page.goto(url);
    return new RespondPage(page, title).verifyOnPage();
  }

  notice(): Promise<string> {
    return this.page.locator('main').innerText();
  }
}

export class ResultsPage extends BasePage {
  constructor(page: Page, waveName: string) {
    super(page, `Results: ${waveName}`);
  }

  text(): Promise<string> {
    return this.page.locator('main').innerText();
  }
}
