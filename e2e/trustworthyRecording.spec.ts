/**
 * @module Issue 12 in real Chromium: what was typed into a form survives the idle sign-out with JavaScript on (the
 * page script keeps it) and comes back on the same form after signing in. (Without JavaScript, the server keeps a
 * late form: src/app/draftsForEveryForm.test.ts proves that for every form.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, expectNoAccessibilityViolations } from './support/browser.js';
import { buildServices, type Services } from '../src/composition.js';
import { buildApp } from '../src/app/app.js';
import { paths } from '../src/platform/http/paths.js';
import { createTestDatabase, type TestDatabase } from '../test/support/testDatabase.js';
import { testConfig } from '../test/support/testConfig.js';
import { aCase, aChild } from '../test/support/factories.js';
import { addUser } from '../test/support/signIn.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
let browser: Browser;
let base: string;

// Twenty seconds without activity ends the session; the warning shows for the last eight.
const timeoutSeconds = 20;
const warningSeconds = 8;

describe('drafts in a browser', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig({ idleTimeoutMinutes: timeoutSeconds / 60, idleWarningMinutes: warningSeconds / 60 }), database.db);
    await aChild(database.db, { childId: 'TR1', forename: 'Ailsa', surname: 'Boyd' });
    await aCase(database.db, 'TR1', { team: 'North', workerId: 'W1' });
    app = await buildApp(services);
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  async function signIn(page: Page, user: { username: string; password: string }) {
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  async function typeAnEvent(page: Page, title: string) {
    await page.locator('input[name="event-day"]').fill('3');
    await page.locator('input[name="event-month"]').fill('11');
    await page.locator('input[name="event-year"]').fill('2026');
    await page.getByLabel('What happened').fill(title);
    await page.getByLabel('Details (optional)').fill(`${title}: the details, mid-sentence`);
  }

  async function expectGivenBack(page: Page, title: string) {
    const chronology = `${base}${paths.children.chronology({ childId: 'TR1' })}`;
    await page.waitForURL(chronology);
    await expect.poll(() => page.locator('.govuk-notification-banner').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('What you were typing has been kept')]));
    expect(await page.getByLabel('What happened').inputValue()).toBe(title);
    expect(await page.getByLabel('Details (optional)').inputValue()).toBe(`${title}: the details, mid-sentence`);
    expect(await page.locator('input[name="event-month"]').inputValue()).toBe('11');
    await expectNoAccessibilityViolations(page);
  }

  it('with JavaScript on: the page keeps the form before the timeout, and gives it back after signing in', async () => {
    const user = await addUser(services, 'practitioner', { team: 'North', workerId: 'W1' });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}${paths.children.chronology({ childId: 'TR1' })}`);
    await signIn(page, user);
    await typeAnEvent(page, 'Police called at night');
    // The promise is made here, where the form is kept.
    await page.locator('[data-idle-warning]').waitFor({ state: 'visible', timeout: 25_000 });
    expect(await page.locator('[data-idle-promise]').isVisible()).toBe(true);
    await page.waitForURL(`${base}/sign-in`, { timeout: 25_000 });
    await signIn(page, user);
    await expectGivenBack(page, 'Police called at night');
    await context.close();
  }, 180_000);
});
