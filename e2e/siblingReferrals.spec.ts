import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accounts, type TestServer } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { NewReferralPage, ReferralPage } from './pages/familyFirstPages.js';
import { SiblingGroupPage } from './pages/siblingReferralPages.js';
import { engineUnderTest } from '../test/support/testDatabase.js';

describe(`A sibling group screened, decided and allocated together in Chromium (${engineUnderTest})`, () => {
  const session = useBrowserSession();
  let server: TestServer;
  let page: Page;
  beforeEach(() => {
    ({ server, page } = session);
  });

  it('three siblings in one pass, one decided differently', async () => {
    await session.signInAs(accounts.team_manager.username);
    // The referral's school cluster is chosen from the reference list an administrator keeps (ADR 0029).
    await server.services.db.query(`insert into reference_entries (list, name, match_key) values ('school_cluster', 'Belmont', 'belmont') on conflict (list, match_key) do nothing`);
    await page.goto(`${server.url}/referrals/new`);
    const form = await new NewReferralPage(page).verifyOnPage();
    await form.child(1, { forename: 'Eilidh', surname: 'Morrow', dateOfBirth: '2012-05-06' });
    await form.child(2, { forename: 'Angus', surname: 'Morrow', dateOfBirth: '2014-07-08' });
    await form.child(3, { forename: 'Skye', surname: 'Morrow', dateOfBirth: '2017-09-10' });
    await form.referral({ received: '2022-03-01', source: 'Police', reason: 'Police attended a domestic incident at home', cluster: 'Belmont' });
    await form.record();
    const referral = await new ReferralPage(page, 'Eilidh Morrow').verifyOnPage();

    await page.getByRole('link', { name: 'Screen, decide and allocate the children together' }).click();
    await page.waitForLoadState('load');
    const group = await new SiblingGroupPage(page).verifyOnPage();
    await group.checkAccessibility();

    // Nothing chosen: every problem explained, nothing recorded.
    await group.record();
    await group.verifyOnPage();
    expect(await group.errorSummary()).toContain('Select a pathway for the group');
    await group.checkAccessibility();

    await group.forEveryone({
      notes: 'Police and school spoken to; mother willing to engage', pathway: 'Family First', reason: 'Early help for the whole family',
      decided: '2022-03-03', worker: 'Test practitioner (W1)', opened: '2022-03-04',
    });
    await group.except('Angus Morrow', 'Signposted to other services', 'Angus is supported by his school’s nurture group');
    await group.checkAccessibility();
    await group.record();

    await referral.verifyOnPage();
    expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain('3 referrals decided, 2 allocated and cases opened');
    const details = await referral.details();
    expect(details).toContain('Family First, decided 3 March 2022: Early help for the whole family');
    expect(details).toContain('W1');
    expect(details).toContain('Police and school spoken to');
    const siblings = await page.locator('#siblings + ul').innerText();
    expect(siblings).toContain('Angus Morrow (Closed)');
    expect(siblings).toContain('Skye Morrow (Allocated)');
    await referral.checkAccessibility();

    await page.getByRole('link', { name: 'Angus Morrow' }).click();
    await page.waitForLoadState('load');
    const angus = await new ReferralPage(page, 'Angus Morrow').verifyOnPage();
    expect(await angus.details()).toContain('Signposted to other services, decided 3 March 2022: Angus is supported by his school’s nurture group');
  });
});
