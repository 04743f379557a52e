import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accounts, type TestServer } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { CareFormPage, ChildProtectionPage } from './pages/carePages.js';
import { engineUnderTest } from '../test/support/testDatabase.js';
import { aCase, aChild } from '../test/support/factories.js';

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const spoken = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
/** Three calendar months later (the first review), as the app counts them. */
const threeMonthsAfter = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m + 3, 0)).getUTCDate();
  const month = new Date(Date.UTC(y, m + 2, 1));
  return `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

describe(`child protection in sequence in Chromium (${engineUnderTest})`, () => {
  const session = useBrowserSession({
    seed: async (server) => {
      const { db } = server.services;
      await aChild(db, { childId: 'Q1', forename: 'Eilidh', surname: 'Cameron', dateOfBirth: '2016-04-09' });
      await aCase(db, 'Q1', { team: 'Family First', workerId: 'W1' });
    },
  });
  let server: TestServer;
  let page: Page;
  beforeEach(() => {
    ({ server, page } = session);
  });

  it('records an IRD, then a planning meeting deciding to register, then the registration it leads into', async () => {
    await session.signInAs(accounts.team_manager.username);
    await page.goto(`${server.url}/children/Q1/care/protection`);
    const protection = await new ChildProtectionPage(page).verifyOnPage();
    await protection.checkAccessibility();

    const ird = await protection.follow('Record an IRD', 'Record an inter-agency referral discussion');
    await ird.fillDate('discussedDate', daysFromToday(-12));
    await ird.choose('Joint investigation by police and social work');
    await ird.submit('Record the discussion');
    await protection.verifyOnPage();
    expect(await protection.banner()).toContain('Inter-agency referral discussion recorded.');

    const meeting = await protection.follow('Record a planning meeting', 'Record a child protection planning meeting');
    await meeting.fillDate('meetingDate', daysFromToday(-2));
    await meeting.choose('Initial');
    await meeting.choose('Register');
    await meeting.checkAccessibility();
    await meeting.submit('Record the meeting');

    // Straight into the registration, the meeting chosen and its date filled in.
    const register = await new CareFormPage(page, 'Register on the child protection register').verifyOnPage();
    expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain('Now record the registration it decided.');
    expect(await page.getByLabel(`Initial planning meeting on ${spoken(daysFromToday(-2))}`).isChecked()).toBe(true);
    expect(await page.inputValue('#registeredDate-day')).toBe(String(Number(daysFromToday(-2).slice(8))));
    await register.checkAccessibility();
    await register.submit('Register');
    expect(await register.fieldError('concerns')).toContain('Select at least one area of concern');
    await register.checkAccessibility();
    await register.choose('Neglect');
    await register.submit('Register');

    await protection.verifyOnPage();
    expect(await protection.banner()).toContain('Registered on the child protection register.');
    expect(await protection.status()).toContain(`On the child protection register since ${spoken(daysFromToday(-2))}`);
    expect(await page.locator('#review-due').innerText()).toBe(`Next review meeting due by ${spoken(threeMonthsAfter(daysFromToday(-2)))}`);
    expect(await page.getByRole('link', { name: 'Register', exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'De-register', exact: true }).count()).toBe(1);
    await protection.checkAccessibility();

    // Recorded in error: withdrawing asks why, then asks to confirm, and keeps the registration in the history.
    await page.getByRole('link', { name: /^Withdraw the registration/ }).click();
    await page.waitForLoadState('load');
    const withdraw = await new CareFormPage(page, 'Withdraw this registration').verifyOnPage();
    await withdraw.submit('Continue');
    expect(await withdraw.fieldError('reason')).toContain('Enter why the registration is being withdrawn');
    await withdraw.checkAccessibility();
    await withdraw.fill('Why it is being withdrawn', 'Recorded on the wrong child');
    await withdraw.submit('Continue');
    const confirm = await new CareFormPage(page, 'Withdraw this registration?').verifyOnPage();
    await confirm.checkAccessibility();
    await confirm.submit('Yes, withdraw it');
    await protection.verifyOnPage();
    expect(await protection.banner()).toContain('Registration withdrawn as recorded in error.');
    expect(await protection.status()).toBe('Not on the child protection register');
    expect(await page.locator('#withdrawn + p + ul').innerText()).toContain(`Registration on ${spoken(daysFromToday(-2))}: Neglect`);
    await protection.checkAccessibility();
  });
});
