/** @module Page object for the quality report: its choices, the report's sections and tables, and the download links. */
import type { Page } from 'playwright-core';
import { BasePage } from './basePage.js';
import { CareFormPage } from './carePages.js';

export class QualityReportPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Quality report');
  }

  static async open(page: Page, baseUrl: string): Promise<QualityReportPage> {
    await page.goto(`${baseUrl}/quality`);
    return new QualityReportPage(page).verifyOnPage();
  }

  /** Open the choices (if closed), set the training dates and show the report. */
  async compareTraining(before: string, after: string): Promise<this> {
    const details = this.page.locator('details', { hasText: 'Choose what to compare' });
    if (!(await details.evaluate((element) => element.hasAttribute('open')))) await details.locator('summary').click();
    const form = new CareFormPage(this.page, 'Quality report');
    await form.fillDate('trainingBaseline', before);
    await form.fillDate('trainingComparator', after);
    await form.submit('Show the report');
    return this.verifyOnPage();
  }

  /** The report's headings, in order. */
  headings(): Promise<string[]> {
    return this.page.locator('article h2, article h3, article h4').allInnerTexts();
  }

  /** The text of the report section with this heading, white space made single spaces. */
  async section(heading: string): Promise<string> {
    const text = await this.page.locator('article section', { has: this.page.getByRole('heading', { name: heading, exact: true }) }).innerText();
    return text.replace(/\s+/g, ' ');
  }

  fieldError(id: string): Promise<string> {
    return this.page.locator(`#${id}-error`).innerText();
  }

  downloadHref(text: string): Promise<string | null> {
    return this.page.getByRole('link', { name: text }).getAttribute('href');
  }
}
