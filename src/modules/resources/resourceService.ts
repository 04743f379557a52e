/**
 * @module Booking the council's own places for a child, and what each resource was used for. A place can never
 * be double-booked: the database refuses a second stay that shares a night, even when two managers book at once.
 */
import type { Database, Queryable } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { ChildService } from '../children/childService.js';
import type { Actor, SignedInUser } from '../../platform/access/user.js';
import { newRecordId } from '../../platform/ids/recordIds.js';
import { longDateOf } from '../../platform/dates/formats.js';
import type { AmendmentRepository } from '../../platform/amendments/amendmentRepository.js';
import { changedFields, type Amendment } from '../../platform/amendments/amendment.js';
import { bookingInWords, occupancy, type Booking, type BookingChange, type NewBooking, type Occupancy, type Place, type Resource, type ResourceKind } from './resource.js';
import type { ResourceRepository } from './resourceRepository.js';
import { shortBreakTable, shortBreakYears, type ShortBreakYear } from './shortBreakYears.js';
import { financialYear } from '../reporting/periods.js';
import { writeTable, type WrittenTable } from '../reporting/publishTable.js';
import type { ChartDescription } from '../../platform/documents/charts.js';

export type BookingResult = { outcome: 'booked'; bookingId: string } | { outcome: 'problems'; problems: Record<string, string> } | { outcome: 'forbidden' };

/** A booking of a child's, with its place and its history, for someone who may see the child. */
export type ChildBooking =
  | { outcome: 'found'; child: { childId: string; name: string }; booking: Booking; place: Place; amendments: Amendment[] }
  | { outcome: 'forbidden' | 'not_found' };

/** How a change or cancellation went: done, refused with problems for the form's fields, or not allowed. */
export type BookingAmendment = { outcome: 'done' } | { outcome: 'problems'; problems: Record<string, string> } | { outcome: 'forbidden' | 'not_found' };

/** What a change of a booking did inside its transaction: refused with problems, or the booking as it is now. */
type Amended = { problems: Record<string, string> } | { after: Booking; action: 'resources.booking_changed' | 'resources.booking_cancelled' };

export interface ResourceUse {
  resource: Resource;
  /** `restricted`: the child's record is restricted and closed to this person, so shown as "Restricted record" (ADR 0044). */
  bookings: (Booking & { nameShown: boolean; restricted: boolean })[];
  use: Occupancy;
}

/** The place's answer to a clash, in words for the person booking. */
const clashMessage = (placeName: string, clash?: { startDate: string; endDate: string }) =>
  clash
    ? `${placeName} is already booked from ${longDateOf(clash.startDate)} to ${longDateOf(clash.endDate)}. Choose other dates or another place.`
    : `${placeName} was booked by someone else for some of these nights while you were booking. Choose other dates or another place.`;

export function resourceService(db: Database, repository: ResourceRepository, children: ChildService, audit: AuditService, amendments: AmendmentRepository) {
  /** Change or cancel a booking in one transaction: the record updated, the amendment kept and audited beside it. */
  async function amend(user: SignedInUser, childId: string, bookingId: string, reason: string, work: (tx: Queryable, booking: Booking, place: Place) => Promise<Amended>): Promise<BookingAmendment> {
    const name = await repository.childName(db, childId);
    if (!name) return { outcome: 'not_found' };
    if (!(await children.mayAccess(user, childId))) return { outcome: 'forbidden' };
    const found = await repository.booking(db, bookingId);
    if (!found || found.childId !== childId) return { outcome: 'not_found' };
    const place = (await repository.place(db, found.placeId))!;
    try {
      return await db.transaction(async (tx) => {
        const booking = await repository.booking(tx, bookingId);
        if (!booking) return { outcome: 'not_found' } as const;
        const done = await work(tx, booking, place);
        if ('problems' in done) return { outcome: 'problems', problems: done.problems } as const;
        const changed = changedFields(bookingInWords(booking, longDateOf), bookingInWords(done.after, longDateOf));
        await amendments.add(tx, { childId, recordKind: 'booking', recordId: bookingId, reason, ...changed, userId: user.userId });
        await audit.record({ kind: 'user', user }, { action: done.action, childId, subject: bookingId, reason, details: changed }, tx);
        return { outcome: 'done' } as const;
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23P01') return { outcome: 'problems', problems: { startDate: clashMessage(`${place.resourceName}: ${place.name}`) } };
      throw error;
    }
  }

  return {
    /**
     * One of a child's bookings with its place and history; the viewing is audited.
     * @example await resources.bookingOf(manager, 'C1', 'BOOK-1') // { outcome: 'found', booking: { startDate: '2024-03-01', … }, … }
     */
    async bookingOf(user: SignedInUser, childId: string, bookingId: string): Promise<ChildBooking> {
      const name = await repository.childName(db, childId);
      if (!name) return { outcome: 'not_found' };
      if (!(await children.mayAccess(user, childId))) {
        await audit.record({ kind: 'user', user }, { action: 'child.viewed', childId, subject: 'short break', details: { refused: true } });
        return { outcome: 'forbidden' };
      }
      const booking = await repository.booking(db, bookingId);
      if (!booking || booking.childId !== childId) return { outcome: 'not_found' };
      const place = (await repository.place(db, booking.placeId))!;
      const history = (await amendments.forChild(db, childId, 'booking')).filter((a) => a.recordId === bookingId);
      await audit.record({ kind: 'user', user }, { action: 'child.viewed', childId, subject: 'short break', details: { bookingId } });
      return { outcome: 'found', child: { childId, name }, booking, place, amendments: history };
    },

    /**
     * Change a booking's dates (and whether it avoided a placement), with a reason, as an amendment. Refused when the
     * new dates share a night with another booking of the place, or when someone else changed it since `version`.
     * @example await resources.changeBooking(manager, 'C1', 'BOOK-1', { startDate: '2024-03-02', endDate: '2024-03-05', avoidedOutOfAuthority: true }, 'Family asked for a day later', 1)
     */
    changeBooking(user: SignedInUser, childId: string, bookingId: string, change: BookingChange, reason: string, version: number): Promise<BookingAmendment> {
      return amend(user, childId, bookingId, reason, async (tx, booking, place): Promise<Amended> => {
        if (booking.cancelled) return { problems: { startDate: 'This booking has been cancelled. Book the place again instead.' } };
        const [clash] = await repository.clashes(tx, booking.placeId, change.startDate, change.endDate, bookingId);
        if (clash) return { problems: { startDate: clashMessage(`${place.resourceName}: ${place.name}`, clash) } };
        if (!(await repository.changeBooking(tx, bookingId, change, version))) {
          return { problems: { changeReason: 'Someone else changed this booking at the same time. Check it and save again.' } };
        }
        return { after: { ...booking, ...change }, action: 'resources.booking_changed' };
      });
    },

    /**
     * Cancel a booking, with a reason, as an amendment: the place is free again on those nights and no figure counts them.
     * @example await resources.cancelBooking(manager, 'C1', 'BOOK-1', 'The family no longer need the stay', 2)
     */
    cancelBooking(user: SignedInUser, childId: string, bookingId: string, reason: string, version: number): Promise<BookingAmendment> {
      return amend(user, childId, bookingId, reason, async (tx, booking): Promise<Amended> => {
        if (booking.cancelled) return { problems: { cancelReason: 'This booking has already been cancelled.' } };
        if (!(await repository.cancelBooking(tx, bookingId, version))) {
          return { problems: { cancelReason: 'Someone else changed this booking at the same time. Check it and cancel again if you still need to.' } };
        }
        return { after: { ...booking, cancelled: true }, action: 'resources.booking_cancelled' };
      });
    },

    /**
     * Add one of the council's own resources with its places (beds, rooms or flats).
     * @example await resources.add(actor, { name: 'Seabank House flat', kind: 'short_break', places: ['Flat'] })
     */
    async add(actor: Actor, input: { name: string; kind: ResourceKind; places: string[] }): Promise<Resource> {
      const resourceId = newRecordId('RES');
      await db.transaction(async (tx) => {
        await repository.insertResource(tx, { resourceId, name: input.name, kind: input.kind });
        for (const name of input.places) await repository.insertPlace(tx, { placeId: newRecordId('PLACE'), resourceId, name });
        await audit.record(actor, { action: 'resources.added', subject: resourceId, details: { name: input.name, places: input.places.length } }, tx);
      });
      return (await repository.resources(db)).find((r) => r.resourceId === resourceId)!;
    },

    /**
     * The child a booking is for, if this person may book for them.
     * @example await resources.childForBooking(manager, 'C1') // { outcome: 'found', child: { childId: 'C1', name: 'Ailsa Boyd' } }
     */
    async childForBooking(user: SignedInUser, childId: string): Promise<{ outcome: 'found'; child: { childId: string; name: string } } | { outcome: 'forbidden' | 'not_found' }> {
      const name = await repository.childName(db, childId);
      if (!name) return { outcome: 'not_found' };
      if (!(await children.mayAccess(user, childId))) return { outcome: 'forbidden' };
      return { outcome: 'found', child: { childId, name } };
    },

    /** @example await resources.list() // [{ name: 'Kestrel House', places: [...] }] */
    list: () => repository.resources(db),

    /**
     * Book a place for a child. Refused, with a message for the form, when the place is taken on any night of
     * the stay, including by a booking another manager made at the same moment.
     * @example await resources.book(manager, 'C1', { placeId: 'PL-1', startDate: '2024-03-01', endDate: '2024-03-04', reason: 'Crisis at home', avoidedOutOfAuthority: true })
     */
    async book(user: SignedInUser, childId: string, booking: NewBooking): Promise<BookingResult> {
      if (!(await children.mayAccess(user, childId))) return { outcome: 'forbidden' };
      const place = await repository.place(db, booking.placeId);
      if (!place) return { outcome: 'problems', problems: { placeId: 'Select a place to book' } };
      const bookingId = newRecordId('BOOK');
      try {
        return await db.transaction(async (tx) => {
          const [clash] = await repository.clashes(tx, booking.placeId, booking.startDate, booking.endDate);
          if (clash) return { outcome: 'problems', problems: { placeId: clashMessage(`${place.resourceName}: ${place.name}`, clash) } } as const;
          await repository.insertBooking(tx, { ...booking, bookingId, childId, bookedBy: user.userId });
          await audit.record({ kind: 'user', user }, {
            action: 'resources.booked', childId, subject: bookingId,
            details: { placeId: booking.placeId, startDate: booking.startDate, endDate: booking.endDate, avoidedOutOfAuthority: booking.avoidedOutOfAuthority },
          }, tx);
          return { outcome: 'booked', bookingId } as const;
        });
      } catch (error) {
        // The exclusion constraint: another booking committed first.
        if ((error as { code?: string }).code === '23P01') {
          return { outcome: 'problems', problems: { placeId: clashMessage(`${place.resourceName}: ${place.name}`) } };
        }
        throw error;
      }
    },

    /**
     * A resource's bookings and use over `from` to `to` (both included). Children's names are shown only to
     * someone who may access that child; the viewing is audited.
     * @example await resources.use(manager, 'R-1', '2024-03-01', '2024-03-31')
     */
    async use(user: SignedInUser, resourceId: string, from: string, to: string): Promise<ResourceUse | undefined> {
      const resource = (await repository.resources(db)).find((r) => r.resourceId === resourceId);
      if (!resource) return undefined;
      const bookings = await repository.bookings(db, resourceId, from, to);
      const standing = await children.standingAmong(user, bookings.map((b) => b.childId));
      const shown = bookings.map((b) => ({ ...b, nameShown: standing.open.has(b.childId), restricted: standing.restricted.has(b.childId) }));
      await audit.record({ kind: 'user', user }, { action: 'resources.viewed', subject: resourceId, details: { from, to, namesShown: shown.filter((b) => b.nameShown).length } });
      return { resource, bookings: shown, use: occupancy(bookings.filter((b) => !b.cancelled), resource.places.length, from, to) };
    },

    /**
     * The short-break places' figures for each financial year ending in `first` to `last`; none without a short-break place.
     * @example await resources.shortBreakYears(2021, 2022) // [{ year: '2020-21', nightsUsed: 61, … }, { year: '2021-22', … }]
     */
    async shortBreakYears(first: number, last: number): Promise<ShortBreakYear[]> {
      const places = await repository.shortBreakPlaces(db);
      if (places === 0 || last < first) return [];
      const stays = await repository.shortBreakStays(db, financialYear(first).first, financialYear(last).last);
      return shortBreakYears(stays, places, first, last);
    },

    /**
     * The short-break figures as a board paper places them (section 4.3), from the first year a child stayed:
     * published, counts of 1 to 4 children as *. None when no child stayed in the period.
     * @example (await resources.paperTables({ years: { first: 2021, last: 2022 } }))[0]?.id // 'short-breaks'
     */
    async paperTables(options: { years?: { first: number; last: number } }): Promise<{ id: string; heading: string; lead: string; table: WrittenTable; chart?: ChartDescription }[]> {
      // From the first year a child stayed: years before the flat was used would only show empty nights.
      const all = options.years ? await this.shortBreakYears(options.years.first, options.years.last) : [];
      const years = all.slice(all.findIndex((year) => year.nightsUsed > 0));
      if (!all.some((year) => year.nightsUsed > 0)) return [];
      const table = shortBreakTable(years);
      return [{
        id: table.id,
        heading: 'The short-break flat: nights used, occupancy, children supported and placements avoided',
        lead: 'The council’s short-break places in each financial year: the nights children stayed, how full the places were, how many children they supported and the out of authority placements they helped to avoid.',
        table: writeTable(table, { published: true }),
        ...(table.chart ? { chart: table.chart } : {}),
      }];
    },
  };
}
export type ResourceService = ReturnType<typeof resourceService>;
