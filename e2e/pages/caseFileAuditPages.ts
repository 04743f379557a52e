/** @module Case file audit pages: the start page, a new round, a round, allocation, moderation, the audit file page and results. */
import type { Page } from 'playwright-core';
import { after, BasePage } from './basePage.js';

async function submit(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForLoadState('load');
}
async function follow(page: Page, link: string): Promise<void> {
  await page.getByRole('link', { name: link, exact: true }).first().click();
  await page.waitForLoadState('load');
}

export class CaseFileAuditsPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Case file audits');
  }

  static async open(page: Page, baseUrl: string): Promise<CaseFileAuditsPage> {
    await page.goto(baseUrl);
    await follow(page, 'Case file audits');
    return new CaseFileAuditsPage(page).verifyOnPage();
  }

  async startRound(): Promise<NewRoundPage> {
    await follow(this.page, 'Start an audit round');
    return new NewRoundPage(this.page).verifyOnPage();
  }

  async openFile(child: string, heading: 'Audit this file' | 'Moderate this file'): Promise<AuditFilePage> {
    await follow(this.page, child);
    return new AuditFilePage(this.page, heading).verifyOnPage();
  }

  async results(round: string): Promise<ResultsPage> {
    await follow(this.page, `Results of ${round}`);
    return new ResultsPage(this.page, round).verifyOnPage();
  }

  myFiles(): Promise<string> {
    return after(this.page, 'my-files').innerText();
  }
}

export class NewRoundPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Start an audit round');
  }

  async create(round: { name: string; rubric: string; from: [string, string, string]; to: [string, string, string]; sampleSize: string; stratified: boolean }): Promise<void> {
    await this.page.fill('#name', round.name);
    if (round.rubric) await this.page.getByLabel(round.rubric).check();
    for (const [field, [day, month, year]] of [['periodStart', round.from], ['periodEnd', round.to]] as const) {
      await this.page.fill(`#${field}-day`, day);
      await this.page.fill(`#${field}-month`, month);
      await this.page.fill(`#${field}-year`, year);
    }
    await this.page.fill('#sampleSize', round.sampleSize);
    await this.page.getByLabel(round.stratified ? 'Yes, in proportion to each team’s open cases' : 'No, from all open cases together').check();
    await submit(this.page, 'Start the round and draw the sample');
  }
}

export class RoundPage extends BasePage {
  constructor(page: Page, name: string) {
    super(page, name);
  }

  async openAllocation(): Promise<FormPage> {
    await follow(this.page, 'Allocate files to auditors');
    return new FormPage(this.page, 'Allocate files to auditors').verifyOnPage();
  }

  async openModeration(): Promise<FormPage> {
    await follow(this.page, 'Choose files for moderation');
    return new FormPage(this.page, 'Choose files for moderation').verifyOnPage();
  }

  banner(): Promise<string> {
    return this.page.locator('.govuk-notification-banner--success').innerText();
  }

  files(): Promise<string> {
    return this.page.locator('#files').innerText();
  }
}

/** Any one form page, filled by ids and labels. */
export class FormPage extends BasePage {
  async fill(fields: Record<string, string>, choices: string[] = []): Promise<this> {
    for (const [id, value] of Object.entries(fields)) await this.page.fill(`#${id}`, value);
    for (const choice of choices) await this.page.getByLabel(choice, { exact: true }).check();
    return this;
  }

  async submit(button: string): Promise<void> {
    await submit(this.page, button);
  }
}

export class AuditFilePage extends BasePage {
  /** Grade question `number` (1-based) with the grade's label. */
  async grade(number: number, label: string): Promise<this> {
    await this.page.locator(`input[name="q${number}"][value="${label.toLowerCase()}"]`).check();
    return this;
  }

  async notes(strengths: string, actions: string): Promise<this> {
    await this.page.fill('#strengths', strengths);
    await this.page.fill('#actions', actions);
    return this;
  }

  async save(): Promise<void> {
    await submit(this.page, 'Save the grades');
  }

  elements(): Promise<string> {
    return this.page.locator('#elements').innerText();
  }

  text(): Promise<string> {
    return this.page.locator('main').innerText();
  }
}

export class ResultsPage extends BasePage {
  constructor(page: Page, round: string) {
    super(page, round);
  }

  agreement(): Promise<string> {
    return this.page.locator('#agreement + dl').innerText();
  }

  byQuestion(): Promise<string> {
    return this.page.locator('#by-question-1').innerText();
  }
}
