/** @module Page objects for referrals, Family First involvements, closing a case, and the cluster outcomes page. */
import type { Page } from 'playwright-core';
import { after, BasePage } from './basePage.js';

/** Fill a GOV.UK date input named `name` with a `YYYY-MM-DD` date. */
async function fillDate(page: Page, name: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  await page.fill(`#${name}-day`, String(Number(day)));
  await page.fill(`#${name}-month`, String(Number(month)));
  await page.fill(`#${name}-year`, year!);
}

async function submit(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForLoadState('load');
  await page.waitForLoadState('load');
}

export class ReferralTrayPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Referral tray');
  }

  count(stage: 'new' | 'awaiting-decision' | 'overdue' | 'awaiting-allocation'): Promise<string> {
    return this.page.locator(`#count-${stage} strong`).innerText();
  }

  rows(): Promise<string[]> {
    return this.page.locator('table.govuk-table tbody tr').allInnerTexts();
  }
}

export class NewReferralPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Record a referral');
  }

  async child(row: number, child: { forename: string; surname: string; dateOfBirth: string }): Promise<this> {
    await this.page.fill(`#child${row}-forename`, child.forename);
    await this.page.fill(`#child${row}-surname`, child.surname);
    await fillDate(this.page, `child${row}-dob`, child.dateOfBirth);
    return this;
  }

  async referral(details: { received: string; source: string; reason: string; cluster: string }): Promise<this> {
    await fillDate(this.page, 'received', details.received);
    await this.page.getByLabel(details.source, { exact: true }).check();
    await this.page.fill('#reason', details.reason);
    await this.page.selectOption('#schoolCluster', details.cluster);
    return this;
  }

  async record(): Promise<void> {
    await submit(this.page, 'Record referral');
  }
}

export class ReferralPage extends BasePage {
  constructor(page: Page, childName: string) {
    super(page, `Referral for ${childName}`);
  }

  details(): Promise<string> {
    return this.page.locator('#referral-details').innerText();
  }

  async screen(notes: string): Promise<this> {
    await this.page.fill('#screeningNotes', notes);
    await submit(this.page, 'Save screening');
    return this.verifyOnPage();
  }

  async decide(pathway: string, reason: string, date: string): Promise<this> {
    if (pathway) await this.page.getByLabel(pathway, { exact: true }).check();
    await this.page.fill('#decisionReason', reason);
    await fillDate(this.page, 'decided', date);
    await submit(this.page, 'Record decision');
    return this.verifyOnPage();
  }

  async allocate(workerLabel: string, date: string): Promise<this> {
    await this.page.selectOption('#workerId', { label: workerLabel });
    await fillDate(this.page, 'opened', date);
    await submit(this.page, 'Allocate and open a case');
    return this.verifyOnPage();
  }
}

export class InvolvementPage extends BasePage {
  constructor(page: Page, childName: string) {
    super(page, `Family First: ${childName}`);
  }

  async savePlan(plan: string): Promise<this> {
    await this.page.fill('#plan', plan);
    await submit(this.page, 'Save the plan');
    return this.verifyOnPage();
  }

  async addSession(session: { date: string; who: string; whatWasDone: string }): Promise<this> {
    await fillDate(this.page, 'session', session.date);
    await this.page.fill('#who', session.who);
    await this.page.fill('#whatWasDone', session.whatWasDone);
    await submit(this.page, 'Add session');
    return this.verifyOnPage();
  }

  async addFeedback(words: string, date: string, consent: boolean): Promise<this> {
    await fillDate(this.page, 'given', date);
    await this.page.fill('#words', words);
    await this.page.check(consent ? '#consentToQuote' : '#consentToQuote-2');
    await submit(this.page, 'Add their words');
    return this.verifyOnPage();
  }

  /** End the involvement (and close its case): how it ends, the date, for a step up the team, and why. */
  async end(details: { reasonLabel: string; date: string; team?: string; why?: string }): Promise<void> {
    await fillDate(this.page, 'ended', details.date);
    await this.page.getByLabel(details.reasonLabel, { exact: true }).check();
    if (details.team) await this.page.selectOption('#stepUpTeam', { label: details.team });
    if (details.why !== undefined) await this.page.fill('#endingNotes', details.why);
    await submit(this.page, 'End the involvement and close the case');
  }

  sectionText(id: 'sessions' | 'feedback'): Promise<string> {
    return after(this.page, id, ['p']).innerText();
  }
}

export class CloseCasePage extends BasePage {
  constructor(page: Page) {
    super(page, 'Close a case');
  }

  async close(reasonLabel: string, date: string, notes = ''): Promise<void> {
    await fillDate(this.page, 'closed', date);
    await this.page.getByLabel(reasonLabel, { exact: true }).check();
    if (notes) await this.page.fill('#notes', notes);
    await submit(this.page, 'Close case');
  }
}

export class ClusterOutcomesPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Cluster outcomes');
  }

  async show(from: string, to: string, cluster: string): Promise<this> {
    await fillDate(this.page, 'from', from);
    await fillDate(this.page, 'to', to);
    if (cluster) await this.page.selectOption('#cluster', cluster);
    await submit(this.page, 'Show figures');
    return this.verifyOnPage();
  }

  /** The figures table as rows of cell texts, heading row first. */
  async figures(): Promise<string[][]> {
    const rows = await this.page.locator('#cluster-figures tr').all();
    return Promise.all(rows.map(async (row) => (await row.locator('th, td').allInnerTexts()).map((text) => text.trim())));
  }

  chart() {
    return this.page.locator('figure svg[role="img"]');
  }
}

export class ChildrenBehindPage extends BasePage {
  constructor(page: Page, heading: string) {
    super(page, heading);
  }

  names(): Promise<string[]> {
    return this.page.locator('#children-behind tbody td:first-child').allInnerTexts();
  }
}
