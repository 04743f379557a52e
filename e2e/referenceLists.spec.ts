/** @module Reference lists in Chromium (ADR 0029): an administrator adds a school cluster; a worker chooses it on a child's details. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAccessibilityViolations } from './support/browser.js';
import { accounts, type TestServer } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { ChildRecordPage } from './pages/childPages.js';
import { engineUnderTest } from '../test/support/testDatabase.js';
import { aChild } from '../test/support/factories.js';

describe(`Reference lists in Chromium (${engineUnderTest})`, () => {
  const session = useBrowserSession({
    seed: async (server) => {
      await aChild(server.services.db, { childId: 'RL1', forename: 'Morag', surname: 'Baird', schoolCluster: null });
    },
  });
  let server: TestServer;
  let page: Page;
  beforeEach(() => {
    ({ server, page } = session);
  });

  it('an administrator adds a school cluster, refused first as a duplicate ignoring case and spaces', async () => {
    await session.signInAs(accounts.admin.username);
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Reference lists' }).first().click();
    await page.waitForLoadState('load');
    await expectNoAccessibilityViolations(page);
    await page.getByRole('link', { name: 'School clusters' }).click();
    await page.waitForLoadState('load');
    await expectNoAccessibilityViolations(page);

    await page.getByRole('button', { name: 'Add a school cluster' }).click();
    await page.waitForLoadState('load');
    await page.fill('#name', 'Glenarroch');
    await page.getByRole('button', { name: 'Add' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain('Glenarroch added to school clusters');
    expect(await page.locator('table tbody th').allInnerTexts()).toContain('Glenarroch');
    await expectNoAccessibilityViolations(page);

    await page.getByRole('button', { name: 'Add a school cluster' }).click();
    await page.waitForLoadState('load');
    await page.fill('#name', ' GLEN arroch ');
    await page.getByRole('button', { name: 'Add' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Glenarroch is already on the list');
    expect(await page.inputValue('#name')).toBe(' GLEN arroch ');
    await expectNoAccessibilityViolations(page);
  });

  it('a worker chooses the new cluster on a child’s details', async () => {
    await session.signInAs(accounts.service_manager.username);
    await page.goto(`${server.url}/children/RL1/edit`);
    await expectNoAccessibilityViolations(page);
    await page.selectOption('#schoolCluster', { label: 'Glenarroch' });
    await page.getByRole('button', { name: /Save/ }).click();
    await page.waitForLoadState('load');
    const summary = await new ChildRecordPage(page, 'Morag Baird').verifyOnPage();
    expect(await summary.detail('School cluster')).toBe('Glenarroch');
    await summary.checkAccessibility();
    expect(await server.services.db.query(`select school_cluster from children where child_id = 'RL1'`)).toEqual([{ school_cluster: 'Glenarroch' }]);
  });
});
