/**
 * @module Correcting a Compulsory Supervision Order's made date from the child's orders page, in Chromium (issue 12):
 * the order shows the corrected date and the looked after episode it started moves with it (ADR 0025, 0026).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accounts, type TestServer } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { CareFormPage, CarePage, SupervisionOrdersPage } from './pages/carePages.js';
import { engineUnderTest } from '../test/support/testDatabase.js';
import { aCase, aChild } from '../test/support/factories.js';

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const spoken = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

describe(`correcting a supervision order, in Chromium (${engineUnderTest})`, () => {
  const session = useBrowserSession({
    seed: async (server) => {
      const { db } = server.services;
      await aChild(db, { childId: 'OC1', forename: 'Kirsty', surname: 'Mackay', dateOfBirth: '2012-02-02' });
      await aCase(db, 'OC1', { team: 'Family First', workerId: 'W1' });
    },
  });
  let server: TestServer;
  let page: Page;
  beforeEach(() => {
    ({ server, page } = session);
  });

  it('a practitioner corrects the date an order was made, with a reason, and the episode moves with it', async () => {
    await session.signInAs(accounts.practitioner.username);
    await page.goto(`${server.url}/children/OC1/care/orders`);
    const orders = await new SupervisionOrdersPage(page).verifyOnPage();
    const order = await orders.follow('Record an order', 'Record a Compulsory Supervision Order');
    await order.choose('Compulsory Supervision Order with a residence condition');
    await order.fillDate('madeDate', daysFromToday(-20));
    await order.fill('Measures and conditions', 'To live with foster carers');
    await order.fill('Where the child must live', 'With foster carers arranged by the council');
    await order.fillDate('reviewDueDate', daysFromToday(200));
    await order.submit('Record the order');
    await orders.verifyOnPage();

    const correction = await orders.follow(/^Correct the order/, 'Correct a Compulsory Supervision Order');
    await correction.checkAccessibility();
    await correction.fillDate('madeDate', daysFromToday(-25));
    await correction.submit('Save the correction');
    const again = await new CareFormPage(page, 'Correct a Compulsory Supervision Order').verifyOnPage();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter why the order is being corrected');
    await again.checkAccessibility();
    await again.fill('Why it is being corrected', 'The hearing was five days earlier');
    await again.submit('Save the correction');
    await orders.verifyOnPage();
    expect(await orders.banner()).toContain('Order corrected');
    expect(await orders.latestOrder()).toContain(spoken(daysFromToday(-25)));
    await orders.checkAccessibility();

    await page.goto(`${server.url}/children/OC1/care`);
    const care = await new CarePage(page).verifyOnPage();
    expect(await care.tableText('episodes')).toContain(`Since ${spoken(daysFromToday(-25))}`);
  });
});
