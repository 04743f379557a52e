import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accounts, type TestServer } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { ChildSummaryPage } from './pages/childPages.js';
import { CareFormPage, CarePage, ChildProtectionPage, ChildrensReporterPage, ProtectionAndCareHubPage, ProtectionRegisterPage, SupervisionOrdersPage } from './pages/carePages.js';
import { engineUnderTest } from '../test/support/testDatabase.js';
import { aCase, aChild } from '../test/support/factories.js';

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const spoken = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

describe(`the child protection register and Compulsory Supervision Orders in Chromium (${engineUnderTest})`, () => {
  const session = useBrowserSession({
    seed: async (server) => {
      const { db } = server.services;
      await aChild(db, { childId: 'K1', forename: 'Skye', surname: 'MacLeod', dateOfBirth: '2015-01-02' });
      await aChild(db, { childId: 'K2', forename: 'Finlay', surname: 'Munro', dateOfBirth: '2012-09-10' });
      for (const childId of ['K1', 'K2']) await aCase(db, childId, { team: 'Family First', workerId: 'W1' });
      // A hearing 300 days ago made an order for Finlay, to be reviewed in 20 days.
      await db.query(`insert into scra_referrals (scra_referral_id, child_id, referral_date, ground, reporter_decision, reporter_decision_date)
                      values ('SR-K2', 'K2', $1, 'o', 'hearing_arranged', $1)`, [daysFromToday(-330)]);
      await db.query(`insert into scra_hearings (hearing_id, scra_referral_id, hearing_date, outcome, review_date) values ('H-K2', 'SR-K2', $1, 'cso_made', $2)`,
        [daysFromToday(-300), daysFromToday(20)]);
      // A review hearing 100 days ago continued it, to be reviewed again in 20 days (recorded only on the Reporter page).
      await db.query(`insert into scra_hearings (hearing_id, scra_referral_id, hearing_date, outcome, review_date) values ('H-K2-R', 'SR-K2', $1, 'cso_continued', $2)`,
        [daysFromToday(-100), daysFromToday(20)]);
    },
  });
  let server: TestServer;
  let page: Page;
  beforeEach(() => {
    ({ server, page } = session);
  });

  const { signInAs } = session;

  async function follow(link: string | RegExp): Promise<void> {
    await page.getByRole('link', { name: link }).first().click();
    await page.waitForLoadState('load');
  }

  it('a team manager registers a child, sees them on the register, de-registers them with a reason and sees them gone', async () => {
    await signInAs(accounts.team_manager.username);
    await page.goto(`${server.url}/children/K1`);
    await (await new ChildSummaryPage(page, 'Skye MacLeod').verifyOnPage()).checkAccessibility();
    await follow('Child protection: record an IRD, a meeting, register');
    const protection = await new ChildProtectionPage(page).verifyOnPage();
    // A registration rests on the planning meeting that decided it: recording the meeting leads into the registration.
    const meeting = await protection.follow('Record a planning meeting', 'Record a child protection planning meeting');
    await meeting.fillDate('meetingDate', daysFromToday(-90));
    await meeting.choose('Initial');
    await meeting.choose('Register');
    await meeting.submit('Record the meeting');
    const register = await new CareFormPage(page, 'Register on the child protection register').verifyOnPage();
    await register.choose('Neglect');
    await register.submit('Register');
    await protection.verifyOnPage();
    expect(await protection.status()).toContain(`On the child protection register since ${spoken(daysFromToday(-90))}`);
    await protection.checkAccessibility();

    const list = await ProtectionRegisterPage.open(page, server.url);
    expect((await list.rows()).filter((row) => row.includes('Skye MacLeod'))).toEqual([expect.stringContaining('Neglect')]);
    await list.checkAccessibility();

    await follow('Skye MacLeod');
    const deregister = await protection.verifyOnPage().then((p) => p.follow('De-register', 'De-register'));
    await deregister.checkAccessibility();
    await deregister.fillDate('deregisteredDate', daysFromToday(-100));
    await deregister.submit('De-register');
    expect(await deregister.errorSummary()).toContain('Select the reason for de-registration');
    expect(await deregister.fieldError('reason')).toContain('Select the reason for de-registration');
    await deregister.checkAccessibility();
    await deregister.choose('Improved home situation');
    await deregister.submit('De-register');
    expect(await deregister.fieldError('deregisteredDate')).toContain(`De-registration must be on or after the day they were registered (${spoken(daysFromToday(-90))})`);
    await deregister.checkAccessibility();
    await deregister.fillDate('deregisteredDate', daysFromToday(-1));
    await deregister.submit('De-register');
    await protection.verifyOnPage();
    expect(await protection.banner()).toContain('Taken off the child protection register.');
    expect(await protection.status()).toBe('Not on the child protection register');
    expect(await protection.registrations()).toMatch(new RegExp(`${spoken(daysFromToday(-90))} to ${spoken(daysFromToday(-1))}\\s+Neglect\\s+Improved home situation`));
    await protection.checkAccessibility();

    const after = await ProtectionRegisterPage.open(page, server.url);
    expect((await after.rows()).some((row) => row.includes('Skye MacLeod'))).toBe(false);
    await after.checkAccessibility();
  });

  it('a team manager records the order a hearing made, sees its review due on the hub, and records the review', async () => {
    await signInAs(accounts.team_manager.username);
    await page.goto(`${server.url}/children/K2`);
    await new ChildSummaryPage(page, 'Finlay Munro').verifyOnPage();
    await follow('Children’s Reporter: referrals, decisions and hearings');
    const scra = await new CareFormPage(page, 'Children’s Reporter').verifyOnPage();
    await scra.checkAccessibility();
    await follow(/^Record the order/);
    const record = await new CareFormPage(page, 'Record a Compulsory Supervision Order').verifyOnPage();
    expect(await page.locator('#from-hearing').innerText()).toBe(`From the hearing on ${spoken(daysFromToday(-300))}`);
    await record.checkAccessibility();
    await record.choose('Compulsory Supervision Order with a residence condition');
    await record.fill('Measures and conditions', 'Contact with his mother on Saturdays');
    await record.fillDate('reviewDueDate', daysFromToday(100));
    await record.submit('Record the order');
    expect(await record.fieldError('residence')).toContain('Enter where the order says the child must live');
    expect(await record.fieldError('reviewDueDate')).toContain(`review it on or before ${spoken(daysFromToday(65))}`);
    expect(await page.inputValue('#measures')).toBe('Contact with his mother on Saturdays');
    await record.checkAccessibility();
    await record.fill('Where the child must live', 'With his grandparents in Glenmuir');
    await record.fillDate('reviewDueDate', daysFromToday(20));
    await record.submit('Record the order');
    const orders = await new SupervisionOrdersPage(page).verifyOnPage();
    expect(await orders.banner()).toContain('Order recorded');
    expect(await orders.latestOrder()).toMatch(new RegExp(`Next review by\\s+${spoken(daysFromToday(20))} \\(due in 20 days\\)`));
    await orders.checkAccessibility();

    // The continuing hearing on the Reporter page becomes the order's review, prefilled from it, without typing it again.
    await page.goto(`${server.url}/children/K2/care/scra`);
    const reporter = await new ChildrensReporterPage(page).verifyOnPage();
    expect(await reporter.hearingLinks()).toEqual(['See the order', 'Record as a review of the order']);
    await reporter.checkAccessibility();
    await follow(/^Record as a review of the order/);
    const fromHearing = await new CareFormPage(page, 'Record a review hearing').verifyOnPage();
    expect(await page.locator('#from-hearing').innerText()).toBe(`From the hearing on ${spoken(daysFromToday(-100))}`);
    expect(await page.getByLabel('Continued', { exact: true }).isChecked()).toBe(true);
    expect(await page.inputValue('#reviewDate-year')).toBe(daysFromToday(-100).slice(0, 4));
    expect(await page.inputValue('#nextReviewDate-day')).toBe(String(Number(daysFromToday(20).slice(8))));
    await fromHearing.checkAccessibility();
    await fromHearing.submit('Record the review');
    await orders.verifyOnPage();
    expect(await orders.banner()).toContain('Review recorded');
    expect(await orders.latestOrder()).toMatch(new RegExp(`${spoken(daysFromToday(-100))}\\s+Continued\\s+${spoken(daysFromToday(20))}`));
    await orders.checkAccessibility();
    await page.goto(`${server.url}/children/K2/care/scra`);
    await reporter.verifyOnPage();
    expect(await reporter.hearingLinks()).toEqual(['See the order', 'See the order']);
    await reporter.checkAccessibility();

    await page.goto(`${server.url}/children/K2/care`);
    const care = await new CarePage(page).verifyOnPage();
    expect(await page.locator('#orders-in-force + ul').innerText()).toContain(`Review by ${spoken(daysFromToday(20))}`);
    await care.checkAccessibility();

    const hub = await ProtectionAndCareHubPage.open(page, server.url);
    expect(await hub.reviewsDue()).toEqual([expect.stringMatching(/Finlay Munro\s+Compulsory Supervision Order with a residence condition\s+.+\s+Due in 20 days/)]);
    await hub.checkAccessibility();
    await follow('Finlay Munro');
    await orders.verifyOnPage();
    const review = await orders.follow(/^Record a review hearing/, 'Record a review hearing');
    await review.checkAccessibility();
    await review.fillDate('reviewDate', daysFromToday(0));
    await review.choose('Varied');
    await review.fillDate('nextReviewDate', daysFromToday(400));
    await review.submit('Record the review');
    expect(await review.fieldError('nextReviewDate')).toContain('An order lapses unless it is reviewed within a year of the day it was reviewed');
    expect(await review.fieldError('measures')).toContain('Enter the measures and conditions as varied');
    await review.checkAccessibility();
    await review.fillDate('nextReviewDate', daysFromToday(180));
    await review.fill('Measures and conditions as varied (if varied)', 'Contact with his mother on Saturdays and Sundays');
    await review.submit('Record the review');
    await orders.verifyOnPage();
    const text = await orders.latestOrder();
    expect(text).toMatch(new RegExp(`Next review by\\s+${spoken(daysFromToday(180))}`));
    expect(text).toMatch(new RegExp(`${spoken(daysFromToday(0))}\\s+Varied\\s+${spoken(daysFromToday(180))}\\s+Contact with his mother on Saturdays and Sundays`));
    await orders.checkAccessibility();

    const later = await ProtectionAndCareHubPage.open(page, server.url);
    expect(await later.reviewsDue()).toEqual([]);
    await later.checkAccessibility();
  });
});
