/** @module The administrators' audit trail. */
import type { Page } from 'playwright-core';
import { BasePage } from './basePage.js';

export class AuditTrailPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Audit trail');
  }

  async searchByChild(childId: string): Promise<this> {
    await this.page.fill('#child', childId);
    await this.page.getByRole('button', { name: 'Search the trail' }).click();
    await this.page.waitForLoadState('load');
    return this.verifyOnPage();
  }

  rows(): Promise<string[]> {
    return this.page.locator('table.govuk-table tbody tr').allInnerTexts();
  }
}
