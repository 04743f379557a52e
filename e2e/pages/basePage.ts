/** @module What every page object does: check it is on the right page, and check it for accessibility. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectNoAccessibilityViolations } from '../support/browser.js';

/**
 * What follows the element with this id — a table, or one of `alternatives` (`p`, `ul`) — whether the table stands
 * on its own or was put into a scrolling region for being wider than its column (assets/js/wideTables.js).
 * @example await after(page, 'placements').innerText()
 */
export function after(page: Page, id: string, alternatives: readonly string[] = []) {
  return page.locator([`#${id} + table`, `#${id} + .cairn-table-scroll > table`, ...alternatives.map((tag) => `#${id} + ${tag}`)].join(', ')).first();
}

export abstract class BasePage {
  constructor(protected readonly page: Page, private readonly expectedHeading: string | RegExp) {}

  /** Fails unless the page's main heading is the one this object expects. */
  async verifyOnPage(): Promise<this> {
    const heading = (await this.page.locator('h1').first().textContent())?.trim() ?? '';
    if (typeof this.expectedHeading === 'string') expect(heading).toBe(this.expectedHeading);
    else expect(heading).toMatch(this.expectedHeading);
    return this;
  }

  async checkAccessibility(): Promise<this> {
    await expectNoAccessibilityViolations(this.page);
    return this;
  }

  errorSummary() {
    return this.page.locator('.govuk-error-summary').textContent();
  }
}
