/** @module SQL for the council's own resources, their places and the bookings of them. */
import type { Queryable } from '../../db/database.js';
import type { Booking, BookingChange, NewBooking, Place, Resource, ResourceKind } from './resource.js';
import type { ShortBreakStay } from './shortBreakYears.js';

interface BookingRow {
  booking_id: string; place_id: string; child_id: string; forename: string | null; surname: string | null;
  start_date: string; end_date: string; reason: string; avoided_out_of_authority: boolean; version: number; cancelled: boolean;
}
const bookingColumns = 'b.booking_id, b.place_id, b.child_id, c.forename, c.surname, b.start_date, b.end_date, b.reason, b.avoided_out_of_authority, b.version, b.cancelled';
const toBooking = (r: BookingRow): Booking => ({
  bookingId: r.booking_id, placeId: r.place_id, childId: r.child_id, childName: [r.forename, r.surname].filter(Boolean).join(' ') || 'Name not recorded',
  startDate: r.start_date, endDate: r.end_date, reason: r.reason, avoidedOutOfAuthority: r.avoided_out_of_authority,
  version: r.version, cancelled: r.cancelled,
});

export function resourceRepository() {
  return {
    async childName(db: Queryable, childId: string): Promise<string | undefined> {
      const rows = await db.query<{ forename: string | null; surname: string | null }>('select forename, surname from children where child_id = $1', [childId]);
      const row = rows[0];
      return row ? [row.forename, row.surname].filter(Boolean).join(' ') || 'Name not recorded' : undefined;
    },

    async insertResource(db: Queryable, resource: { resourceId: string; name: string; kind: ResourceKind }): Promise<void> {
      await db.query('insert into resources (resource_id, name, kind) values ($1, $2, $3)', [resource.resourceId, resource.name, resource.kind]);
    },

    async insertPlace(db: Queryable, place: { placeId: string; resourceId: string; name: string }): Promise<void> {
      await db.query('insert into resource_places (place_id, resource_id, name) values ($1, $2, $3)', [place.placeId, place.resourceId, place.name]);
    },

    async resources(db: Queryable): Promise<Resource[]> {
      const rows = await db.query<{ resource_id: string; name: string; kind: ResourceKind; place_id: string | null; place_name: string | null }>(
        `select r.resource_id, r.name, r.kind, p.place_id, p.name as place_name
           from resources r left join resource_places p on p.resource_id = r.resource_id
          order by r.name, p.name`);
      const byId = new Map<string, Resource>();
      for (const row of rows) {
        let resource = byId.get(row.resource_id);
        if (!resource) {
          resource = { resourceId: row.resource_id, name: row.name, kind: row.kind, places: [] };
          byId.set(row.resource_id, resource);
        }
        if (row.place_id && row.place_name) resource.places.push({ placeId: row.place_id, resourceId: row.resource_id, resourceName: row.name, name: row.place_name });
      }
      return [...byId.values()];
    },

    async place(db: Queryable, placeId: string): Promise<Place | undefined> {
      const rows = await db.query<{ place_id: string; resource_id: string; resource_name: string; name: string }>(
        `select p.place_id, p.resource_id, r.name as resource_name, p.name
           from resource_places p join resources r on r.resource_id = p.resource_id where p.place_id = $1`, [placeId]);
      const row = rows[0];
      return row && { placeId: row.place_id, resourceId: row.resource_id, resourceName: row.resource_name, name: row.name };
    },

    /** Bookings of one place, not cancelled, that share a night with [start, end), other than `except`. */
    async clashes(db: Queryable, placeId: string, startDate: string, endDate: string, except = ''): Promise<{ startDate: string; endDate: string }[]> {
      const rows = await db.query<{ start_date: string; end_date: string }>(
        `select start_date, end_date from place_bookings
          where place_id = $1 and not cancelled and booking_id <> $4 and daterange(start_date, end_date, '[)') && daterange($2::date, $3::date, '[)')
          order by start_date`, [placeId, startDate, endDate, except]);
      return rows.map((r) => ({ startDate: r.start_date, endDate: r.end_date }));
    },

    async insertBooking(db: Queryable, booking: NewBooking & { bookingId: string; childId: string; bookedBy: string }): Promise<void> {
      await db.query(
        `insert into place_bookings (booking_id, place_id, child_id, start_date, end_date, reason, avoided_out_of_authority, booked_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [booking.bookingId, booking.placeId, booking.childId, booking.startDate, booking.endDate, booking.reason, booking.avoidedOutOfAuthority, booking.bookedBy]);
    },

    /** One booking, cancelled or not. */
    async booking(db: Queryable, bookingId: string): Promise<Booking | undefined> {
      const rows = await db.query<BookingRow>(
        `select ${bookingColumns} from place_bookings b join children c on c.child_id = b.child_id where b.booking_id = $1`, [bookingId]);
      return rows[0] && toBooking(rows[0]);
    },

    /** Change a booking's dates and whether it avoided a placement, if it is still at `version`; false when someone else changed it first. */
    async changeBooking(db: Queryable, bookingId: string, change: BookingChange, version: number): Promise<boolean> {
      const rows = await db.query<{ booking_id: string }>(
        `update place_bookings set start_date = $2, end_date = $3, avoided_out_of_authority = $4, version = version + 1
          where booking_id = $1 and version = $5 and not cancelled returning booking_id`,
        [bookingId, change.startDate, change.endDate, change.avoidedOutOfAuthority, version]);
      return rows.length === 1;
    },

    /** Cancel a booking, if it is still at `version` and not cancelled; false otherwise. */
    async cancelBooking(db: Queryable, bookingId: string, version: number): Promise<boolean> {
      const rows = await db.query<{ booking_id: string }>(
        `update place_bookings set cancelled = true, version = version + 1 where booking_id = $1 and version = $2 and not cancelled returning booking_id`,
        [bookingId, version]);
      return rows.length === 1;
    },

    /** Bookings at a resource that share a night with [from, to], cancelled ones too (they are shown, not counted). */
    async bookings(db: Queryable, resourceId: string, from: string, to: string): Promise<Booking[]> {
      const rows = await db.query<BookingRow>(
        `select ${bookingColumns}
           from place_bookings b
           join resource_places p on p.place_id = b.place_id
           join children c on c.child_id = b.child_id
          where p.resource_id = $1 and b.start_date <= $3::date and b.end_date > $2::date
          order by b.start_date, p.name`, [resourceId, from, to]);
      return rows.map(toBooking);
    },

    /** How many places the short-break resources have. */
    async shortBreakPlaces(db: Queryable): Promise<number> {
      const rows = await db.query<{ places: number }>(
        `select count(*)::int as places from resource_places p join resources r on r.resource_id = p.resource_id where r.kind = 'short_break'`);
      return rows[0]?.places ?? 0;
    },

    /** Stays at short-break places that share a night with [from, to], without names. */
    async shortBreakStays(db: Queryable, from: string, to: string): Promise<ShortBreakStay[]> {
      const rows = await db.query<{ child_id: string; start_date: string; end_date: string; avoided_out_of_authority: boolean }>(
        `select b.child_id, b.start_date, b.end_date, b.avoided_out_of_authority
           from place_bookings b
           join resource_places p on p.place_id = b.place_id
           join resources r on r.resource_id = p.resource_id
          where r.kind = 'short_break' and not b.cancelled and b.start_date <= $2::date and b.end_date > $1::date
          order by b.start_date, b.booking_id`, [from, to]);
      return rows.map((r) => ({ childId: r.child_id, startDate: r.start_date, endDate: r.end_date, avoidedOutOfAuthority: r.avoided_out_of_authority }));
    },
  };
}
export type ResourceRepository = ReturnType<typeof resourceRepository>;
