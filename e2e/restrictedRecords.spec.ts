/**
 * @module Restricted records in Chromium (issue 16, ADR 0044): a service manager restricts a record to a named team
 * manager; a practitioner not named on it meets the break-glass page and opens it by giving a reason; the service
 * manager reviews the opening. Every page passes axe, and nothing needs JavaScript.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAccessibilityViolations } from './support/browser.js';
import { accounts, type TestServer } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { engineUnderTest } from '../test/support/testDatabase.js';
import { aCase, aChild } from '../test/support/factories.js';

describe(`Restricted records in Chromium (${engineUnderTest})`, () => {
  const session = useBrowserSession({
    seed: async (server) => {
      await aChild(server.services.db, { childId: 'RR1', forename: 'Ysolde', surname: 'Pettigrew', dateOfBirth: '2010-05-17' });
      await aCase(server.services.db, 'RR1', { team: 'Family First', workerId: 'W1' });
    },
  });
  let server: TestServer;
  let page: Page;
  beforeEach(() => {
    ({ server, page } = session);
  });

  const submit = async (button: string) => {
    await page.getByRole('button', { name: button }).click();
    await page.waitForLoadState('load');
  };

  it('a service manager restricts the record to a named team manager', async () => {
    await session.signInAs(accounts.service_manager.username);
    await page.goto(`${server.url}/children/RR1`);
    await page.getByRole('link', { name: 'Restrict who may open this record' }).click();
    await page.waitForLoadState('load');
    await expectNoAccessibilityViolations(page);
    await page.fill('#reason', 'The child of a member of staff');
    await submit('Restrict the record');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Choose the people who may open this record');
    expect(await page.inputValue('#reason')).toBe('The child of a member of staff');
    await expectNoAccessibilityViolations(page);
    await page.getByLabel('Test team manager').check();
    await submit('Restrict the record');
    expect(await page.locator('h1').innerText()).toBe('Restricted record');
    expect(await page.locator('main').innerText()).toContain('Test team manager (manager)');
    await expectNoAccessibilityViolations(page);
  });

  it('a practitioner not named on it breaks the glass with a reason', async () => {
    await session.signInAs(accounts.practitioner.username);
    await page.goto(`${server.url}/children?name=RR1`);
    expect(await page.locator('main table').innerText()).toContain('Restricted record');
    await page.getByRole('link', { name: 'Restricted record' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('h1').innerText()).toBe('This record is restricted');
    expect(await page.content()).not.toContain('Pettigrew');
    await expectNoAccessibilityViolations(page);
    await submit('Open the record');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter why you need to open this record');
    await expectNoAccessibilityViolations(page);
    await page.fill('#reason', 'Duty call from the police about the child');
    await submit('Open the record');
    expect(await page.locator('h1').innerText()).toContain('Ysolde Pettigrew');
    expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain('open to you for 8 hours');
  });

  it('the service manager reviews the opening', async () => {
    await session.signInAs(accounts.service_manager.username);
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Break-glass openings' }).first().click();
    await page.waitForLoadState('load');
    expect(await page.locator('main table').innerText()).toContain('Duty call from the police about the child');
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: /Mark as reviewed/ }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('main table').innerText()).toContain('Reviewed by Test service manager');
    await expectNoAccessibilityViolations(page);
  });
});
