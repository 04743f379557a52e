/** @module Page objects for protection, looked after care, placements, the register and booking the council's own places. */
import type { Page } from 'playwright-core';
import { after, BasePage, tableAfter } from './basePage.js';

/** Any of the care forms: dates as GOV.UK date inputs, radios and selects by their labels. */
export class CareFormPage extends BasePage {
  constructor(page: Page, heading: string) {
    super(page, heading);
  }

  async fillDate(name: string, iso: string): Promise<this> {
    const [year, month, day] = iso.split('-');
    await this.page.fill(`#${name}-day`, String(Number(day)));
    await this.page.fill(`#${name}-month`, String(Number(month)));
    await this.page.fill(`#${name}-year`, year!);
    return this;
  }

  async choose(label: string): Promise<this> {
    await this.page.getByLabel(label, { exact: true }).check();
    return this;
  }

  async select(label: string, option: string): Promise<this> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
    return this;
  }

  async fill(label: string, text: string): Promise<this> {
    await this.page.getByLabel(label, { exact: true }).fill(text);
    return this;
  }

  async submit(button: string): Promise<void> {
    await this.page.getByRole('button', { name: button, exact: true }).click();
    await this.page.waitForLoadState('load');
  }

  /** The message beside a field (a date's message sits on its fieldset). */
  fieldError(id: string): Promise<string> {
    return this.page.locator(`#${id}-error`).innerText();
  }
}

export class CarePage extends BasePage {
  constructor(page: Page) {
    super(page, 'Looked after and placements');
  }

  async follow(link: string, heading: string): Promise<CareFormPage> {
    await this.page.getByRole('link', { name: link, exact: true }).click();
    await this.page.waitForLoadState('load');
    return new CareFormPage(this.page, heading).verifyOnPage();
  }

  banner(): Promise<string> {
    return this.page.locator('.govuk-notification-banner--success').innerText();
  }

  stability(): Promise<string> {
    return this.page.locator('#stability').innerText();
  }

  tableText(id: string): Promise<string> {
    return after(this.page, id).innerText();
  }
}

export class ChildProtectionPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Child protection');
  }

  async follow(link: string, heading: string): Promise<CareFormPage> {
    await this.page.getByRole('link', { name: link, exact: true }).click();
    await this.page.waitForLoadState('load');
    return new CareFormPage(this.page, heading).verifyOnPage();
  }

  status(): Promise<string> {
    return this.page.locator('#status').innerText();
  }

  banner(): Promise<string> {
    return this.page.locator('.govuk-notification-banner--success').innerText();
  }

  /** The registrations table: period, areas of concern, reason ended. */
  registrations(): Promise<string> {
    return after(this.page, 'registrations').innerText();
  }
}

export class ProtectionRegisterPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Child protection register');
  }

  static async open(page: Page, baseUrl: string): Promise<ProtectionRegisterPage> {
    await page.goto(`${baseUrl}/protection/register`);
    return new ProtectionRegisterPage(page).verifyOnPage();
  }

  rows(): Promise<string[]> {
    return this.page.locator('table tbody tr').allInnerTexts();
  }
}

export class ResourcePage extends BasePage {
  constructor(page: Page, name: string) {
    super(page, name);
  }

  banner(): Promise<string> {
    return this.page.locator('.govuk-notification-banner--success').innerText();
  }

  summary(): Promise<string> {
    return this.page.locator('.govuk-summary-list').innerText();
  }

  /** How many nights a place shows as booked in the month with this caption. */
  async bookedNights(month: string, place: string): Promise<number> {
    const row = this.page.locator('table', { has: this.page.locator('caption', { hasText: month }) }).locator('tbody tr', { has: this.page.locator('th', { hasText: place }) });
    return row.locator('td', { hasText: 'Booked' }).count();
  }
}

export class CommissioningPage extends BasePage {
  constructor(page: Page) {
    super(page, 'External and out of authority placements');
  }

  rows(): Promise<string[]> {
    return this.page.locator('table tbody tr').allInnerTexts();
  }

  totals(): Promise<string> {
    return this.page.locator('#totals').innerText();
  }
}

/** A child's Compulsory Supervision Orders: each order's details, next review and review hearings. */
export class SupervisionOrdersPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Compulsory Supervision Orders');
  }

  async follow(link: string | RegExp, heading: string): Promise<CareFormPage> {
    await this.page.getByRole('link', { name: link }).first().click();
    await this.page.waitForLoadState('load');
    return new CareFormPage(this.page, heading).verifyOnPage();
  }

  banner(): Promise<string> {
    return this.page.locator('.govuk-notification-banner--success').innerText();
  }

  /** The first (newest) order's details and reviews, as text. */
  latestOrder(): Promise<string> {
    return this.page.locator('main').innerText();
  }
}

/** The managers' Protection and care hub, with the supervision order reviews due. */
export class ProtectionAndCareHubPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Protection and care');
  }

  static async open(page: Page, baseUrl: string): Promise<ProtectionAndCareHubPage> {
    await page.goto(`${baseUrl}/care`);
    return new ProtectionAndCareHubPage(page).verifyOnPage();
  }

  reviewsDue(): Promise<string[]> {
    return this.page.locator(tableAfter('reviews-due', '~', ' tbody tr')).allInnerTexts();
  }
}

/** A child's Children's Reporter page: referrals, decisions and hearing outcomes with their order links. */
export class ChildrensReporterPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Children’s Reporter');
  }

  /** The visible text of each link beside a hearing (record or see the order), in the order shown. */
  hearingLinks(): Promise<string[]> {
    return this.page.locator('table .cairn-hearing-order .govuk-link').evaluateAll((links) => links.map((a) => a.firstChild?.textContent?.trim() ?? ''));
  }
}
