/** @module Page object for screening, deciding and allocating a sibling group together. */
import type { Page } from 'playwright-core';
import { BasePage } from './basePage.js';

/** Fill a GOV.UK date input named `name` with a `YYYY-MM-DD` date. */
async function fillDate(page: Page, name: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  await page.fill(`#${name}-day`, String(Number(day)));
  await page.fill(`#${name}-month`, String(Number(month)));
  await page.fill(`#${name}-year`, year!);
}

export class SiblingGroupPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Screen, decide and allocate together');
  }

  /** The shared screening, decision and allocation for every child on the page. */
  async forEveryone(choice: { notes: string; pathway: string; reason: string; decided: string; worker: string; opened: string }): Promise<this> {
    await this.page.fill('#screeningNotes', choice.notes);
    await this.page.getByRole('group', { name: 'Pathway', exact: true }).getByLabel(choice.pathway, { exact: true }).check();
    await this.page.fill('#decisionReason', choice.reason);
    await fillDate(this.page, 'decided', choice.decided);
    await this.page.selectOption('#workerId', { label: choice.worker });
    await fillDate(this.page, 'opened', choice.opened);
    return this;
  }

  /** "Decide differently for this child": their own pathway and reason. */
  async except(childName: string, pathway: string, reason: string): Promise<this> {
    const box = this.page.getByLabel(`Decide differently for ${childName}`, { exact: true });
    await box.check();
    // The child's own fields are revealed under the box (the box names them in aria-controls).
    const own = this.page.locator(`#${await box.getAttribute('aria-controls')}`);
    await own.getByLabel(pathway, { exact: true }).check();
    await own.getByLabel(`Reason for ${childName}’s decision`).fill(reason);
    return this;
  }

  async record(): Promise<void> {
    await this.page.getByRole('button', { name: 'Record for the group', exact: true }).click();
    await this.page.waitForLoadState('load');
    await this.page.waitForLoadState('load');
  }
}
