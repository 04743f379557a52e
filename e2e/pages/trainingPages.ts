/** @module Page objects for training: coverage on a date, the staff register and courses, a session's register. */
import type { Page } from 'playwright-core';
import { BasePage } from './basePage.js';
import { CareFormPage } from './carePages.js';

/** Any training form: the care forms' date inputs, radios and boxes, plus checkboxes. */
export class TrainingFormPage extends CareFormPage {
  async tick(label: string): Promise<this> {
    await this.page.getByLabel(label, { exact: true }).check();
    return this;
  }
}

/** A page reached by a link, checked by its heading. */
async function follow(page: Page, link: string): Promise<void> {
  await page.getByRole('link', { name: link, exact: true }).click();
  await page.waitForLoadState('load');
}

export class CoveragePage extends BasePage {
  constructor(page: Page) {
    super(page, 'Training coverage');
  }

  static async open(page: Page, baseUrl: string, onDate?: string): Promise<CoveragePage> {
    const query = onDate ? `?on-day=${Number(onDate.slice(8))}&on-month=${Number(onDate.slice(5, 7))}&on-year=${onDate.slice(0, 4)}` : '';
    await page.goto(`${baseUrl}/training${query}`);
    return new CoveragePage(page).verifyOnPage();
  }

  async showOn(iso: string): Promise<this> {
    const form = new TrainingFormPage(this.page, 'Training coverage');
    await form.fillDate('on', iso);
    await form.submit('Show coverage');
    return this.verifyOnPage();
  }

  /** The table's rows, cell texts joined by single spaces. */
  async rows(): Promise<string[]> {
    const rows = await this.page.locator('#coverage-caption').locator('xpath=..').locator('tbody tr').allInnerTexts();
    return rows.map((row) => row.split(/\s+/).filter(Boolean).join(' '));
  }

  chartLabel(): Promise<string | null> {
    return this.page.locator('figure.cairn-chart svg').getAttribute('aria-label');
  }

  async open(link: string, heading: string | RegExp): Promise<TrainingListPage> {
    await follow(this.page, link);
    return new TrainingListPage(this.page, heading).verifyOnPage();
  }
}

/** The staff register, the courses or the sessions: a list with links to forms. */
export class TrainingListPage extends BasePage {
  async form(link: string, heading: string): Promise<TrainingFormPage> {
    await follow(this.page, link);
    return new TrainingFormPage(this.page, heading).verifyOnPage();
  }

  banner(): Promise<string> {
    return this.page.locator('.govuk-notification-banner--success').innerText();
  }
}

export class RegisterPage extends TrainingFormPage {
  constructor(page: Page, course: string) {
    super(page, `Register${course}`);
  }

  /** The people listed on the register, in order. */
  people(): Promise<string[]> {
    return this.page.locator('tbody th[scope="row"]').evaluateAll((cells) => cells.map((cell) => cell.firstChild?.textContent?.trim() ?? ''));
  }

  banner(): Promise<string> {
    return this.page.locator('.govuk-notification-banner--success').innerText();
  }
}
