import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAccessibilityViolations } from './support/browser.js';
import { accounts, type TestServer } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { engineUnderTest } from '../test/support/testDatabase.js';

describe(`A practitioner's day in Chromium: today, the child's record by its side navigation, a referral from it (${engineUnderTest})`, () => {
  const session = useBrowserSession();
  let server: TestServer;
  let page: Page;
  beforeEach(() => {
    ({ server, page } = session);
  });
  beforeEach(() => session.signInAs(accounts.practitioner.username));

  it('starts on Today, walks the record’s sections, and records a referral with the child filled in', async () => {
    await page.goto(server.url);
    expect(await page.locator('h1').innerText()).toBe('Today');
    await expectNoAccessibilityViolations(page);

    await page.goto(`${server.url}/children/A1`);
    const sideNavigation = page.getByRole('navigation', { name: 'Child’s record' });
    expect(await sideNavigation.locator('[aria-current="location"]').innerText()).toBe('Summary');
    await expectNoAccessibilityViolations(page);
    for (const section of ['Protection', 'Signs of Safety']) {
      await sideNavigation.getByRole('link', { name: section }).click();
      await page.waitForLoadState('load');
      expect(await page.getByRole('navigation', { name: 'Child’s record' }).locator('[aria-current="location"]').innerText()).toBe(section);
      await expectNoAccessibilityViolations(page);
    }

    await page.getByRole('navigation', { name: 'Child’s record' }).getByRole('link', { name: 'Summary' }).click();
    await page.waitForLoadState('load');
    await page.getByRole('link', { name: /^Record a referral for / }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('h1').innerText()).toBe('Record a referral');
    expect(await page.inputValue('#child1-id')).toBe('A1');
    await expectNoAccessibilityViolations(page);
  });
});
