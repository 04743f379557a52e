/** @module Finding a child and reading their summary. */
import type { Page } from 'playwright-core';
import { BasePage } from './basePage.js';

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
    return this.page.locator(`#${id} + table, #${id} + p, #${id} + ul`).first().innerText();
  }
}
