import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from './support/testServer.js';
import { accounts } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { CareFormPage, ResourcePage } from './pages/carePages.js';
import { engineUnderTest } from '../test/support/testDatabase.js';
import { aCase, aChild } from '../test/support/factories.js';
import { tableAfter } from './pages/basePage.js';

describe(`changing and cancelling short-break bookings in Chromium (${engineUnderTest})`, () => {
  let flatId: string;
  const session = useBrowserSession({
    seed: async (server) => {
      const { db } = server.services;
      await aChild(db, { childId: 'K1', forename: 'Eilidh', surname: 'Ross', dateOfBirth: '2012-01-02' });
      await aChild(db, { childId: 'K2', forename: 'Calum', surname: 'Ross', dateOfBirth: '2010-03-04' });
      for (const childId of ['K1', 'K2']) await aCase(db, childId, { team: 'Family First', workerId: 'W1' });
      const flat = await server.services.resources.add({ kind: 'system', name: 'test' }, { name: 'Seabank House flat', kind: 'short_break', places: ['Flat'] });
      flatId = flat.resourceId;
      await db.query(
        `insert into place_bookings (booking_id, place_id, child_id, start_date, end_date, reason, avoided_out_of_authority)
         values ('B-K1', $1, 'K1', '2031-05-04', '2031-05-07', 'Respite for carers', false),
                ('B-K2', $1, 'K2', '2031-05-10', '2031-05-12', 'Crisis at home', true),
                ('B-K1-June', $1, 'K1', '2031-06-02', '2031-06-05', 'Respite for carers', false),
                ('B-K2-June', $1, 'K2', '2031-06-08', '2031-06-10', 'Respite for carers', false)`, [flat.places[0]!.placeId]);
    },
  });
  let server: TestServer;
  let page: Page;
  beforeEach(() => {
    ({ server, page } = session);
  });

  async function openMay(): Promise<ResourcePage> {
    await page.goto(`${server.url}/resources/${flatId}?from-day=1&from-month=5&from-year=2031`);
    return new ResourcePage(page, 'Seabank House flat').verifyOnPage();
  }
  async function click(role: 'link' | 'button', name: string): Promise<void> {
    await page.getByRole(role, { name, exact: true }).click();
    await page.waitForLoadState('load');
  }

  it('a team manager cancels a booking: asked for a reason, asked to confirm, and the nights are no longer counted', async () => {
    await session.signInAs(accounts.team_manager.username);
    const resource = await openMay();
    expect(await resource.bookedNights('May 2031', 'Flat')).toBe(5);
    expect(await resource.summary()).toContain('5 of 31');

    await click('link', 'View Booking for Calum Ross, 10 May 2031');
    const booking = await new CareFormPage(page, 'Booking').verifyOnPage();
    await booking.checkAccessibility();
    await click('button', 'Cancel the booking');
    const cancel = await new CareFormPage(page, 'Cancel a booking').verifyOnPage();
    await cancel.checkAccessibility();
    await cancel.submit('Cancel the booking');
    expect(await cancel.fieldError('cancelReason')).toContain('Enter why the booking is being cancelled');
    await cancel.checkAccessibility();
    await cancel.fill('Why the booking is being cancelled', 'The family no longer need the stay');
    await cancel.submit('Cancel the booking');

    const confirm = await new CareFormPage(page, 'Cancel Calum Ross’s stay?').verifyOnPage();
    await confirm.checkAccessibility();
    await confirm.submit('Yes, cancel the booking');

    await resource.verifyOnPage();
    expect(await resource.banner()).toContain('Booking for Calum Ross cancelled');
    expect(await resource.bookedNights('May 2031', 'Flat')).toBe(3);
    expect(await resource.summary()).toContain('3 of 31');
    expect(await page.locator(tableAfter('stays', '~')).first().innerText()).toContain('10 May 2031 to 12 May 2031 (cancelled)');
    await resource.checkAccessibility();
  });

  it('a team manager changes a booking’s dates: a clash is explained beside the date, then the nights are recounted', async () => {
    await session.signInAs(accounts.team_manager.username);
    await page.goto(`${server.url}/resources/${flatId}?from-day=1&from-month=6&from-year=2031`);
    const resource = await new ResourcePage(page, 'Seabank House flat').verifyOnPage();
    expect(await resource.bookedNights('June 2031', 'Flat')).toBe(5);
    await click('link', 'View Booking for Eilidh Ross, 2 June 2031');
    await click('button', 'Change the dates');
    const change = await new CareFormPage(page, 'Change the dates of a booking').verifyOnPage();
    await change.checkAccessibility();
    await change.fillDate('endDate', '2031-06-09');
    await change.fill('Why the booking is being changed', 'A longer stay was agreed');
    await change.submit('Save the change');

    await change.verifyOnPage();
    expect(await change.fieldError('startDate')).toContain('Seabank House flat: Flat is already booked from 8 June 2031 to 10 June 2031');
    expect(await page.inputValue('#endDate-day')).toBe('9');
    expect(await page.inputValue('#changeReason')).toBe('A longer stay was agreed');
    await change.checkAccessibility();

    await change.fillDate('endDate', '2031-06-08');
    await change.submit('Save the change');
    await resource.verifyOnPage();
    expect(await resource.banner()).toContain('Booking for Eilidh Ross changed');
    expect(await resource.bookedNights('June 2031', 'Flat')).toBe(8);
    expect(await resource.summary()).toContain('8 of 30');
    await resource.checkAccessibility();

    await click('link', 'View Booking for Eilidh Ross, 2 June 2031');
    expect(await page.locator('main').innerText()).toContain('Leaving date: was 5 June 2031, now 8 June 2031');
  });
});
