/**
 * @module Changing and cancelling a booking (issue 12): each an amendment with a reason, audited, in the chronology and
 * in the booking's history; the nights figures use the booking as it is now; changed dates still may not double-book;
 * two managers changing one booking at once are merged field by field; every path is refused outside the child's team.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aCase, aChild } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { openForm, sessionCookie, signInAs } from '../../../test/support/signIn.js';
import { postForms } from '../../../test/support/pageForms.js';
import { buildServices, type Services } from '../../composition.js';
import { buildApp } from '../../app/app.js';
import { paths } from '../../platform/http/paths.js';
import type { SignedInUser } from '../../platform/access/user.js';
import type { Resource } from './resource.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded' });
const stay = { reason: 'Respite for the family', avoidedOutOfAuthority: true };

describe(`changing and cancelling a booking (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let flat: Resource;
  let manager: string;
  let colleague: string;
  let outsider: string;
  let managerUser: SignedInUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
    for (const childId of ['BK1', 'BK2']) {
      await aChild(database.db, { childId, forename: childId === 'BK1' ? 'Isla' : 'Rory', surname: 'Munro' });
      await aCase(database.db, childId, { team: 'Family First', workerId: 'W1' });
    }
    flat = await services.resources.add({ kind: 'system', name: 'test' }, { name: 'Seabank House flat', kind: 'short_break', places: ['Flat'] });
    app = await buildApp(services, { logger: false });
    ({ cookie: manager, user: managerUser } = await signInAs(app, services, 'team_manager', { team: 'Family First' }));
    ({ cookie: colleague } = await signInAs(app, services, 'team_manager', { team: 'Family First' }));
    ({ cookie: outsider } = await signInAs(app, services, 'team_manager', { team: 'North' }));
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  async function aBooking(childId: string, startDate: string, endDate: string): Promise<string> {
    const booked = await services.resources.book(managerUser, childId, { placeId: flat.places[0]!.placeId, startDate, endDate, ...stay });
    if (booked.outcome !== 'booked') throw new Error(`not booked: ${JSON.stringify(booked)}`);
    return booked.bookingId;
  }
  /** Nights used in 2024-25 (1 April 2024 to 31 March 2025), as the board paper counts them. */
  const nightsInYear = async () => (await services.resources.shortBreakYears(2025, 2025))[0]?.nightsUsed;
  /** "Nights used" as the resource's page shows it for a month. */
  const nightsOnPage = async (month: string) => {
    const page = await app.inject({ url: paths.care.resource(flat, { year: '2024', month }), headers: { cookie: manager } });
    return /Nights used<\/dt><dd class="govuk-summary-list__value">(\d+) of/.exec(page.body)?.[1];
  };
  async function opened(url: string, cookie: string) {
    const page = await openForm(app, url, cookie);
    const found = postForms(page.html, url).find((candidate) => candidate.action === url);
    return { page, send: (changes: Record<string, string>) => app.inject({ method: 'POST', url, headers: urlencoded(page.cookie), payload: form({ ...found!.hidden, ...found!.shown, ...changes }) }) };
  }

  it('cancels a booking only after a reason and a yes: the nights are no longer counted, the history and audit keep it', async () => {
    const bookingId = await aBooking('BK1', '2024-05-10', '2024-05-13');
    expect(await nightsInYear()).toBe(3);
    expect(await nightsOnPage('5')).toBe('3');
    const url = paths.care.cancelBooking({ childId: 'BK1', bookingId });

    const cancel = await opened(url, manager);
    const noReason = await cancel.send({});
    expect(noReason.statusCode).toBe(200);
    expect(noReason.body).toContain('Enter why the booking is being cancelled');

    const asked = await cancel.send({ cancelReason: 'the family no longer need the stay' });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Cancel Isla Munro’s stay?');
    expect(asked.body).toContain('Yes, cancel the booking');
    expect(await nightsInYear()).toBe(3);

    const confirmation = postForms(asked.body, url).find((candidate) => candidate.action === url && candidate.hidden.confirmed === 'yes');
    const done = await app.inject({ method: 'POST', url, headers: urlencoded(cancel.page.cookie), payload: form(confirmation!.hidden) });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(paths.care.resource(flat, { year: '2024', month: '5' }));
    expect(await nightsInYear()).toBe(0);
    expect(await nightsOnPage('5')).toBe('0');
    const resourcePage = await app.inject({ url: done.headers.location!, headers: { cookie: sessionCookie(done, cancel.page.cookie) } });
    expect(resourcePage.body).toContain('Booking for Isla Munro cancelled');
    expect(resourcePage.body).toContain('10 May 2024 to 13 May 2024 (cancelled)');

    const booking = await app.inject({ url: paths.care.booking({ childId: 'BK1', bookingId }), headers: { cookie: manager } });
    expect(booking.body).toMatch(/Amended by Test team_manager \d+ on \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} because the family no longer need the stay/);
    expect(booking.body).toContain('Status: was Booked, now Cancelled');
    const audited = await database.db.query<{ reason: string }>("select reason from audit_events where action = 'resources.booking_cancelled' and subject = $1", [bookingId]);
    expect(audited).toEqual([{ reason: 'the family no longer need the stay' }]);
    const chronology = await app.inject({ url: paths.children.chronology({ childId: 'BK1' }), headers: { cookie: manager } });
    expect(chronology.body).toContain('A short-break booking was changed or cancelled');
    expect(chronology.body).toContain('the family no longer need the stay');

    // The place is free again on those nights, and the cancelled booking cannot be cancelled twice.
    expect(await aBooking('BK2', '2024-05-11', '2024-05-12')).toMatch(/^BOOK/);
    expect((await app.inject({ url, headers: { cookie: manager } })).statusCode).toBe(404);
  });

  it('changes a booking’s dates: refuses a clash beside the field keeping what was typed, then recounts the nights', async () => {
    const first = await aBooking('BK1', '2024-07-01', '2024-07-04');
    await aBooking('BK2', '2024-07-10', '2024-07-12');
    expect(await nightsOnPage('7')).toBe('5');
    const url = paths.care.changeBooking({ childId: 'BK1', bookingId: first });

    const change = await opened(url, manager);
    expect(change.page.html).toContain('name="startDate-day" type="text" value="1"');
    const clash = await change.send({ 'endDate-day': '11', changeReason: 'a longer stay was agreed' });
    expect(clash.statusCode).toBe(200);
    expect(clash.body).toMatch(/id="startDate-error"[\s\S]*?Seabank House flat: Flat is already booked from 10 July 2024 to 12 July 2024/);
    expect(clash.body).toContain('name="endDate-day" type="text" value="11"');
    expect(clash.body).toContain('a longer stay was agreed');
    expect(await nightsOnPage('7')).toBe('5');

    const saved = await change.send({ 'endDate-day': '8', changeReason: 'a longer stay was agreed' });
    expect(saved.statusCode).toBe(303);
    expect(await nightsOnPage('7')).toBe('9');
    const booking = await app.inject({ url: paths.care.booking({ childId: 'BK1', bookingId: first }), headers: { cookie: manager } });
    expect(booking.body).toContain('Leaving date: was 4 July 2024, now 8 July 2024');
    expect(booking.body).toContain('because a longer stay was agreed');
    const audited = await database.db.query<{ reason: string }>("select reason from audit_events where action = 'resources.booking_changed' and subject = $1", [first]);
    expect(audited).toEqual([{ reason: 'a longer stay was agreed' }]);
  });

  it('merges two managers’ changes to different fields, and shows both values when they changed the same one', async () => {
    const bookingId = await aBooking('BK2', '2024-09-02', '2024-09-05');
    const url = paths.care.changeBooking({ childId: 'BK2', bookingId });
    const mine = await opened(url, manager);
    const theirs = await opened(url, colleague);
    expect((await mine.send({ 'startDate-day': '1', changeReason: 'arrived a day early' })).statusCode).toBe(303);
    const merged = await theirs.send({ avoidedOutOfAuthority: 'no', changeReason: 'would have stayed local anyway' });
    expect(merged.statusCode).toBe(303);
    const [row] = await database.db.query<{ start_date: string; end_date: string; avoided_out_of_authority: boolean; version: number }>(
      'select start_date::text, end_date::text, avoided_out_of_authority, version from place_bookings where booking_id = $1', [bookingId]);
    expect(row).toEqual({ start_date: '2024-09-01', end_date: '2024-09-05', avoided_out_of_authority: false, version: 3 });

    const third = await opened(url, manager);
    const fourth = await opened(url, colleague);
    expect((await third.send({ 'endDate-day': '6', changeReason: 'one more night' })).statusCode).toBe(303);
    const clash = await fourth.send({ 'endDate-day': '7', changeReason: 'two more nights' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body).toContain('Leaving day: someone else changed this too');
    expect(clash.body).toContain('Keep theirs: 6');
    expect(clash.body).toContain('Use mine: 7');
    const [after] = await database.db.query<{ end_date: string }>('select end_date::text from place_bookings where booking_id = $1', [bookingId]);
    expect(after).toEqual({ end_date: '2024-09-06' });
  });

  it('refuses every booking path to a manager outside the child’s team, and a booking under another child', async () => {
    const bookingId = await aBooking('BK1', '2024-11-01', '2024-11-02');
    const ref = { childId: 'BK1', bookingId };
    for (const url of [paths.care.booking(ref), paths.care.changeBooking(ref), paths.care.cancelBooking(ref)]) {
      expect((await app.inject({ url, headers: { cookie: outsider } })).statusCode).toBe(403);
      expect((await app.inject({ url: url.replace('/BK1/', '/BK2/'), headers: { cookie: manager } })).statusCode).toBe(404);
    }
    const { token, cookie } = await openForm(app, paths.care.resources(), outsider);
    for (const url of [paths.care.changeBooking(ref), paths.care.cancelBooking(ref)]) {
      const refused = await app.inject({ method: 'POST', url, headers: urlencoded(cookie), payload: form({ _csrf: token, cancelReason: 'x', changeReason: 'x', confirmed: 'yes' }) });
      expect(refused.statusCode).toBe(403);
    }
    const [row] = await database.db.query<{ cancelled: boolean; version: number }>('select cancelled, version from place_bookings where booking_id = $1', [bookingId]);
    expect(row).toEqual({ cancelled: false, version: 1 });
  });
});
