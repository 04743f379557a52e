/** @module The dashboards page and the board report page. */
import type { Page } from 'playwright-core';
import { BasePage } from './basePage.js';

export class DashboardsPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Dashboards');
  }

  /** Ask for other years (and baseline), as the form's boxes. */
  async choose(values: { firstYear?: string; lastYear?: string; baseline?: string }): Promise<this> {
    if (values.firstYear !== undefined) await this.page.fill('#firstYear', values.firstYear);
    if (values.lastYear !== undefined) await this.page.fill('#lastYear', values.lastYear);
    if (values.baseline !== undefined) await this.page.fill('#baseline', values.baseline);
    await this.page.getByRole('button', { name: 'Show these figures' }).click();
    await this.page.waitForLoadState('load');
    return this.verifyOnPage();
  }

  /** Each chart's accessible name (its image's alternative text). */
  chartLabels(): Promise<string[]> {
    return this.page.locator('figure.cairn-chart img').evaluateAll((charts) => charts.map((chart) => chart.getAttribute('alt') ?? ''));
  }

  /** How many chart images the browser loaded and drew, out of how many there are. */
  async chartsDrawn(): Promise<{ drawn: number; charts: number }> {
    const images = this.page.locator('figure.cairn-chart img');
    type Picture = { decode(): Promise<void>; naturalWidth: number };
    await images.evaluateAll((charts) => Promise.all(charts.map((chart) => (chart as unknown as Picture).decode().catch(() => undefined))));
    const drawn = await images.evaluateAll((charts) => charts.filter((chart) => (chart as unknown as Picture).naturalWidth > 0).length);
    return { drawn, charts: await images.count() };
  }

  /** The rows of the table in the section with this heading, cell texts joined by spaces. */
  tableRows(heading: string): Promise<string[]> {
    return this.page
      .locator('section', { has: this.page.getByRole('heading', { name: heading, exact: true }) })
      .locator('tbody tr')
      .allInnerTexts()
      .then((rows) => rows.map((row) => row.split(/\s+/).filter(Boolean).join(' ')));
  }

  /** Download a section's table as CSV; returns the file's text. */
  async downloadCsv(heading: string): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.locator('section', { has: this.page.getByRole('heading', { name: heading, exact: true }) }).getByRole('link', { name: /Download this table/ }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { fileName: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  async openBoardReport(): Promise<BoardReportPage> {
    await this.page.getByRole('link', { name: 'Build a board report from these figures' }).click();
    await this.page.waitForLoadState('load');
    return new BoardReportPage(this.page).verifyOnPage();
  }
}

export class BoardReportPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Build a board report');
  }

  async fillCoverSheet(cover: { meeting: string; day: string; month: string; year: string; agendaItem: string; title: string; summary: string; author: string; recommendations: string; directions: string[]; implications: string[] }): Promise<this> {
    await this.page.fill('#meeting', cover.meeting);
    await this.page.fill('#heldOn-day', cover.day);
    await this.page.fill('#heldOn-month', cover.month);
    await this.page.fill('#heldOn-year', cover.year);
    await this.page.fill('#agendaItem', cover.agendaItem);
    await this.page.fill('#title', cover.title);
    await this.page.fill('#summary', cover.summary);
    await this.page.fill('#author', cover.author);
    await this.page.fill('#recommendations', cover.recommendations);
    for (const direction of cover.directions) await this.page.getByLabel(direction, { exact: true }).check();
    for (const implication of cover.implications) await this.page.getByLabel(implication, { exact: true }).check();
    return this;
  }

  async chooseDocument(label: string): Promise<this> {
    await this.page.getByLabel(label, { exact: true }).check();
    return this;
  }

  /** Submit with something wrong: the page comes back with errors. */
  async submitExpectingErrors(): Promise<this> {
    await Promise.all([this.page.waitForURL(/board-report/), this.page.getByRole('button', { name: 'Build and download the report' }).click()]);
    await this.page.waitForSelector('.govuk-error-summary');
    return this.verifyOnPage();
  }

  /** Submit and wait for the report to download; returns its file name and bytes. */
  async buildAndDownload(): Promise<{ fileName: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 60_000 }), this.page.getByRole('button', { name: 'Build and download the report' }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { fileName: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }

  progress(): Promise<string> {
    return this.page.locator('[data-board-report-progress]').innerText();
  }
}
