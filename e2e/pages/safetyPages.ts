/** @module Signs of Safety pages: the child's maps, one map, its section forms, scaling, versions and the child's voice. */
import type { Page } from 'playwright-core';
import { BasePage, tableAfter } from './basePage.js';

async function submit(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForLoadState('load');
}

export class SafetyMapsPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Safety maps');
  }

  async startMap(title: string, options: { fromLast?: boolean; siblings?: string[] } = {}): Promise<SafetyMapPage> {
    await this.page.fill('#title', title);
    for (const sibling of options.siblings ?? []) await this.page.getByLabel(sibling).check();
    if (options.fromLast) await this.page.getByLabel('Start from the last map').check();
    await submit(this.page, 'Start the map');
    return new SafetyMapPage(this.page, title).verifyOnPage();
  }
}

export class SafetyMapPage extends BasePage {
  constructor(page: Page, title: string) {
    super(page, title);
  }

  async follow<T extends BasePage>(link: string, next: T): Promise<T> {
    await this.page.getByRole('link', { name: link, exact: true }).click();
    await this.page.waitForLoadState('load');
    return next.verifyOnPage();
  }

  sectionText(id: string): Promise<string> {
    return this.page.locator(`#${id} ~ *`).first().innerText();
  }

  pairText(number: number): Promise<string> {
    return this.page.locator(`#pair-${number}`).innerText();
  }

  elementStatus(name: string): Promise<string> {
    return this.page.locator(tableAfter('elements', '~', ' tr'), { hasText: name }).locator('td').nth(1).innerText();
  }
}

/** Any one-section form: text boxes and date parts by id, radios by their label. */
export class SectionFormPage extends BasePage {
  constructor(page: Page, heading: string) {
    super(page, heading);
  }

  async fill(fields: Record<string, string>, choices: string[] = []): Promise<this> {
    for (const [id, value] of Object.entries(fields)) {
      if (/-(day|month|year)$/.test(id) || (await this.page.locator(`#${id}`).count())) await this.page.fill(`#${id}`, value);
    }
    for (const choice of choices) await this.page.getByLabel(choice, { exact: true }).check();
    return this;
  }

  async date(name: string, iso: string): Promise<this> {
    const [year, month, day] = iso.split('-');
    await this.page.fill(`#${name}-day`, String(Number(day)));
    await this.page.fill(`#${name}-month`, String(Number(month)));
    await this.page.fill(`#${name}-year`, year!);
    return this;
  }

  async save(button = 'Save and go back to the map'): Promise<void> {
    await submit(this.page, button);
  }
}

export class ConflictPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Someone else changed this map');
  }

  theirEdits(): Promise<string> {
    return this.page.locator('#their-edits').innerText();
  }

  async applyMine(): Promise<void> {
    await submit(this.page, 'Apply my change as well');
  }
}

export class ScalingPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Safety scaling');
  }

  chartLabel(number: number): Promise<string | null> {
    return this.page.locator(`section[aria-labelledby="scale-${number}"] svg[role="img"] title`).textContent();
  }

  tableRows(number: number): Promise<string[]> {
    return this.page.locator(`#scale-table-${number} tr`).allInnerTexts();
  }
}

export class MapHistoryPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Versions of this map');
  }

  /** Compare two saved versions, chosen by their meeting's name and date (or "The map as it is now"). */
  async compare(from: string, to: string): Promise<ComparePage> {
    await this.page.selectOption('#from', { label: from });
    await this.page.selectOption('#to', { label: to });
    await submit(this.page, 'Compare side by side');
    return new ComparePage(this.page, `Compare ${from} with ${to.replace(/^The map/, 'the map')}`).verifyOnPage();
  }
}

export class ComparePage extends BasePage {
  changes(): Promise<string> {
    return this.page.locator('#changes + ul, #changes + p').innerText();
  }

  sideBySide(section: string): Promise<string[]> {
    return this.page.locator('#side-by-side tr', { hasText: section }).locator('td').allInnerTexts();
  }
}

/** The scaling grid: a row per person at the meeting, a column per danger statement. */
export class ScalingGridPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Everyone’s numbers at a meeting');
  }

  async meetingOn(iso: string): Promise<this> {
    const [year, month, day] = iso.split('-');
    await this.page.fill('#scoredOn-day', String(Number(day)));
    await this.page.fill('#scoredOn-month', String(Number(month)));
    await this.page.fill('#scoredOn-year', year!);
    return this;
  }

  /** Fill row `row` (from 1): the person, who they are, and their number for each danger statement ('' = not asked). */
  async person(row: number, name: string, role: string, numbers: string[]): Promise<this> {
    await this.page.fill(`#name-${row}`, name);
    await this.page.selectOption(`#role-${row}`, { label: role });
    for (const [index, number] of numbers.entries()) await this.page.fill(`#score-${row}-${index + 1}`, number);
    return this;
  }

  cellError(row: number, column: number): Promise<string> {
    return this.page.locator(`#score-${row}-${column}-error`).innerText();
  }

  async save(): Promise<void> {
    await submit(this.page, 'Save everyone’s numbers');
  }
}

export class ChildVoicePage extends BasePage {
  constructor(page: Page) {
    super(page, 'The child’s voice');
  }

  houseText(id: string): Promise<string> {
    return this.page.locator(`#${id} + *`).innerText();
  }
}
