/** @module What every page object does: check it is on the right page, and check it for accessibility. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectNoAccessibilityViolations } from '../support/browser.js';

/**
 * A selector for the table after the element with this id (`+` right after it, `~` any later sibling): every table
 * sits in its scrolling region (views/partials/scrollingTable.njk, ADR 0084); `within` narrows it to part of the table.
 * @example page.locator(tableAfter('reviews-due', '~', ' tbody tr'))
 */
export function tableAfter(id: string, combinator: '+' | '~' = '+', within = ''): string {
  return `#${id} ${combinator} .cairn-table-scroll > table${within}`;
}

/**
 * What follows the element with this id: its table (`tableAfter`), or one of `alternatives` (`p`, `ul`).
 * @example await after(page, 'placements').innerText()
 */
export function after(page: Page, id: string, alternatives: readonly string[] = []) {
  return page.locator([tableAfter(id), ...alternatives.map((tag) => `#${id} + ${tag}`)].join(', ')).first();
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
