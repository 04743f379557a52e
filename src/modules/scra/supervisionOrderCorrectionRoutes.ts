/**
 * @module Thin handlers for correcting or withdrawing a Compulsory Supervision Order (issue 12): each with a reason, as an
 * amendment; corrections merged field by field (ADR 0020), withdrawals asked to confirm.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { paths } from '../../platform/http/paths.js';
import { postedValues, type FormValues } from '../../platform/forms/formValues.js';
import { mergedNotice, reconcile, startedFrom, type Clash } from '../../platform/forms/versions.js';
import { askToConfirm, confirmed, fieldsToRepost } from '../../platform/forms/confirmation.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { orderKind } from '../../platform/codes/reporterCodes.js';
import { readWithdrawal } from './scraCorrectionForms.js';
import { orderCorrectionLabels, orderCorrectionValues, readOrderCorrection } from './supervisionOrderCorrection.js';
import { presentOrderCorrectionForm } from './supervisionOrderPresenter.js';
import type { OrderChange, SupervisionOrderService } from './supervisionOrderService.js';
import type { SupervisionOrder } from './supervisionOrder.js';

const record = { config: { access: { permission: 'care:record' as const } } };
type Child = { childId: string; name: string };

/** The order a request names and the answer to a change, shared with the order routes that register these. */
export interface OrderRequests {
  orderOf: (request: FastifyRequest) => Promise<{ child: Child; order: SupervisionOrder }>;
  answer: (request: FastifyRequest, reply: FastifyReply, childId: string, result: OrderChange, done: string, showAgain: (problems: Record<string, string>) => unknown) => unknown;
}

/**
 * `/children/:childId/care/orders/:orderId/correct` and `/withdraw`.
 * @example await supervisionOrderCorrectionRoutes(app, { supervisionOrders }, { orderOf, answer })
 */
export async function supervisionOrderCorrectionRoutes(app: FastifyInstance, services: { supervisionOrders: SupervisionOrderService }, { orderOf, answer }: OrderRequests): Promise<void> {
  const view = (reply: FastifyReply, template: string, title: string, child: Child, action: string, values: FormValues, problems: Record<string, string>, extra: { clashes?: Clash[]; about?: string } = {}) => {
    if (extra.clashes?.length) reply.code(409);
    return reply.view(`scra/views/${template}.njk`, { title, form: presentOrderCorrectionForm(child, action, values, problems, extra) });
  };
  const about = (o: SupervisionOrder) => `${orderKind.label(o.kind)}, made on ${longDateOf(o.madeDate)}`;

  const correctTitle = 'Correct a Compulsory Supervision Order';
  app.get(paths.supervisionOrders.correct.pattern, record, async (request, reply) => {
    const { child, order } = await orderOf(request);
    const values = { ...orderCorrectionValues(order), ...startedFrom({ version: order.version, values: orderCorrectionValues(order) }) };
    return view(reply, 'correctOrder', correctTitle, child, paths.supervisionOrders.correct({ childId: child.childId, orderId: order.orderId }), values, {});
  });
  app.post(paths.supervisionOrders.correct.pattern, record, async (request, reply) => {
    const { child, order } = await orderOf(request);
    const now = { version: order.version, values: orderCorrectionValues(order) };
    const settled = reconcile(postedValues(request.body), orderCorrectionLabels, now);
    const values = { ...settled.values, ...startedFrom(now) };
    const action = paths.supervisionOrders.correct({ childId: child.childId, orderId: order.orderId });
    const showAgain = (problems: Record<string, string>, clashes: Clash[] = []) => view(reply, 'correctOrder', correctTitle, child, action, values, problems, { clashes });
    if (settled.outcome === 'clash') return showAgain({}, settled.clashes);
    const form = readOrderCorrection(values);
    if (!form.data) return showAgain(form.problems);
    const result = await services.supervisionOrders.correct(request.user!, child.childId, order.orderId, form.data.corrected, form.data.reason, order.version);
    return answer(request, reply, child.childId, result, mergedNotice('Order corrected', settled.outcome === 'merged' ? settled.theirs : []), showAgain);
  });

  const withdrawTitle = 'Withdraw a Compulsory Supervision Order';
  app.get(paths.supervisionOrders.withdraw.pattern, record, async (request, reply) => {
    const { child, order } = await orderOf(request);
    return view(reply, 'withdrawOrder', withdrawTitle, child, request.url, {}, {}, { about: about(order) });
  });
  app.post(paths.supervisionOrders.withdraw.pattern, record, async (request, reply) => {
    const { child, order } = await orderOf(request);
    const form = readWithdrawal(request.body);
    const showAgain = (problems: Record<string, string>) => view(reply, 'withdrawOrder', withdrawTitle, child, request.url, form.values, problems, { about: about(order) });
    if (!form.data) return showAgain(form.problems);
    if (!confirmed(request.body)) {
      return askToConfirm(reply, {
        question: `${withdrawTitle}?`,
        details: [`${about(order)}.`, `Reason: ${form.data.reason}`],
        consequence: 'The order and its reviews will no longer show on the child’s record or count in any figure, and the looked after episode it started is withdrawn with it. What it said stays in the child’s history, with your reason.',
        action: request.url, confirmText: 'Yes, withdraw it', backHref: paths.supervisionOrders.child(child), fields: fieldsToRepost(request.body),
      });
    }
    const result = await services.supervisionOrders.withdraw(request.user!, child.childId, order.orderId, form.data.reason);
    return answer(request, reply, child.childId, result, 'Order withdrawn', showAgain);
  });
}
