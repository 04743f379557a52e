/** @module Thin handlers for a child's Compulsory Supervision Orders: the orders page, recording an order, a review, an end. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { HttpError } from '../../platform/http/httpError.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import type { SupervisionOrder } from './supervisionOrder.js';
import { readEnd, readOrder, readReview } from './supervisionOrderForms.js';
import { hearingAlreadyReviewed, hearingNotThisChilds, type HearingForOrder, type HearingForReview, type OrderChange } from './supervisionOrderService.js';
import { orderValuesFrom, presentEndForm, presentOrderForm, presentOrders, presentReviewForm, reviewValuesFrom } from './supervisionOrderPresenter.js';
import { tellNextPage } from '../../platform/http/flash.js';
import type { SupervisionOrderService } from './supervisionOrderService.js';
import type { AuditService } from '../audit/auditService.js';
import { supervisionOrderCorrectionRoutes } from './supervisionOrderCorrectionRoutes.js';

/** What supervisionOrderRoutes needs from the composition root. */
export interface SupervisionOrderRoutesNeeds {
  audit: AuditService;
  supervisionOrders: SupervisionOrderService;
}

const id = z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/);
const record = { config: { access: { permission: 'care:record' as const } } };
const refusedChild = (outcome: 'forbidden' | 'not_found') => outcome === 'forbidden'
  ? new HttpError(403, "This child is not on your caseload or your team's. Ask your team manager if you need to see this record.")
  : new HttpError(404, 'There is no child with that id');

/**
 * `/children/:childId/care/orders` and its forms, for `care:record` and children the person may access.
 * @example await supervisionOrderRoutes(app, services)
 */
export async function supervisionOrderRoutes(app: FastifyInstance, services: SupervisionOrderRoutesNeeds): Promise<void> {
  const { supervisionOrders } = services;

  async function childOf(request: FastifyRequest) {
    const params = z.object({ childId: id }).safeParse(request.params);
    if (!params.success) throw refusedChild('not_found');
    const found = await supervisionOrders.ordersOf(request.user!, params.data.childId);
    if (found.outcome !== 'found') throw refusedChild(found.outcome);
    // Issue 16 item 5: every page drawn from the child's record (the forms too) is audited as one view of the child.
    if (request.method === 'GET') await services.audit.record({ kind: 'user', user: request.user! }, { action: 'child.viewed', childId: found.child.childId, subject: 'supervision orders', details: { page: request.routeOptions.url } });
    return found;
  }
  async function orderOf(request: FastifyRequest) {
    const found = await childOf(request);
    const orderId = id.safeParse((request.params as { orderId?: string }).orderId);
    const order = orderId.success ? found.orders.find((o) => o.orderId === orderId.data) : undefined;
    if (!order) throw new HttpError(404, 'There is no such order for this child');
    return { child: found.child, order };
  }
  function answer(request: FastifyRequest, reply: FastifyReply, childId: string, result: OrderChange, done: string, showAgain: (problems: Record<string, string>) => unknown) {
    if (result.outcome === 'done') {
      tellNextPage(request, done);
      return reply.redirect(paths.supervisionOrders.child({ childId }), 303);
    }
    if (result.outcome === 'problems') return showAgain(result.problems);
    throw result.outcome === 'forbidden' ? refusedChild('forbidden') : new HttpError(404, 'Not found');
  }

  app.get(paths.supervisionOrders.child.pattern, record, async (request, reply) => {
    const { child, orders } = await childOf(request);
    reply.header('cache-control', 'no-store');
    return reply.view('scra/views/orders.njk', { title: `Compulsory Supervision Orders: ${child.name}`, view: presentOrders(child, orders, todayIso(), await supervisionOrders.corrections(request.user!, child.childId)) });
  });

  const newTitle = 'Record a Compulsory Supervision Order';
  const orderForm = (reply: FastifyReply, child: { childId: string; name: string }, values: FormValues, problems: Record<string, string>, hearing: HearingForOrder | undefined) =>
    reply.view('scra/views/newOrder.njk', { title: newTitle, form: presentOrderForm(child, values, problems, hearing) });
  /** The hearing named in the query or the form (none when empty), as `find` gives it for this child; 404 with `refusal` when it does not. */
  async function namedHearing<T>(childId: string, hearingId: unknown, find: (childId: string, hearingId: string) => Promise<T | undefined>, refusal: string): Promise<T | undefined> {
    if (hearingId === undefined || hearingId === '') return undefined;
    const parsed = id.safeParse(hearingId);
    const hearing = parsed.success ? await find(childId, parsed.data) : undefined;
    if (!hearing) throw new HttpError(404, refusal);
    return hearing;
  }
  /** The hearing named in the query or the form, when it makes an order for this child. */
  const hearingOf = (childId: string, hearingId: unknown) =>
    namedHearing<HearingForOrder>(childId, hearingId, (c, h) => supervisionOrders.hearingFor(c, h), 'There is no hearing of this child that made an order');
  app.get(paths.supervisionOrders.new.pattern, record, async (request, reply) => {
    const { child } = await childOf(request);
    const hearing = await hearingOf(child.childId, (request.query as { hearing?: unknown }).hearing);
    return orderForm(reply, child, hearing ? orderValuesFrom(hearing) : {}, {}, hearing);
  });
  app.post(paths.supervisionOrders.new.pattern, record, async (request, reply) => {
    const { child } = await childOf(request);
    const form = readOrder(request.body);
    const hearing = await hearingOf(child.childId, form.values.hearingId);
    const showAgain = (problems: Record<string, string>) => orderForm(reply, child, form.values, problems, hearing);
    if (!form.data) return showAgain(form.problems);
    return answer(request, reply, child.childId, await supervisionOrders.record(request.user!, child.childId, form.data), 'Order recorded', showAgain);
  });

  const reviewTitle = 'Record a review hearing';
  const reviewForm = (reply: FastifyReply, child: { childId: string; name: string }, order: SupervisionOrder, values: FormValues, problems: Record<string, string>, hearing: HearingForReview | undefined) =>
    reply.view('scra/views/orderReview.njk', { title: reviewTitle, form: presentReviewForm(child, order, values, problems, hearing) });
  /** The hearing named in the query or the form, when it continued, varied or terminated an order of this child. */
  const reviewHearingOf = (childId: string, hearingId: unknown) =>
    namedHearing<HearingForReview>(childId, hearingId, (c, h) => supervisionOrders.hearingForReview(c, h), hearingNotThisChilds);
  app.get(paths.supervisionOrders.review.pattern, record, async (request, reply) => {
    const { child, order } = await orderOf(request);
    const hearing = await reviewHearingOf(child.childId, (request.query as { hearing?: unknown }).hearing);
    return reviewForm(reply, child, order, hearing ? reviewValuesFrom(hearing) : {}, hearing?.reviewed ? { reviewDate: hearingAlreadyReviewed } : {}, hearing);
  });
  app.post(paths.supervisionOrders.review.pattern, record, async (request, reply) => {
    const { child, order } = await orderOf(request);
    const form = readReview(request.body);
    const hearing = await reviewHearingOf(child.childId, form.values.hearingId);
    const showAgain = (problems: Record<string, string>) => reviewForm(reply, child, order, form.values, problems, hearing);
    if (!form.data) return showAgain(form.problems);
    const done = form.data.outcome === 'terminated' ? 'Review recorded: the order is terminated' : 'Review recorded';
    return answer(request, reply, child.childId, await supervisionOrders.review(request.user!, child.childId, order.orderId, form.data), done, showAgain);
  });

  const endTitle = 'End the order';
  app.get(paths.supervisionOrders.end.pattern, record, async (request, reply) => {
    const { child, order } = await orderOf(request);
    return reply.view('scra/views/endOrder.njk', { title: endTitle, form: presentEndForm(child, order, {}, {}) });
  });
  app.post(paths.supervisionOrders.end.pattern, record, async (request, reply) => {
    const { child, order } = await orderOf(request);
    const form = readEnd(request.body);
    const showAgain = (problems: Record<string, string>) => reply.view('scra/views/endOrder.njk', { title: endTitle, form: presentEndForm(child, order, form.values, problems) });
    if (!form.data) return showAgain(form.problems);
    return answer(request, reply, child.childId, await supervisionOrders.end(request.user!, child.childId, order.orderId, form.data), 'Order ended', showAgain);
  });
  await supervisionOrderCorrectionRoutes(app, services, { orderOf, answer });
}
