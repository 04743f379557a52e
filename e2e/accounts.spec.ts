/**
 * @module The account pages in Chromium (issue 16 item 4): an administrator opens an account from the list, changes
 * its team and role, asks for a role that waits for a second administrator, and disables the account after being
 * asked; a second administrator approves the role. Every page checked with axe.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAccessibilityViolations } from './support/browser.js';
import { accounts, type TestServer } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { engineUnderTest } from '../test/support/testDatabase.js';

describe(`account pages in Chromium (${engineUnderTest})`, () => {
  const session = useBrowserSession({
    seed: async (server) => {
      const admin = (await server.services.users.list()).find((user) => user.username === accounts.admin.username)!;
      for (const name of ['Family First', 'North Hub']) await server.services.references.add(admin, 'team', { name, code: null });
      await server.services.users.add({ kind: 'system', name: 'test' }, { username: 'second.admin', displayName: 'Second Admin', role: 'admin', password: 'a-long-test-password-1' });
    },
  });
  let server: TestServer;
  let page: Page;
  beforeEach(() => {
    ({ server, page } = session);
  });

  const click = async (role: 'button' | 'link', name: string | RegExp) => {
    await page.getByRole(role, { name }).first().click();
    await page.waitForLoadState('load');
  };
  const notice = () => page.locator('.govuk-notification-banner--success').innerText();

  it('an administrator changes an account’s team and role, and disables it after being asked', async () => {
    await session.signInAs(accounts.admin.username);
    await page.goto(`${server.url}/admin/users`);
    await expectNoAccessibilityViolations(page);
    await click('link', accounts.analyst.username);
    expect(await page.locator('h1').innerText()).toBe('Test analyst');
    expect(await page.locator('.govuk-summary-list').innerText()).toMatch(/Last signed in\s+Never/);
    await expectNoAccessibilityViolations(page);

    await click('link', /Change\s*team/);
    await expectNoAccessibilityViolations(page);
    await page.selectOption('#team', { label: 'North Hub' });
    await click('button', 'Save team');
    expect(await notice()).toContain('analyst’s team is now North Hub');

    await click('link', /Change\s*role/);
    await expectNoAccessibilityViolations(page);
    await page.getByLabel('Team manager').check();
    await click('button', 'Save role');
    expect(await notice()).toContain('analyst is now Team manager');

    await click('link', /Change\s*role/);
    await page.getByLabel('Administrator').check();
    await click('button', 'Save role');
    expect(await notice()).toContain('waits for another administrator to approve it');
    expect(await page.locator('main').innerText()).toContain('Role waiting for approval');
    await expectNoAccessibilityViolations(page);

    await click('button', 'Disable account');
    expect(await page.locator('h1').innerText()).toBe('Disable analyst?');
    await expectNoAccessibilityViolations(page);
    await click('button', 'Yes, disable the account');
    expect(await notice()).toContain('analyst is disabled and signed out everywhere');
    expect(await page.locator('.govuk-tag').first().innerText()).toBe('Disabled');
    await expectNoAccessibilityViolations(page);
  });

  it('a second administrator approves the role', async () => {
    await session.signInAs('second.admin');
    await page.goto(`${server.url}/admin/users`);
    expect(await page.locator('main').innerText()).toContain('Roles waiting for approval');
    await expectNoAccessibilityViolations(page);
    await click('button', /Approve/);
    expect(await notice()).toContain('analyst is now Administrator');
  });
});
