/** @module Page objects for board paper editions: the list, starting an edition, an edition's page, and its forms. */
import type { Page } from 'playwright-core';
import { BasePage } from './basePage.js';

async function follow(page: Page, click: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForNavigation(), click()]);
  await page.waitForLoadState('load');
}

export class BoardPapersPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Board papers');
  }

  async start(): Promise<StartEditionPage> {
    await follow(this.page, () => this.page.getByRole('button', { name: 'Start an edition' }).click());
    return new StartEditionPage(this.page).verifyOnPage();
  }

  /** The editions table's rows, as text. */
  async rows(): Promise<string[]> {
    return (await this.page.locator('table tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
  }
}

export class StartEditionPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Start a board paper edition');
  }

  async fromScratch(): Promise<EditionPage> {
    await this.page.getByLabel('From scratch').check();
    await follow(this.page, () => this.page.getByRole('button', { name: 'Start the edition' }).click());
    return new EditionPage(this.page).verifyOnPage();
  }
}

export class EditionPage extends BasePage {
  constructor(page: Page) {
    super(page, /^Board paper edition \d+$/);
  }

  async changeCover(): Promise<EditionFormPage> {
    await follow(this.page, () => this.page.getByRole('link', { name: /^Change the cover sheet/ }).click());
    return new EditionFormPage(this.page, 'Cover sheet').verifyOnPage();
  }

  async changeSection(title: string): Promise<EditionFormPage> {
    await follow(this.page, () => this.page.getByRole('link', { name: `Change ${title}`, exact: true }).click());
    return new EditionFormPage(this.page, title.replace(/^(\d+(?:\.\d+)?)\.? /, '$1 ')).verifyOnPage();
  }

  async publish(): Promise<this> {
    await follow(this.page, () => this.page.getByRole('button', { name: /^Publish edition/ }).click());
    return this.verifyOnPage();
  }

  /** The text of the section whose heading is `title`, white space made single spaces. */
  async section(title: string): Promise<string> {
    return (await this.page.locator('section', { has: this.page.getByRole('heading', { name: title, exact: true }) }).innerText()).replace(/\s+/g, ' ');
  }

  notice(): Promise<string> {
    return this.page.locator('.govuk-notification-banner--success').innerText();
  }

  body(): Promise<string> {
    return this.page.locator('main').innerText().then((text) => text.replace(/\s+/g, ' '));
  }

  downloadHref(name: RegExp): Promise<string | null> {
    return this.page.getByRole('link', { name }).getAttribute('href');
  }
}

export class EditionFormPage extends BasePage {
  constructor(page: Page, heading: string) {
    super(page, heading);
  }

  async fill(label: string, text: string): Promise<this> {
    await this.page.getByLabel(label, { exact: true }).fill(text);
    return this;
  }

  async fillDate(name: string, day: string, month: string, year: string): Promise<this> {
    await this.page.fill(`#${name}-day`, day);
    await this.page.fill(`#${name}-month`, month);
    await this.page.fill(`#${name}-year`, year);
    return this;
  }

  async save(button: string): Promise<void> {
    await follow(this.page, () => this.page.getByRole('button', { name: button, exact: true }).click());
  }

  fieldError(id: string): Promise<string> {
    return this.page.locator(`#${id}-error`).innerText();
  }

  value(id: string): Promise<string> {
    return this.page.locator(`#${id}`).inputValue();
  }
}
