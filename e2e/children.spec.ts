import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAccessibilityViolations } from './support/browser.js';
import { accounts, type TestServer } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { AddChildPage, ChildRecordPage, ChildSearchPage } from './pages/childPages.js';
import { engineUnderTest } from '../test/support/testDatabase.js';

describe(`Adding a child in Chromium: search first, then the details (${engineUnderTest})`, () => {
  const session = useBrowserSession();
  let server: TestServer;
  let page: Page;
  beforeEach(() => {
    ({ server, page } = session);
  });
  beforeEach(() => session.signInAs(accounts.service_manager.username));
  // The school and cluster fields choose from the reference lists an administrator keeps (ADR 0029).
  beforeEach(async () => {
    await server.services.db.query(
      `insert into reference_entries (list, name, match_key) values ('school', 'Whinfield Primary', 'whinfieldprimary'), ('school', 'Corsebank Primary', 'corsebankprimary'), ('school_cluster', 'Belmont', 'belmont')
       on conflict (list, match_key) do nothing`,
    );
  });

  it('finds no match, adds the child with their school, and opens their summary', async () => {
    await page.goto(`${server.url}/children`);
    const search = await new ChildSearchPage(page).verifyOnPage();
    await search.checkAccessibility();
    await search.search('Fionnuala');
    expect(await page.locator('#results-heading').innerText()).toBe('No children found');
    await search.checkAccessibility();

    const add = await AddChildPage.fromSearch(page);
    await add.checkAccessibility();
    await add.check('Fionnuala', '', { day: '31', month: '2', year: '2013' });
    expect(await add.errorSummary()).toContain('Enter the child’s last name');
    expect(await add.errorSummary()).toContain('Date of birth must be a real date');
    expect(await page.inputValue('#forename')).toBe('Fionnuala');
    await add.checkAccessibility();

    await add.check('Fionnuala', 'Drummond', { day: '14', month: '2', year: '2013' });
    expect((await add.found()).heading).toBe('No existing records match');
    expect(await page.inputValue('#surname')).toBe('Drummond');
    await add.checkAccessibility();
    await add.details({ sex: 'Female', school: 'Whinfield Primary', schoolCluster: 'Belmont' });
    await add.add();

    const summary = await new ChildRecordPage(page, 'Fionnuala Drummond').verifyOnPage();
    expect(await summary.detail('School')).toBe('Whinfield Primary');
    expect(await summary.detail('School cluster')).toBe('Belmont');
    await summary.checkAccessibility();
  });

  it('shows a likely duplicate before creating, asks the person to rule it out, and then lists it on the new summary', async () => {
    await page.goto(`${server.url}/children/new`);
    const add = await new AddChildPage(page).verifyOnPage();
    await add.check('Ailsie', 'BOYD', { day: '4', month: '3', year: '2012' });
    expect(await add.found()).toEqual({ heading: '1 record may be this child', records: ['Ailsa Boyd 4 March 2012 A1 same date of birth, same last name, first name sounds alike'] });
    await add.checkAccessibility();

    await add.add();
    await add.verifyOnPage();
    expect(await add.errorSummary()).toContain('Confirm that none of the records listed is this child');
    await add.checkAccessibility();

    await add.details({ notADuplicate: true, school: 'Corsebank Primary' });
    await add.add();
    const summary = await new ChildRecordPage(page, 'Ailsie BOYD').verifyOnPage();
    expect(await summary.possibleDuplicates()).toContain('Ailsa Boyd, born 4 March 2012 (Cairn id A1)');
    await summary.checkAccessibility();
    await page.getByRole('link', { name: /Merge into this record/ }).click();
    await page.waitForLoadState('load');
    expect(await page.inputValue('#duplicateId')).toBe('A1');
    await expectNoAccessibilityViolations(page);
  });
});
