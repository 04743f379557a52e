/** @module The sign-in page. */
import type { Page } from 'playwright-core';
import { BasePage } from './basePage.js';

export class SignInPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Sign in to Cairn');
  }

  static async open(page: Page, baseUrl: string): Promise<SignInPage> {
    await page.goto(`${baseUrl}/sign-in`);
    return new SignInPage(page).verifyOnPage();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.fill('#username', username);
    await this.page.fill('#password', password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await this.page.waitForLoadState('load');
  }
}
