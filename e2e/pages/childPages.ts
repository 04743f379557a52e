/** @module Finding a child and reading their summary. */
import type { Page } from 'playwright-core';
import { after, BasePage } from './basePage.js';

export class ChildSearchPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Find a child');
  }

  async search(name: string, dateOfBirth?: { day: string; month: string; year: string }): Promise<this> {
    await this.page.fill('#name', name);
    if (dateOfBirth) {
      await this.page.fill('#dob-day', dateOfBirth.day);
      await this.page.fill('#dob-month', dateOfBirth.month);
      await this.page.fill('#dob-year', dateOfBirth.year);
    }
    await this.page.getByRole('button', { name: 'Search' }).click();
    await this.page.waitForLoadState('load');
    return this.verifyOnPage();
  }

  resultNames(): Promise<string[]> {
    return this.page.locator('table.govuk-table tbody tr td:first-child').allTextContents().then((names) => names.map((n) => n.trim()));
  }

  async open(name: string): Promise<ChildSummaryPage> {
    await this.page.getByRole('link', { name }).click();
    await this.page.waitForLoadState('load');
    return new ChildSummaryPage(this.page, name).verifyOnPage();
  }
}

export class ChildSummaryPage extends BasePage {
  constructor(page: Page, name: string) {
    super(page, name);
  }

  sectionText(id: string): Promise<string> {
    return after(this.page, id, ['p', 'ul']).innerText();
  }
}

type DateOfBirth = { day: string; month: string; year: string };

/** "Add a child": the check by name and date of birth, what it found, then the child's details. */
export class AddChildPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Add a child');
  }

  /** From the search page's "Add a child" link. */
  static async fromSearch(page: Page): Promise<AddChildPage> {
    await page.getByRole('link', { name: 'Add a child' }).first().click();
    await page.waitForLoadState('load');
    return new AddChildPage(page).verifyOnPage();
  }

  private async fillName(forename: string, surname: string, dateOfBirth: DateOfBirth): Promise<void> {
    await this.page.fill('#forename', forename);
    await this.page.fill('#surname', surname);
    await this.page.fill('#dob-day', dateOfBirth.day);
    await this.page.fill('#dob-month', dateOfBirth.month);
    await this.page.fill('#dob-year', dateOfBirth.year);
  }

  async check(forename: string, surname: string, dateOfBirth: DateOfBirth): Promise<this> {
    await this.fillName(forename, surname, dateOfBirth);
    await this.page.getByRole('button', { name: 'Check for existing records' }).click();
    await this.page.waitForLoadState('load');
    return this.verifyOnPage();
  }

  /** What the check found: its heading, and the records listed (name and date of birth). */
  async found(): Promise<{ heading: string; records: string[] }> {
    const heading = (await this.page.locator('#duplicates-heading').innerText()).trim();
    const rows = await this.page.locator('table[aria-labelledby="duplicates-heading"] tbody tr').allInnerTexts();
    return { heading, records: rows.map((r) => r.replace(/\s+/g, ' ').trim()) };
  }

  async details(fields: { sex?: string; school?: string; schoolCluster?: string; notADuplicate?: boolean }): Promise<this> {
    if (fields.sex) await this.page.getByLabel(fields.sex, { exact: true }).check();
    // School and school cluster are chosen from the reference lists (ADR 0029).
    if (fields.school !== undefined) await this.page.selectOption('#school', { label: fields.school });
    if (fields.schoolCluster !== undefined) await this.page.selectOption('#schoolCluster', { label: fields.schoolCluster });
    if (fields.notADuplicate) await this.page.getByLabel('I have checked the records listed: none of them is this child').check();
    return this;
  }

  async add(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add the child' }).click();
    await this.page.waitForLoadState('load');
  }
}

/** A child's summary, read by its details list and its "Possible duplicate records" panel. */
export class ChildRecordPage extends ChildSummaryPage {
  detail(key: string): Promise<string> {
    return this.page.locator('.govuk-summary-list__row', { has: this.page.locator('dt', { hasText: new RegExp(`^${key}$`) }) }).locator('dd').innerText();
  }

  possibleDuplicates(): Promise<string> {
    return this.page.locator('[aria-labelledby="possible-duplicates"]').innerText();
  }
}
