/** @module View models for the resources list, a resource's occupancy calendar and use, and the booking form. */
import { paths } from '../../platform/http/paths.js';
import { restrictedRecordLabel } from '../children/child.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import { resourceKindLabels, type Resource } from './resource.js';
import { addDays } from '../../platform/dates/isoDates.js';
import type { ResourceUse } from './resourceService.js';
import { monthOf } from '../../platform/dates/formats.js';
import { dateTimeOf } from '../../platform/dates/formats.js';
import { changedFields, type Amendment } from '../../platform/amendments/amendment.js';
import { presentClashes, type Clash } from '../../platform/forms/versions.js';
import { bookingChangeFieldOrder } from './bookingChangeForm.js';
import type { Booking, Place } from './resource.js';


/** @example presentResourceList(resources)[0].href // '/resources/R-…' */
export function presentResourceList(resources: readonly Resource[]) {
  return resources.map((r) => ({
    name: r.name,
    href: paths.care.resource(r),
    kind: resourceKindLabels[r.kind],
    places: r.places.length,
  }));
}

/**
 * One table per month of the period: a row per place, a column per day, each cell booked or free.
 * @example monthCalendars(use, '2024-03-01', '2024-03-31')[0].caption // 'March 2024'
 */
export function monthCalendars(use: ResourceUse, from: string, to: string) {
  const months: { caption: string; days: { day: number; date: string }[] }[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const caption = monthOf(date);
    if (months.at(-1)?.caption !== caption) months.push({ caption, days: [] });
    months.at(-1)!.days.push({ day: Number(date.slice(8)), date });
  }
  return months.map((month) => ({
    caption: month.caption,
    days: month.days.map((d) => d.day),
    rows: use.resource.places.map((place) => ({
      place: place.name,
      cells: month.days.map((d) => ({
        booked: use.bookings.some((b) => !b.cancelled && b.placeId === place.placeId && b.startDate <= d.date && b.endDate > d.date),
      })),
    })),
  }));
}

/** The resource page: use over the period, the calendar and the stays. */
export function presentResourceUse(use: ResourceUse, from: string, to: string) {
  const places = new Map(use.resource.places.map((p) => [p.placeId, p.name]));
  return {
    name: use.resource.name,
    kind: resourceKindLabels[use.resource.kind],
    period: `${longDateOf(from)} to ${longDateOf(to)}`,
    summary: [
      { key: 'Places', value: String(use.resource.places.length) },
      { key: 'Nights used', value: `${use.use.nightsUsed} of ${use.use.nightsAvailable}` },
      { key: 'Occupancy', value: use.use.occupancyPct === null ? 'No places' : `${use.use.occupancyPct}%` },
      { key: 'Out of authority placements avoided', value: String(use.use.placementsAvoided) },
    ],
    calendars: monthCalendars(use, from, to),
    stays: use.bookings.map((b) => ({
      child: b.nameShown ? b.childName : b.restricted ? restrictedRecordLabel(b.childId) : 'A child outside your team',
      childHref: b.nameShown ? paths.children.show({ childId: b.childId }) : undefined,
      place: places.get(b.placeId) ?? '',
      dates: `${longDateOf(b.startDate)} to ${longDateOf(b.endDate)}${b.cancelled ? ' (cancelled)' : ''}`,
      reason: b.nameShown ? b.reason : '',
      bookingHref: b.nameShown ? paths.care.booking({ childId: b.childId, bookingId: b.bookingId }) : undefined,
      bookingText: b.nameShown ? `Booking for ${b.childName}, ${longDateOf(b.startDate)}` : '',
      avoided: b.avoidedOutOfAuthority ? 'Yes' : 'No',
    })),
  };
}

/** @example presentBookingForm(child, resources, {}, {}).placeItems.length // every place of every resource */
export function presentBookingForm(child: { childId: string; name: string }, resources: readonly Resource[], values: FormValues, problems: Record<string, string>) {
  return {
    child: { name: child.name, href: paths.children.show(child) },
    action: paths.care.book(child),
    values,
    errors: problems,
    errorList: errorSummary(problems, ['placeId', 'startDate', 'endDate', 'reason', 'avoidedOutOfAuthority']),
    placeItems: resources.flatMap((r) => r.places.map((p) => ({
      value: p.placeId, text: `${r.name}: ${p.name}`, hint: { text: resourceKindLabels[r.kind] }, checked: p.placeId === values.placeId,
    }))),
    avoidedItems: [
      { value: 'yes', text: 'Yes, without this stay the child would have been placed outside the council’s area', checked: values.avoidedOutOfAuthority === 'yes' },
      { value: 'no', text: 'No', checked: values.avoidedOutOfAuthority === 'no' },
    ],
  };
}

/**
 * A booking's page: where and when, its status, what can be done, and its history ("amended by … on … because …").
 * @example presentBooking(child, booking, place, amendments).history[0].summary // 'Amended by Sam Reid on 1 May 2024, 10:30 because …'
 */
export function presentBooking(child: { childId: string; name: string }, booking: Booking, place: Place, amendments: readonly Amendment[]) {
  const ref = { childId: child.childId, bookingId: booking.bookingId };
  return {
    child: { name: child.name, href: paths.children.show(child) },
    resourceHref: paths.care.resource({ resourceId: place.resourceId }, { year: booking.startDate.slice(0, 4), month: String(Number(booking.startDate.slice(5, 7))) }),
    resourceName: place.resourceName,
    cancelled: booking.cancelled,
    summary: [
      { key: 'Place', value: `${place.resourceName}: ${place.name}` },
      { key: 'Arrives', value: longDateOf(booking.startDate) },
      { key: 'Leaves', value: longDateOf(booking.endDate) },
      { key: 'Reason for the stay', value: booking.reason },
      { key: 'Avoided an out of authority placement', value: booking.avoidedOutOfAuthority ? 'Yes' : 'No' },
      { key: 'Status', value: booking.cancelled ? 'Cancelled' : 'Booked' },
    ],
    changeHref: booking.cancelled ? undefined : paths.care.changeBooking(ref),
    cancelHref: booking.cancelled ? undefined : paths.care.cancelBooking(ref),
    history: amendments.map((amendment) => {
      const changed = changedFields(amendment.before, amendment.after);
      return {
        summary: `Amended by ${amendment.amendedBy} on ${dateTimeOf(amendment.amendedAt)} because ${amendment.reason}`,
        changes: Object.keys(changed.after).map((label) => `${label}: was ${changed.before[label]}, now ${changed.after[label]}`),
      };
    }),
  };
}

/** @example presentBookingChangeForm(child, booking, place, values, {}).action // '/children/C1/care/short-breaks/BOOK-1/change' */
export function presentBookingChangeForm(child: { childId: string; name: string }, booking: Booking, place: Place, values: FormValues, problems: Record<string, string>, clashes: readonly Clash[] = []) {
  return {
    child: { name: child.name, href: paths.care.booking({ childId: child.childId, bookingId: booking.bookingId }) },
    action: paths.care.changeBooking({ childId: child.childId, bookingId: booking.bookingId }),
    place: `${place.resourceName}: ${place.name}`,
    values,
    errors: problems,
    errorList: errorSummary(problems, [...bookingChangeFieldOrder], { dates: ['startDate', 'endDate'] }),
    clashes: presentClashes(clashes),
    avoidedItems: [
      { value: 'yes', text: 'Yes, without this stay the child would have been placed outside the council’s area', checked: values.avoidedOutOfAuthority === 'yes' },
      { value: 'no', text: 'No', checked: values.avoidedOutOfAuthority === 'no' },
    ],
  };
}

/** @example presentBookingCancelForm(child, booking, place, {}, {}).action // '/children/C1/care/short-breaks/BOOK-1/cancel' */
export function presentBookingCancelForm(child: { childId: string; name: string }, booking: Booking, place: Place, values: FormValues, problems: Record<string, string>) {
  return {
    child: { name: child.name, href: paths.care.booking({ childId: child.childId, bookingId: booking.bookingId }) },
    action: paths.care.cancelBooking({ childId: child.childId, bookingId: booking.bookingId }),
    stay: `${place.resourceName}: ${place.name}, ${longDateOf(booking.startDate)} to ${longDateOf(booking.endDate)}`,
    values,
    errors: problems,
    errorList: errorSummary(problems, ['cancelReason']),
  };
}
