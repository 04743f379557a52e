import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accounts, type TestServer } from './support/testServer.js';
import { useBrowserSession } from './support/browserSession.js';
import { ChildSummaryPage } from './pages/childPages.js';
import { CarePage, ChildProtectionPage, ProtectionRegisterPage, ResourcePage, CareFormPage, CommissioningPage } from './pages/carePages.js';
import { after } from './pages/basePage.js';
import { engineUnderTest } from '../test/support/testDatabase.js';
import { aCase, aChild, anEpisode } from '../test/support/factories.js';

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const spoken = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

describe(`protection, care and short breaks in Chromium (${engineUnderTest})`, () => {
  let flatId: string;
  const session = useBrowserSession({
    seed: async (server) => {
      const { db } = server.services;
      await aChild(db, { childId: 'G1', forename: 'Mhairi', surname: 'Gunn', dateOfBirth: '2011-02-03' });
      await aChild(db, { childId: 'G2', forename: 'Duncan', surname: 'Gunn', dateOfBirth: '2010-04-05' });
      await aChild(db, { childId: 'G3', forename: 'Fiona', surname: 'Laird', dateOfBirth: '2013-06-07' });
      for (const childId of ['G1', 'G2', 'G3']) await aCase(db, childId, { team: 'Family First', workerId: 'W1' });
      await db.query(`insert into providers (provider_id, name, provider_type) values ('PR1', 'Heatherbank Care', 'private'), ('PR2', 'Glenmuir Fostering', 'local_authority')`);
      await aChild(db, { childId: 'G4', forename: 'Lewis', surname: 'Orr', dateOfBirth: '2008-08-09' });
      await aCase(db, 'G4', { team: 'Family First', workerId: 'W1' });
      const episode = await anEpisode(db, 'G4', { startDate: '2023-05-01' });
      await db.query(
        `insert into placements (placement_id, episode_id, child_id, start_date, placement_type, provider_id, out_of_authority, weekly_cost)
         values ('P-G4', $1, 'G4', '2023-05-01', 'residential_school', 'PR1', true, 4200)`, [episode]);
      await aChild(db, { childId: 'G5', forename: 'Catriona', surname: 'Bain', dateOfBirth: '2012-01-02' });
      await aCase(db, 'G5', { team: 'Family First', workerId: 'W1' });
      const episodeG5 = await anEpisode(db, 'G5', { startDate: '2024-02-01' });
      await db.query(
        `insert into placements (placement_id, episode_id, child_id, start_date, placement_type, provider_id, out_of_authority, weekly_cost)
         values ('P-G5', $1, 'G5', '2024-02-01', 'foster_purchased', 'PR1', false, 900)`, [episodeG5]);
      await aChild(db, { childId: 'G6', forename: 'Callum', surname: 'Baird', dateOfBirth: '2012-05-06' });
      await aCase(db, 'G6', { team: 'Family First', workerId: 'W1' });
      await anEpisode(db, 'G6', { startDate: '2024-03-01' });
      const flat = await server.services.resources.add({ kind: 'system', name: 'test' }, { name: 'Seabank House flat', kind: 'short_break', places: ['Flat'] });
      flatId = flat.resourceId;
      await db.query(
        `insert into place_bookings (booking_id, place_id, child_id, start_date, end_date, reason, avoided_out_of_authority)
         values ('B-seed', $1, 'G2', '2030-03-10', '2030-03-14', 'Respite for carers', false)`, [flat.places[0]!.placeId]);
    },
  });
  let server: TestServer;
  let page: Page;
  beforeEach(() => {
    ({ server, page } = session);
  });

  const { signInAs } = session;

  async function openChild(childId: string, name: string): Promise<ChildSummaryPage> {
    await page.goto(`${server.url}/children/${childId}`);
    return new ChildSummaryPage(page, name).verifyOnPage();
  }

  async function follow(link: string): Promise<void> {
    await page.getByRole('link', { name: link }).click();
    await page.waitForLoadState('load');
  }

  it('a practitioner starts an episode, places the child and moves them; a move before the placement began is explained beside the date', async () => {
    await signInAs(accounts.practitioner.username);
    await (await openChild('G1', 'Mhairi Gunn')).checkAccessibility();
    await follow('Looked after and placements: start an episode, place / move');
    const care = await new CarePage(page).verifyOnPage();
    await care.checkAccessibility();

    const start = await care.follow('Start an episode', 'Start a looked after episode');
    await start.checkAccessibility();
    await start.submit('Start the episode');
    expect(await start.errorSummary()).toContain('Enter the start date');
    expect(await start.fieldError('legalReason')).toContain('Select the legal reason');
    await start.checkAccessibility();
    await start.fillDate('startDate', daysFromToday(-60));
    await start.choose('Compulsory Supervision Order with a residence condition');
    await start.submit('Start the episode');
    await care.verifyOnPage();
    expect(await care.banner()).toContain('Looked after episode started');
    await care.checkAccessibility();

    const place = await care.follow('Place', 'Place the child');
    await place.select('Type of placement', 'With foster carers purchased by the council');
    await place.select('Provider', 'Heatherbank Care (Private)');
    await place.choose('Yes, outside the council’s area');
    await place.fill('Weekly cost (optional)', '1068.38');
    await place.fillDate('startDate', daysFromToday(-60));
    await place.submit('Record the placement');
    await care.verifyOnPage();
    expect(await care.banner()).toContain('Placement recorded');

    const move = await care.follow('Move', 'Move to a new placement');
    await move.checkAccessibility();
    await move.select('Type of placement', 'With foster carers provided by the council');
    await move.select('Provider', 'Glenmuir Fostering (The council’s own)');
    await move.choose('No, in the council’s area');
    await move.fill('Why the child is moving', 'Closer to her school');
    await move.fillDate('startDate', daysFromToday(-90));
    await move.submit('Record the move');
    await move.verifyOnPage();
    expect(await move.fieldError('startDate')).toContain(`The placement must start on or after the day the looked after episode started (${spoken(daysFromToday(-60))})`);
    expect(await page.inputValue('#moveReason')).toBe('Closer to her school');
    await move.checkAccessibility();
    await move.fillDate('startDate', daysFromToday(-10));
    await move.submit('Record the move');
    await care.verifyOnPage();
    expect(await care.banner()).toContain('Move recorded');
    expect(await care.stability()).toBe('Placement stability: 1 move in the last 12 months');
    const placements = await care.tableText('placements');
    expect(placements).toContain(`${spoken(daysFromToday(-60))} to ${spoken(daysFromToday(-10))}`);
    expect(placements).toContain('£1,068.38');
    expect(placements).toContain('Closer to her school');
    await care.checkAccessibility();
  });

  it('a team manager registers a child and sees them on the register with their time on it', async () => {
    await signInAs(accounts.team_manager.username);
    await openChild('G3', 'Fiona Laird');
    await follow('Child protection: record an IRD, a meeting, register');
    const protection = await new ChildProtectionPage(page).verifyOnPage();
    await protection.checkAccessibility();
    const ird = await protection.follow('Record an IRD', 'Record an inter-agency referral discussion');
    await ird.fillDate('discussedDate', daysFromToday(-45));
    await ird.submit('Record the discussion');
    expect(await ird.fieldError('decision')).toContain('Select what the discussion decided');
    await ird.checkAccessibility();
    await ird.choose('Joint investigation by police and social work');
    await ird.submit('Record the discussion');
    const meeting = await protection.verifyOnPage().then((p) => p.follow('Record a planning meeting', 'Record a child protection planning meeting'));
    await meeting.checkAccessibility();
    await meeting.fillDate('meetingDate', daysFromToday(-40));
    await meeting.choose('Initial');
    await meeting.choose('Register');
    await meeting.submit('Record the meeting');
    // A meeting deciding to register leads straight into the registration, the meeting chosen (issue 13 item 3).
    const register = await new CareFormPage(page, 'Register on the child protection register').verifyOnPage();
    await register.checkAccessibility();
    await register.fillDate('registeredDate', daysFromToday(-40));
    await register.submit('Register');
    expect(await register.fieldError('concerns')).toContain('Select at least one area of concern');
    await register.checkAccessibility();
    await register.choose('Neglect');
    await register.choose('Domestic abuse');
    await register.submit('Register');
    await protection.verifyOnPage();
    expect(await protection.status()).toContain(`On the child protection register since ${spoken(daysFromToday(-40))}`);
    expect(await after(page, 'meetings').innerText()).toMatch(/Initial\s+Register/);
    expect(await after(page, 'discussions').innerText()).toContain('Joint investigation by police and social work');
    await protection.checkAccessibility();

    const list = await ProtectionRegisterPage.open(page, server.url);
    const rows = await list.rows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Fiona Laird');
    expect(rows[0]).toContain('Neglect');
    expect(rows[0]).toContain('Domestic abuse');
    expect(rows[0]).toMatch(/1 month|40 days|39 days|41 days/);
    await list.checkAccessibility();
  });

  it('a practitioner cannot open the register page', async () => {
    await signInAs(accounts.practitioner.username);
    const response = await page.goto(`${server.url}/protection/register`);
    expect(response?.status()).toBe(403);
  });

  it('a team manager books the short-break flat; a booking that shares a night is refused with a clear message', async () => {
    await signInAs(accounts.team_manager.username);
    await openChild('G1', 'Mhairi Gunn');
    await follow('Book a short break');
    const booking = await new CareFormPage(page, 'Book a short break').verifyOnPage();
    await booking.checkAccessibility();
    await booking.choose('Seabank House flat: Flat');
    await booking.fillDate('startDate', '2030-03-12');
    await booking.fillDate('endDate', '2030-03-15');
    await booking.fill('Reason for the stay', 'Crisis at home');
    await booking.choose('Yes, without this stay the child would have been placed outside the council’s area');
    await booking.submit('Book');
    await booking.verifyOnPage();
    const refused = 'Seabank House flat: Flat is already booked from 10 March 2030 to 14 March 2030. Choose other dates or another place.';
    expect(await booking.errorSummary()).toContain(refused);
    expect(await booking.fieldError('placeId')).toContain(refused);
    expect(await page.inputValue('#reason')).toBe('Crisis at home');
    await booking.checkAccessibility();

    await booking.fillDate('startDate', '2030-03-14');
    await booking.fillDate('endDate', '2030-03-17');
    await booking.submit('Book');
    const resource = await new ResourcePage(page, 'Seabank House flat').verifyOnPage();
    expect(await resource.banner()).toContain('Booked for Mhairi Gunn');
    expect(await resource.bookedNights('March 2030', 'Flat')).toBe(7);
    const summary = await resource.summary();
    expect(summary).toContain('7 of 31');
    expect(summary).toContain('22.6%');
    expect(summary).toMatch(/Out of authority placements avoided\s+1/);
    await resource.checkAccessibility();
    expect(page.url()).toContain(`/resources/${flatId}`);
  });

  it('a service manager adds a provider and a home with its rate, and sees what external care costs', async () => {
    await signInAs(accounts.service_manager.username);
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Protection and care' }).first().click();
    await page.waitForLoadState('load');
    await new CareFormPage(page, 'Protection and care').verifyOnPage().then((hub) => hub.checkAccessibility());
    await follow('Providers');
    await follow('Add a provider');
    const newProvider = await new CareFormPage(page, 'Add a provider').verifyOnPage();
    await newProvider.submit('Add');
    expect(await newProvider.fieldError('name')).toContain('Enter the provider’s name');
    await newProvider.checkAccessibility();
    await newProvider.fill('Name', 'Carrick Residential');
    await newProvider.choose('Private');
    await newProvider.submit('Add');
    await follow('Add a home and its weekly rate');
    const newHome = await new CareFormPage(page, 'Add a home and its weekly rate').verifyOnPage();
    await newHome.select('Provider', 'Carrick Residential');
    await newHome.fill('Name of the home', 'Braeside');
    await newHome.choose('Yes, outside the council’s area');
    await newHome.fill('Weekly rate', 'about £4,200');
    await newHome.submit('Add');
    expect(await newHome.fieldError('weeklyRate')).toContain('Weekly rate must be an amount in pounds');
    await newHome.fill('Weekly rate', '4200');
    await newHome.submit('Add');
    expect(await page.locator('h1').innerText()).toBe('Providers');
    expect(await page.locator('main').innerText()).toMatch(/Braeside\s+Yes\s+£4,200\.00/);
    await new CareFormPage(page, 'Providers').checkAccessibility();

    await follow('External and out of authority placements');
    const commissioning = await new CommissioningPage(page).verifyOnPage();
    expect((await commissioning.rows()).filter((row) => row.includes('Lewis Orr'))).toEqual([expect.stringMatching(/Lewis Orr\s+In a residential school\s+Heatherbank Care \(Private\)\s+Yes\s+1 May 2023\s+£4,200\.00\s+£219,000\.00/)]);
    expect(await commissioning.totals()).toContain('External spend in reporting year');
    await commissioning.checkAccessibility();
  });

  it('a practitioner records a referral to the Reporter, the decision and a hearing that makes an order', async () => {
    await signInAs(accounts.practitioner.username);
    await openChild('G2', 'Duncan Gunn');
    await follow('Children’s Reporter: referrals, decisions and hearings');
    const scraPage = await new CareFormPage(page, 'Children’s Reporter').verifyOnPage();
    await scraPage.checkAccessibility();
    await follow('Record a referral to the Reporter');
    const referral = await new CareFormPage(page, 'Record a referral to the Children’s Reporter').verifyOnPage();
    await referral.submit('Record the referral');
    expect(await referral.fieldError('ground')).toContain('Select the ground of referral');
    await referral.checkAccessibility();
    await referral.fillDate('referralDate', '2024-04-02');
    await referral.select('Ground (section 67(2))', '(o) Not attending school without reasonable excuse');
    await referral.submit('Record the referral');
    await scraPage.verifyOnPage();
    await page.getByRole('link', { name: /^Record the Reporter’s decision/ }).click();
    await page.waitForLoadState('load');
    const decision = await new CareFormPage(page, 'Record the Reporter’s decision').verifyOnPage();
    await decision.choose('Children’s hearing arranged');
    await decision.fillDate('decisionDate', '2024-04-20');
    await decision.submit('Record the decision');
    await page.getByRole('link', { name: /^Record a hearing outcome/ }).click();
    await page.waitForLoadState('load');
    const hearing = await new CareFormPage(page, 'Record a hearing outcome').verifyOnPage();
    await hearing.fillDate('hearingDate', '2024-05-10');
    await hearing.choose('Compulsory Supervision Order made');
    await hearing.submit('Record the outcome');
    expect(await hearing.fieldError('reviewDate')).toContain('Enter the date the order must be reviewed by');
    await hearing.checkAccessibility();
    await hearing.fillDate('reviewDate', '2025-05-01');
    await hearing.submit('Record the outcome');
    await scraPage.verifyOnPage();
    const text = await page.locator('main').innerText();
    expect(text).toContain('(o) Not attending school without reasonable excuse');
    expect(text).toContain('Children’s hearing arranged on 20 April 2024');
    expect(text).toMatch(/10 May 2024\s+Compulsory Supervision Order made\s+1 May 2025/);
    await scraPage.checkAccessibility();
  });

  it('a service manager adds a short-break flat with its places; its page starts empty', async () => {
    await signInAs(accounts.service_manager.username);
    await page.goto(`${server.url}/resources`);
    await follow('Add a children’s house or short-break flat');
    const form = await new CareFormPage(page, 'Add a children’s house or short-break flat').verifyOnPage();
    await form.fill('Name', 'Kestrel House');
    await form.choose('Children’s house');
    await form.submit('Add');
    expect(await form.fieldError('places')).toContain('Enter at least one bed, room or flat');
    expect(await page.inputValue('#name')).toBe('Kestrel House');
    await form.checkAccessibility();
    await form.fill('Beds, rooms or flats', 'Room 1\nRoom 2');
    await form.submit('Add');
    const resource = await new ResourcePage(page, 'Kestrel House').verifyOnPage();
    expect(await resource.summary()).toMatch(/Places\s+2/);
    await resource.checkAccessibility();
  });

  it('a practitioner corrects a placement’s weekly cost with a reason, and sees the new cost and who amended it', async () => {
    await signInAs(accounts.practitioner.username);
    await openChild('G5', 'Catriona Bain');
    await follow('Looked after and placements: start an episode, place / move');
    const care = await new CarePage(page).verifyOnPage();
    expect(await care.tableText('placements')).toContain('£900.00');
    const correction = await care.follow(`Correct the placement Since ${spoken('2024-02-01')}`, 'Correct a placement');
    await correction.checkAccessibility();
    await correction.fill('Weekly cost (optional)', '950');
    await correction.submit('Save the correction');
    expect(await correction.fieldError('reason')).toContain('Enter why the placement is being corrected');
    expect(await page.inputValue('#weeklyCost')).toBe('950');
    await correction.checkAccessibility();
    await correction.fill('Why it is being corrected', 'the invoice shows £950 a week');
    await correction.submit('Save the correction');
    await care.verifyOnPage();
    expect(await care.banner()).toContain('Placement corrected');
    const placements = await care.tableText('placements');
    expect(placements).toContain('£950.00');
    expect(placements).toMatch(/Amended by .+ on \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} because the invoice shows £950 a week/);
    expect(placements).toContain('Weekly cost: was £900.00, now £950.00');
    await care.checkAccessibility();
  });

  it('a practitioner withdraws an episode recorded in error: asked why, then asked to confirm, then it is gone', async () => {
    await signInAs(accounts.practitioner.username);
    await page.goto(`${server.url}/children/G6/care`);
    const care = await new CarePage(page).verifyOnPage();
    const withdraw = await care.follow(`Withdraw the episode Since ${spoken('2024-03-01')}`, 'Withdraw a looked after episode');
    await withdraw.checkAccessibility();
    await withdraw.submit('Withdraw the episode');
    expect(await withdraw.fieldError('reason')).toContain('Enter why the episode is being withdrawn');
    await withdraw.checkAccessibility();
    await withdraw.fill('Why it is being withdrawn', 'recorded on the wrong child');
    await withdraw.submit('Withdraw the episode');
    const confirm = await new CareFormPage(page, 'Withdraw this looked after episode?').verifyOnPage();
    await confirm.checkAccessibility();
    await confirm.submit('Yes, withdraw it');
    await care.verifyOnPage();
    expect(await care.banner()).toContain('Looked after episode withdrawn');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Never looked after.');
    expect(text).toMatch(/Withdrawn by .+ because recorded on the wrong child/);
    await care.checkAccessibility();
  });
});
