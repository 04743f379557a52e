/**
 * @module From a children's hearing to looked after (ADR 0025), end to end in Chromium: a practitioner records a
 * referral to the Reporter, the decision to arrange a hearing, the hearing that makes a Compulsory Supervision Order,
 * and the order with its residence condition; the child's care page then shows them looked after away from home,
 * with the episode the order started.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accounts, type TestServer } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { ChildSummaryPage } from './pages/childPages.js';
import { CareFormPage, CarePage, SupervisionOrdersPage } from './pages/carePages.js';
import { engineUnderTest } from '../test/support/testDatabase.js';
import { aCase, aChild } from '../test/support/factories.js';

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const spoken = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

describe(`a hearing's order makes a child looked after, in Chromium (${engineUnderTest})`, () => {
  const session = useBrowserSession({
    seed: async (server) => {
      const { db } = server.services;
      await aChild(db, { childId: 'H1', forename: 'Eilidh', surname: 'Sutherland', dateOfBirth: '2013-03-04' });
      await aCase(db, 'H1', { team: 'Family First', workerId: 'W1' });
    },
  });
  let server: TestServer;
  let page: Page;
  beforeEach(() => {
    ({ server, page } = session);
  });

  async function follow(link: string | RegExp): Promise<void> {
    await page.getByRole('link', { name: link }).first().click();
    await page.waitForLoadState('load');
  }

  it('a practitioner records the hearing and the order with a residence condition, and sees the child looked after away from home', async () => {
    await session.signInAs(accounts.practitioner.username);
    await page.goto(`${server.url}/children/H1`);
    await new ChildSummaryPage(page, 'Eilidh Sutherland').verifyOnPage();
    await follow('Children’s Reporter: referrals, decisions and hearings');
    const reporter = await new CareFormPage(page, 'Children’s Reporter').verifyOnPage();
    await reporter.checkAccessibility();

    await follow('Record a referral to the Reporter');
    const referral = await new CareFormPage(page, 'Record a referral to the Children’s Reporter').verifyOnPage();
    await referral.fillDate('referralDate', daysFromToday(-40));
    await referral.select('Ground (section 67(2))', '(o) Not attending school without reasonable excuse');
    await referral.submit('Record the referral');
    await reporter.verifyOnPage();
    await follow(/^Record the Reporter’s decision/);
    const decision = await new CareFormPage(page, 'Record the Reporter’s decision').verifyOnPage();
    await decision.choose('Children’s hearing arranged');
    await decision.fillDate('decisionDate', daysFromToday(-30));
    await decision.submit('Record the decision');
    await reporter.verifyOnPage();
    await follow(/^Record a hearing outcome/);
    const hearing = await new CareFormPage(page, 'Record a hearing outcome').verifyOnPage();
    await hearing.fillDate('hearingDate', daysFromToday(-20));
    await hearing.choose('Compulsory Supervision Order made');
    await hearing.fillDate('reviewDate', daysFromToday(200));
    await hearing.submit('Record the outcome');
    await reporter.verifyOnPage();
    await reporter.checkAccessibility();

    await follow(/^Record the order/);
    const order = await new CareFormPage(page, 'Record a Compulsory Supervision Order').verifyOnPage();
    expect(await page.locator('#from-hearing').innerText()).toBe(`From the hearing on ${spoken(daysFromToday(-20))}`);
    await order.checkAccessibility();
    await order.choose('Compulsory Supervision Order with a residence condition');
    await order.fill('Measures and conditions', 'To live with foster carers; contact with her father weekly');
    await order.fill('Where the child must live', 'With foster carers arranged by the council');
    await order.fillDate('reviewDueDate', daysFromToday(200));
    await order.submit('Record the order');
    const orders = await new SupervisionOrdersPage(page).verifyOnPage();
    expect(await orders.banner()).toContain('Order recorded');
    await orders.checkAccessibility();

    await page.goto(`${server.url}/children/H1/care`);
    const care = await new CarePage(page).verifyOnPage();
    expect(await page.locator('[aria-label="Current status"]').innerText()).toContain(`Looked after since ${spoken(daysFromToday(-20))}`);
    expect(await care.tableText('episodes')).toMatch(new RegExp(`Since ${spoken(daysFromToday(-20))}\\s+Compulsory Supervision Order with a residence condition\\s+Open`));
    await care.checkAccessibility();
  });
});
