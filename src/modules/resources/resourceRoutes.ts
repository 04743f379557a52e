/** @module Thin handlers for the council's resources: the list, a resource's calendar and use, and booking a place for a child. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { HttpError } from '../../platform/http/httpError.js';
import { readDateInput } from '../../platform/forms/dates.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import { formValues, type FormValues } from '../../platform/forms/formValues.js';
import { resourceKindLabels, resourceKinds, type Resource } from './resource.js';
import { addDays, daysBetween } from '../../platform/dates/isoDates.js';
import { fieldErrors } from '../../platform/forms/fieldErrors.js';
import { readBooking } from './bookingForm.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { presentBooking, presentBookingCancelForm, presentBookingChangeForm, presentBookingForm, presentResourceList, presentResourceUse } from './resourcePresenter.js';
import { bookingChangeLabels, bookingValues, readBookingCancellation, readBookingChange } from './bookingChangeForm.js';
import { mergedNotice, reconcile, startedFrom, type Clash } from '../../platform/forms/versions.js';
import { postedValues } from '../../platform/forms/formValues.js';
import { askToConfirm, confirmed, fieldsToRepost } from '../../platform/forms/confirmation.js';
import type { Booking } from './resource.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';
import type { ResourceService } from './resourceService.js';
import type { AuditService } from '../audit/auditService.js';

/** What resourceRoutes needs from the composition root. */
export interface ResourceRoutesNeeds {
  audit: AuditService;
  resources: ResourceService;
}

const newResourceForm = z.object({
  name: z.string().trim().min(1, 'Enter the name').max(200, 'Name must be 200 characters or fewer'),
  kind: z.enum(resourceKinds, { error: 'Select what kind of place it is' }),
  places: z.string().transform((text) => [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(100, 'Each place’s name must be 100 characters or fewer')).min(1, 'Enter at least one bed, room or flat, one on each line').max(50, 'Enter 50 places or fewer')),
});
const idParam = z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/);

/** The first and last days of the month `date` falls in. */
function monthOf(date: string): { from: string; to: string } {
  const from = `${date.slice(0, 7)}-01`;
  const next = new Date(`${from}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { from, to: addDays(next.toISOString().slice(0, 10), -1) };
}

/**
 * `/resources`, `/resources/:resourceId` (for `resources:view`) and the booking form on a child's record (`care:book`).
 * @example await resourceRoutes(app, services)
 */
export async function resourceRoutes(app: FastifyInstance, services: ResourceRoutesNeeds): Promise<void> {
  const view = { config: { access: { permission: 'resources:view' as const } } };
  const book = { config: { access: { permission: 'care:book' as const } } };
  const manage = { config: { access: { permission: 'resources:manage' as const } } };

  app.get(paths.care.resources.pattern, view, async (_request, reply) => {
    return reply.view('resources/views/list.njk', { title: 'Children’s houses and short breaks', resources: presentResourceList(await services.resources.list()) });
  });

  const newResourceView = (reply: FastifyReply, values: FormValues, problems: Record<string, string>) =>
    reply.view('resources/views/new.njk', {
      title: 'Add a children’s house or short-break flat', values, errors: problems,
      errorList: errorSummary(problems),
      kindItems: resourceKinds.map((kind) => ({ value: kind, text: resourceKindLabels[kind], checked: values.kind === kind })),
    });
  app.get(paths.care.newResource.pattern, manage, async (_request, reply) => newResourceView(reply, {}, {}));
  app.post(paths.care.newResource.pattern, manage, async (request, reply) => {
    const values = formValues(request.body, ['name', 'kind', 'places']);
    const parsed = newResourceForm.safeParse(values);
    const problems = parsed.success ? {} : fieldErrors(parsed.error.issues);
    if (parsed.success && (await services.resources.list()).some((r) => r.name.toLowerCase() === parsed.data.name.toLowerCase())) {
      problems.name = 'There is already a resource with this name';
    }
    if (!parsed.success || Object.keys(problems).length) return newResourceView(reply, values, problems);
    const resource = await services.resources.add({ kind: 'user', user: request.user! }, parsed.data);
    tellNextPage(request, `${parsed.data.name} added`);
    return reply.redirect(paths.care.resource(resource), 303);
  });

  app.get(paths.care.resource.pattern, view, async (request, reply) => {
    const resourceId = idParam.safeParse((request.params as { resourceId?: string }).resourceId);
    if (!resourceId.success) throw new HttpError(404, 'There is no resource with that id');
    const values = formValues(request.query, [], ['from', 'to']);
    const from = readDateInput('From', values['from-day'], values['from-month'], values['from-year']);
    const to = readDateInput('To', values['to-day'], values['to-month'], values['to-year']);
    const errors: Record<string, string> = {};
    if (from.error) errors.from = from.error;
    if (to.error) errors.to = to.error;
    const start = from.date ?? monthOf(todayIso()).from;
    const end = to.date ?? monthOf(start).to;
    if (!errors.from && !errors.to && end < start) errors.to = 'To must be on or after From';
    if (!errors.from && !errors.to && daysBetween(start, end) > 366) errors.to = 'Choose a period of a year or less';
    const period = Object.keys(errors).length ? monthOf(todayIso()) : { from: start, to: end };
    const use = await services.resources.use(request.user!, resourceId.data, period.from, period.to);
    if (!use) throw new HttpError(404, 'There is no resource with that id');
    reply.header('cache-control', 'no-store');
    const resource = presentResourceUse(use, period.from, period.to);
    return reply.view('resources/views/show.njk', {
      title: resource.name, resource, values, errors,
      errorList: errorSummary(errors, ['from', 'to'], { dates: ['from', 'to'] }),
      action: paths.care.resource(use.resource),
    });
  });

  async function bookingChild(params: unknown, user: Parameters<ResourceService['childForBooking']>[0]) {
    const childId = idParam.safeParse((params as { childId?: string }).childId);
    if (!childId.success) throw new HttpError(404, 'There is no child with that id');
    const found = await services.resources.childForBooking(user, childId.data);
    if (found.outcome === 'not_found') throw new HttpError(404, 'There is no child with that id');
    if (found.outcome !== 'found') throw new HttpError(403, "This child is not in your team's. Ask their team manager to book for them.");
    return found.child;
  }
  const bookingView = (reply: FastifyReply, child: { childId: string; name: string }, resources: Resource[], values: FormValues, problems: Record<string, string>) =>
    reply.view('resources/views/book.njk', { title: 'Book a short break', form: presentBookingForm(child, resources, values, problems) });

  app.get(paths.care.book.pattern, book, async (request, reply) => {
    const child = await bookingChild(request.params, request.user!);
    // Issue 16 item 5: the form names the child, so opening it is a view of them.
    await services.audit.record({ kind: 'user', user: request.user! }, { action: 'child.viewed', childId: child.childId, subject: 'short break', details: { page: request.routeOptions.url } });
    return bookingView(reply, child, await services.resources.list(), {}, {});
  });

  app.post(paths.care.book.pattern, book, async (request, reply) => {
    const child = await bookingChild(request.params, request.user!);
    const resources = await services.resources.list();
    const form = readBooking(request.body);
    if (!form.data) return bookingView(reply, child, resources, form.values, form.problems);
    const result = await services.resources.book(request.user!, child.childId, form.data);
    if (result.outcome === 'forbidden') throw new HttpError(403, "This child is not in your team's. Ask their team manager to book for them.");
    if (result.outcome === 'problems') return bookingView(reply, child, resources, form.values, result.problems);
    const resource = resources.find((r) => r.places.some((p) => p.placeId === form.data!.placeId))!;
    tellNextPage(request, `Booked for ${child.name}`);
    return reply.redirect(paths.care.resource(resource, { year: form.data.startDate.slice(0, 4), month: String(Number(form.data.startDate.slice(5, 7))) }), 303);
  });

  // A booking: its page, changing its dates and cancelling it, each an amendment with a reason (issue 12).
  const refusedChild = "This child is not in your team's. Ask their team manager to change their bookings.";
  async function bookingOf(request: FastifyRequest) {
    const params = request.params as { childId?: string; bookingId?: string };
    const childId = idParam.safeParse(params.childId);
    const bookingId = idParam.safeParse(params.bookingId);
    if (!childId.success || !bookingId.success) throw new HttpError(404, 'There is no such booking for this child');
    const found = await services.resources.bookingOf(request.user!, childId.data, bookingId.data);
    if (found.outcome === 'forbidden') throw new HttpError(403, refusedChild);
    if (found.outcome !== 'found') throw new HttpError(404, 'There is no such booking for this child');
    return found;
  }
  const monthOfStay = (booking: Pick<Booking, 'startDate'>) => ({ year: booking.startDate.slice(0, 4), month: String(Number(booking.startDate.slice(5, 7))) });

  app.get(paths.care.booking.pattern, book, async (request, reply) => {
    const { child, booking, place, amendments } = await bookingOf(request);
    reply.header('cache-control', 'no-store');
    return reply.view('resources/views/booking.njk', { title: booking.cancelled ? 'Cancelled booking' : 'Booking', booking: presentBooking(child, booking, place, amendments) });
  });

  app.get(paths.care.changeBooking.pattern, book, async (request, reply) => {
    const { child, booking, place } = await bookingOf(request);
    if (booking.cancelled) throw new HttpError(404, 'This booking has been cancelled');
    const values = { ...bookingValues(booking), ...startedFrom({ version: booking.version, values: bookingValues(booking) }) };
    return reply.view('resources/views/changeBooking.njk', { title: 'Change the dates of a booking', form: presentBookingChangeForm(child, booking, place, values, {}) });
  });
  app.post(paths.care.changeBooking.pattern, book, async (request, reply) => {
    const { child, booking, place } = await bookingOf(request);
    const now = { version: booking.version, values: bookingValues(booking) };
    const settled = reconcile(postedValues(request.body), bookingChangeLabels, now);
    const values = { ...settled.values, ...startedFrom(now) };
    const showAgain = (problems: Record<string, string>, clashes: Clash[] = []) => {
      if (clashes.length) reply.code(409);
      return reply.view('resources/views/changeBooking.njk', { title: 'Change the dates of a booking', form: presentBookingChangeForm(child, booking, place, values, problems, clashes) });
    };
    if (settled.outcome === 'clash') return showAgain({}, settled.clashes);
    const form = readBookingChange(values);
    if (!form.data) return showAgain(form.problems);
    const result = await services.resources.changeBooking(request.user!, child.childId, booking.bookingId, form.data.change, form.data.reason, booking.version);
    if (result.outcome === 'forbidden') throw new HttpError(403, refusedChild);
    if (result.outcome === 'not_found') throw new HttpError(404, 'There is no such booking for this child');
    if (result.outcome === 'problems') return showAgain(result.problems);
    tellNextPage(request, mergedNotice(`Booking for ${child.name} changed`, settled.outcome === 'merged' ? settled.theirs : []));
    return reply.redirect(paths.care.resource({ resourceId: place.resourceId }, monthOfStay(form.data.change)), 303);
  });

  const cancelView = (reply: FastifyReply, found: Awaited<ReturnType<typeof bookingOf>>, values: FormValues, problems: Record<string, string>) =>
    reply.view('resources/views/cancelBooking.njk', { title: 'Cancel a booking', form: presentBookingCancelForm(found.child, found.booking, found.place, values, problems) });
  app.get(paths.care.cancelBooking.pattern, book, async (request, reply) => {
    const found = await bookingOf(request);
    if (found.booking.cancelled) throw new HttpError(404, 'This booking has already been cancelled');
    return cancelView(reply, found, { _version: String(found.booking.version) }, {});
  });
  app.post(paths.care.cancelBooking.pattern, book, async (request, reply) => {
    const found = await bookingOf(request);
    const { child, booking, place } = found;
    const form = readBookingCancellation(request.body);
    const values = { ...form.values, _version: postedValues(request.body)._version ?? String(booking.version) };
    if (!form.data) return cancelView(reply, found, values, form.problems);
    if (!confirmed(request.body)) {
      return askToConfirm(reply, {
        question: `Cancel ${child.name}’s stay?`,
        details: [`${place.resourceName}: ${place.name}, ${longDateOf(booking.startDate)} to ${longDateOf(booking.endDate)}.`, `Reason: ${form.data.reason}`],
        consequence: 'The place will be free on those nights and no figure will count them. The booking stays in the child’s record, with your reason.',
        action: paths.care.cancelBooking({ childId: child.childId, bookingId: booking.bookingId }),
        confirmText: 'Yes, cancel the booking',
        backHref: paths.care.booking({ childId: child.childId, bookingId: booking.bookingId }),
        fields: fieldsToRepost(request.body),
      });
    }
    const version = Number(values._version);
    const result = await services.resources.cancelBooking(request.user!, child.childId, booking.bookingId, form.data.reason, Number.isInteger(version) ? version : booking.version);
    if (result.outcome === 'forbidden') throw new HttpError(403, refusedChild);
    if (result.outcome === 'not_found') throw new HttpError(404, 'There is no such booking for this child');
    if (result.outcome === 'problems') return cancelView(reply, found, values, result.problems);
    tellNextPage(request, `Booking for ${child.name} cancelled`);
    return reply.redirect(paths.care.resource({ resourceId: place.resourceId }, monthOfStay(booking)), 303);
  });
}
