/** @module View models for the resources list, a resource's occupancy calendar and use, and the booking form. */
import { paths } from '../../platform/http/paths.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import { resourceKindLabels, type Resource } from './resource.js';
import { addDays } from '../../platform/dates/isoDates.js';
import type { ResourceUse } from './resourceService.js';
import { monthOf } from '../../platform/dates/formats.js';


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
        booked: use.bookings.some((b) => b.placeId === place.placeId && b.startDate <= d.date && b.endDate > d.date),
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
      child: b.nameShown ? b.childName : 'A child outside your team',
      childHref: b.nameShown ? paths.children.show({ childId: b.childId }) : undefined,
      place: places.get(b.placeId) ?? '',
      dates: `${longDateOf(b.startDate)} to ${longDateOf(b.endDate)}`,
      reason: b.nameShown ? b.reason : '',
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
