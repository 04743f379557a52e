/** @module The sign-in page, and signing in without it for journeys that start once signed in. */
import type { Page } from 'playwright-core';
import { BasePage } from './basePage.js';
import { csrfToken } from '../../test/support/signIn.js';

export class SignInPage extends BasePage {
  constructor(page: Page) {
    super(page, 'Sign in to Cairn');
  }

  static async open(page: Page, baseUrl: string): Promise<SignInPage> {
    await page.goto(`${baseUrl}/sign-in`);
    return new SignInPage(page).verifyOnPage();
  }

  /**
   * Signs in by sending the sign-in form as the page would (its CSRF token, username and password), through the
   * page's own cookie jar, without drawing the sign-in page or the home page: a journey that starts once signed in
   * goes straight to its first page. Drawing the two pages cost Chromium about 0.6 s of processor time a sign-in
   * (bench/results/suite.md, ADR 0070); the sign-in page itself is walked in foundation.spec.ts and the idle-timeout
   * and drafts journeys.
   * @example await SignInPage.signInDirectly(page, server.url, 'manager', testPassword); await page.goto(`${server.url}/children/A1`);
   */
  static async signInDirectly(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
    const form = await page.request.get(`${baseUrl}/sign-in`);
    const sent = await page.request.post(`${baseUrl}/sign-in`, { form: { _csrf: csrfToken(await form.text()), username, password }, maxRedirects: 0 });
    const landing = sent.headers().location ?? '';
    if (sent.status() !== 303 || landing.includes('/sign-in')) {
      throw new Error(`Signing in as ${username} was refused (${sent.status()}${landing ? ` to ${landing}` : ''})`);
    }
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.fill('#username', username);
    await this.page.fill('#password', password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await this.page.waitForLoadState('load');
  }
}
