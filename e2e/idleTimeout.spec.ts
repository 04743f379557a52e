/**
 * @module The idle timeout script in real Chromium: it warns first (focused, with a countdown), "Stay signed in"
 * renews the session, and when time runs out what was typed is kept and given back after signing in again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { expectNoAccessibilityViolations } from './support/browser.js';
import { closeEveryContext, sharedBrowser } from './support/browserSession.js';
import { buildServices, type Services } from '../src/composition.js';
import { buildApp } from '../src/app/app.js';
import { createTestDatabase, type TestDatabase } from '../test/support/testDatabase.js';
import { testConfig } from '../test/support/testConfig.js';
import { addUser } from '../test/support/signIn.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
let browser: Browser;
let base: string;

// Fifteen seconds without activity ends the session; the warning shows for the last eight: time enough to fill the
// form first, and to check the warning before putting it off, with another spec's Chromium on the same two cores.
// In real time, on purpose: trustworthyRecording.spec.ts moves the page's clock instead, and this spec shows that
// the script behaves the same on a real one.
const timeoutSeconds = 15;
const warningSeconds = 8;

describe('the idle timeout in a browser', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig({ idleTimeoutMinutes: timeoutSeconds / 60, idleWarningMinutes: warningSeconds / 60 }), database.db);
    app = await buildApp(services);
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await sharedBrowser();
  });

  afterAll(async () => {
    await closeEveryContext(browser);
    await app?.close();
    await database?.drop();
  });

  it('warns, can be put off, and keeps what was typed when the session ends', async () => {
    const admin = await addUser(services, 'admin');
    const context = await browser.newContext();
    const page = await context.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));

    const signIn = async () => {
      await page.getByLabel('Username').fill(admin.username);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    };
    await page.goto(`${base}/admin/users/new`);
    await signIn();
    await page.waitForURL(`${base}/admin/users/new`);

    await page.getByLabel('Username').fill('river.stone');
    await page.getByLabel('Full name').fill('River Stone');
    await page.getByLabel('Service manager').check();
    await page.getByLabel('Password', { exact: true }).fill('a password never kept');
    await page.getByLabel('Password', { exact: true }).focus();

    // The warning comes first, takes focus, and counts down.
    const warning = page.locator('[data-idle-warning]');
    await warning.waitFor({ state: 'visible', timeout: 20_000 });
    await expectNoAccessibilityViolations(page);
    // (Expressions as strings: this project's TypeScript has no DOM types.)
    await expect.poll(() => page.evaluate("document.activeElement?.hasAttribute('data-idle-warning')")).toBe(true);
    await expect.poll(() => page.locator('[data-idle-countdown]').textContent()).toMatch(/^You will be signed out in \d seconds?\.$/);
    expect(await page.locator('[data-idle-announcement]').textContent()).toMatch(/^You will be signed out in 20 seconds\.$|^You will be signed out in 1 minute\.$/);

    // "Stay signed in" renews the session and gives focus back to where the person was.
    const keptAlive = page.waitForResponse((response) => response.url().endsWith('/session/keep-alive'));
    await page.getByRole('button', { name: 'Stay signed in' }).click();
    expect((await keptAlive).status()).toBe(200);
    await warning.waitFor({ state: 'hidden' });
    expect(await page.evaluate('document.activeElement?.id')).toBe('password');

    // This time nobody answers: the page keeps the draft and goes to sign in.
    await page.waitForURL(`${base}/sign-in`, { timeout: 25_000 });
    await expect.poll(() => page.locator('.govuk-notification-banner').textContent()).toContain('What you were typing has been kept.');
    await signIn();
    await page.waitForURL(`${base}/admin/users/new`);
    expect(await page.getByLabel('Username').inputValue()).toBe('river.stone');
    expect(await page.getByLabel('Full name').inputValue()).toBe('River Stone');
    expect(await page.getByLabel('Service manager').isChecked()).toBe(true);
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    await expectNoAccessibilityViolations(page);
    expect(scriptErrors).toEqual([]);
    await context.close();
  }, 60_000);
});
