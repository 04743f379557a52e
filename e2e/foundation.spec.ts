import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { expectNoAccessibilityViolations } from './support/browser.js';
import { accounts, testPassword, type TestServer } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { SignInPage } from './pages/signInPage.js';
import { ChildSearchPage } from './pages/childPages.js';
import { AuditTrailPage } from './pages/auditTrailPage.js';
import { engineUnderTest } from '../test/support/testDatabase.js';

describe(`foundation in Chromium (${engineUnderTest})`, () => {
  const session = useBrowserSession();
  let server: TestServer;
  let page: Page;
  let context: BrowserContext;
  beforeEach(() => {
    ({ server, page, context } = session);
  });

  const { signInAs } = session;

  it('a practitioner signs in, finds a child on their caseload and opens their summary', async () => {
    const signIn = await SignInPage.open(page, server.url);
    await signIn.checkAccessibility();
    await signIn.signIn(accounts.practitioner.username, testPassword);
    expect(page.url()).toBe(`${server.url}/`);
    await expectNoAccessibilityViolations(page);
    await page.goto(`${server.url}/children`);
    const search = await new ChildSearchPage(page).verifyOnPage();
    await search.checkAccessibility();
    await search.search('boyd');
    expect(await search.resultNames()).toEqual(['Ailsa Boyd', 'Rory Boyd']);
    await search.checkAccessibility();
    const summary = await search.open('Ailsa Boyd');
    await summary.checkAccessibility();
    expect(await summary.sectionText('placements')).toContain('With kinship carers');
    expect(await summary.sectionText('family')).toContain('Rory Boyd');
  });

  it('a practitioner does not find a child outside their team, and cannot open them by address', async () => {
    await signInAs(accounts.practitioner.username);
    await page.goto(`${server.url}/children?name=kerr`);
    expect(await new ChildSearchPage(page).resultNames()).toEqual([]);
    const response = await page.goto(`${server.url}/children/B1`);
    expect(response?.status()).toBe(403);
    await expectNoAccessibilityViolations(page);
  });

  it('bad search input is explained beside the field and what was typed is kept', async () => {
    await signInAs(accounts.practitioner.username);
    await page.goto(`${server.url}/children`);
    const search = await new ChildSearchPage(page).search('boyd', { day: '31', month: '2', year: '2012' });
    expect(await search.errorSummary()).toContain('Date of birth must be a real date');
    expect(await page.inputValue('#name')).toBe('boyd');
    expect(await page.inputValue('#dob-day')).toBe('31');
    await search.checkAccessibility();
  });

  it('a practitioner is refused the administrators’ audit trail', async () => {
    await signInAs(accounts.practitioner.username);
    const response = await page.goto(`${server.url}/admin/audit`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('h1').textContent()).toContain('You do not have permission');
    await expectNoAccessibilityViolations(page);
  });

  it('an administrator sees in the audit trail who opened a child’s record', async () => {
    await signInAs(accounts.practitioner.username);
    await page.goto(`${server.url}/children/A2`);
    await context.clearCookies();
    await signInAs(accounts.admin.username);
    await page.goto(`${server.url}/admin/audit`);
    const trail = await new AuditTrailPage(page).verifyOnPage();
    await trail.checkAccessibility();
    await trail.searchByChild('A2');
    const rows = await trail.rows();
    expect(rows.some((row) => row.includes(accounts.practitioner.username) && row.includes("Viewed a child's record"))).toBe(true);
    await trail.checkAccessibility();
  });

  it('an administrator manages accounts: the list, and the new-account form explaining bad input', async () => {
    await signInAs(accounts.admin.username);
    await page.goto(`${server.url}/admin/users`);
    await expectNoAccessibilityViolations(page);
    expect(await page.locator('main').innerText()).toContain(accounts.practitioner.username);
    await page.goto(`${server.url}/admin/users/new`);
    await expectNoAccessibilityViolations(page);
    await page.getByLabel('Username').fill('Not A Valid Name!');
    await page.getByRole('button', { name: /create|add|save/i }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('.govuk-error-summary').innerText()).toMatch(/username/i);
    expect(await page.getByLabel('Username').inputValue()).toBe('Not A Valid Name!');
    await expectNoAccessibilityViolations(page);
  });

  it('a signed-out visitor is sent to sign in, and the not-found page is accessible', async () => {
    await page.goto(`${server.url}/children/A1`);
    await new SignInPage(page).verifyOnPage();
    await signInAs(accounts.practitioner.username);
    const response = await page.goto(`${server.url}/no-such-page`);
    expect(response?.status()).toBe(404);
    await expectNoAccessibilityViolations(page);
  });
});
