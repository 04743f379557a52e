/** @module The council's own children's houses and short-break flats, their places, bookings and occupancy arithmetic. */
import { addDays, daysBetween } from '../../platform/dates/isoDates.js';

export const resourceKinds = ['childrens_house', 'short_break'] as const;
export type ResourceKind = (typeof resourceKinds)[number];
export const resourceKindLabels: Record<ResourceKind, string> = {
  childrens_house: 'Children’s house',
  short_break: 'Short-break flat',
};

export interface Resource {
  resourceId: string;
  name: string;
  kind: ResourceKind;
  places: Place[];
}

export interface Place {
  placeId: string;
  resourceId: string;
  resourceName: string;
  name: string;
}

/** A stay: arrives on `startDate`, leaves on `endDate` (the first night not stayed). */
export interface Booking {
  bookingId: string;
  placeId: string;
  childId: string;
  childName: string;
  startDate: string;
  endDate: string;
  reason: string;
  avoidedOutOfAuthority: boolean;
  /** Bumped by every change, for optimistic versions (ADR 0020). */
  version: number;
  /** A cancelled booking stays for its history but holds no nights and counts in no figure. */
  cancelled: boolean;
}

/** What a change of a booking can correct: its dates, and whether it avoided an out of authority placement. */
export interface BookingChange {
  startDate: string;
  endDate: string;
  avoidedOutOfAuthority: boolean;
}

/**
 * A booking as its history shows it, in words, before or after a change.
 * @example bookingInWords({ startDate: '2024-03-01', endDate: '2024-03-04', avoidedOutOfAuthority: true, cancelled: false }, longDateOf)
 * // { 'Arrival date': '1 March 2024', 'Leaving date': '4 March 2024', 'Avoided an out of authority placement': 'Yes', Status: 'Booked' }
 */
export function bookingInWords(booking: BookingChange & { cancelled: boolean }, dateInWords: (iso: string) => string): Record<string, string> {
  return {
    'Arrival date': dateInWords(booking.startDate),
    'Leaving date': dateInWords(booking.endDate),
    'Avoided an out of authority placement': booking.avoidedOutOfAuthority ? 'Yes' : 'No',
    Status: booking.cancelled ? 'Cancelled' : 'Booked',
  };
}

export interface NewBooking {
  placeId: string;
  startDate: string;
  endDate: string;
  reason: string;
  avoidedOutOfAuthority: boolean;
}


export interface Occupancy {
  nightsUsed: number;
  nightsAvailable: number;
  /** Nights used as a percentage of nights available, one decimal place; null when nothing was available. */
  occupancyPct: number | null;
  /** Stays starting in the period that kept a child from an out of authority placement. */
  placementsAvoided: number;
}

/**
 * Nights used, occupancy and placements avoided over the nights of `from` to `to` (both included).
 * @example occupancy([{ startDate: '2024-03-01', endDate: '2024-03-04', … }], 2, '2024-03-01', '2024-03-10') // { nightsUsed: 3, nightsAvailable: 20, occupancyPct: 15, placementsAvoided: … }
 */
export function occupancy(bookings: readonly Pick<Booking, 'startDate' | 'endDate' | 'avoidedOutOfAuthority'>[], places: number, from: string, to: string): Occupancy {
  const end = addDays(to, 1);
  let nightsUsed = 0;
  for (const booking of bookings) {
    const first = booking.startDate > from ? booking.startDate : from;
    const last = booking.endDate < end ? booking.endDate : end;
    if (last > first) nightsUsed += daysBetween(first, last);
  }
  const nightsAvailable = places * daysBetween(from, end);
  return {
    nightsUsed,
    nightsAvailable,
    occupancyPct: nightsAvailable > 0 ? Math.round((nightsUsed / nightsAvailable) * 1000) / 10 : null,
    placementsAvoided: bookings.filter((b) => b.avoidedOutOfAuthority && b.startDate >= from && b.startDate <= to).length,
  };
}
