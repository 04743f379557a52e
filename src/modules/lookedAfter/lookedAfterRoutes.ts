/** @module Thin handlers for a child's care page and the episode and placement forms. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { HttpError } from '../../platform/http/httpError.js';
import { readCorrection, readEndEpisode, readEndPlacement, readEpisodeCorrection, readPlacement, readStartEpisode, readWithdrawal } from './careForms.js';
import { askToConfirm, confirmed, fieldsToRepost } from '../../platform/forms/confirmation.js';
import { periodOf } from '../../platform/dates/formats.js';
import { type FormValues } from '../../platform/forms/formValues.js';
import type { CareChange } from './lookedAfterService.js';
import {
  episodeValues, placementValues, presentCorrectionForm, presentCareHistory, presentEndEpisodeForm, presentEndPlacementForm, presentEpisodeCorrectionForm, presentPlacementForm,
  presentStartEpisodeForm, presentWithdrawForm,
} from './lookedAfterPresenter.js';
import { presentOrdersInForce } from '../scra/supervisionOrderPanels.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { mergedNotice, reconcile, startedFrom, type Clash } from '../../platform/forms/versions.js';
import { postedValues } from '../../platform/forms/formValues.js';
import type { SupervisionOrderService } from '../scra/supervisionOrderService.js';
import type { LookedAfterService } from './lookedAfterService.js';

/** What lookedAfterRoutes needs from the composition root. */
export interface LookedAfterRoutesNeeds {
  lookedAfter: LookedAfterService;
  supervisionOrders: SupervisionOrderService;
}

const childParams = z.object({ childId: z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/) });
const record = { config: { access: { permission: 'care:record' as const } } };

function childIdOf(request: FastifyRequest): string {
  const params = childParams.safeParse(request.params);
  if (!params.success) throw new HttpError(404, 'There is no child with that id');
  return params.data.childId;
}

const refused = (outcome: 'forbidden' | 'not_found') =>
  outcome === 'forbidden'
    ? new HttpError(403, "This child is not on your caseload or your team's. Ask your team manager if you need to see this record.")
    : new HttpError(404, 'There is no child with that id');

/**
 * `/children/:childId/care` and its forms, for people with `care:record` who may access the child.
 * @example await lookedAfterRoutes(app, services)
 */
export async function lookedAfterRoutes(app: FastifyInstance, services: LookedAfterRoutesNeeds): Promise<void> {
  const { lookedAfter } = services;

  async function careOf(request: FastifyRequest) {
    const view = await lookedAfter.history(request.user!, childIdOf(request));
    if (view.outcome !== 'shown') throw refused(view.outcome);
    return view;
  }

  /** After a change: back to the care page with a message, or the form again with its problems. */
  function answer(request: FastifyRequest, reply: FastifyReply, childId: string, result: CareChange<object>, done: string, showAgain: (problems: Record<string, string>) => unknown) {
    if (result.outcome === 'done') {
      tellNextPage(request, `${done}`);
      return reply.redirect(paths.care.child({ childId }), 303);
    }
    if (result.outcome === 'problems') return showAgain(result.problems);
    throw refused(result.outcome);
  }

  app.get(paths.care.child.pattern, record, async (request, reply) => {
    const { history, amendments, providers, episodeAmendments, homes } = await careOf(request);
    reply.header('cache-control', 'no-store');
    const care = presentCareHistory(history, lookedAfter.today(), amendments, providers, episodeAmendments, homes);
    const found = await services.supervisionOrders.ordersOf(request.user!, history.childId);
    const orders = presentOrdersInForce(history, found.outcome === 'found' ? found.orders : [], lookedAfter.today());
    return reply.view('lookedAfter/views/care.njk', { title: `Looked after: ${care.name}`, care, orders });
  });

  const startEpisodeView = (reply: FastifyReply, child: { childId: string; name: string }, values: FormValues, problems: Record<string, string>) =>
    reply.view('lookedAfter/views/startEpisode.njk', { title: 'Start a looked after episode', form: presentStartEpisodeForm(child, values, problems) });
  app.get(paths.care.startEpisode.pattern, record, async (request, reply) => {
    const { history } = await careOf(request);
    return startEpisodeView(reply, history, {}, {});
  });
  app.post(paths.care.startEpisode.pattern, record, async (request, reply) => {
    const { history } = await careOf(request);
    const form = readStartEpisode(request.body);
    if (!form.data) return startEpisodeView(reply, history, form.values, form.problems);
    const result = await lookedAfter.startEpisode(request.user!, history.childId, form.data);
    return answer(request, reply, history.childId, result, 'Looked after episode started', (problems) => startEpisodeView(reply, history, form.values, problems));
  });

  const endEpisodeView = (reply: FastifyReply, child: { childId: string; name: string }, values: FormValues, problems: Record<string, string>) =>
    reply.view('lookedAfter/views/endEpisode.njk', { title: 'End the looked after episode', form: presentEndEpisodeForm(child, values, problems) });
  app.get(paths.care.endEpisode.pattern, record, async (request, reply) => {
    const { history } = await careOf(request);
    return endEpisodeView(reply, history, {}, {});
  });
  app.post(paths.care.endEpisode.pattern, record, async (request, reply) => {
    const { history } = await careOf(request);
    const form = readEndEpisode(request.body);
    if (!form.data) return endEpisodeView(reply, history, form.values, form.problems);
    const result = await lookedAfter.endEpisode(request.user!, history.childId, form.data);
    return answer(request, reply, history.childId, result, 'Looked after episode ended', (problems) => endEpisodeView(reply, history, form.values, problems));
  });

  for (const moving of [false, true]) {
    const url = moving ? paths.care.move.pattern : paths.care.place.pattern;
    const title = moving ? 'Move to a new placement' : 'Place the child';
    app.get(url, record, async (request, reply) => {
      const { history, providers, homes } = await careOf(request);
      return reply.view('lookedAfter/views/placement.njk', { title, form: presentPlacementForm(history, moving, providers, {}, {}, homes) });
    });
    app.post(url, record, async (request, reply) => {
      const { history, providers, homes } = await careOf(request);
      const form = readPlacement(request.body, moving);
      const showAgain = (problems: Record<string, string>) =>
        reply.view('lookedAfter/views/placement.njk', { title, form: presentPlacementForm(history, moving, providers, form.values, problems, homes) });
      if (!form.data) return showAgain(form.problems);
      const result = moving
        ? await lookedAfter.move(request.user!, history.childId, form.data.details, form.data.moveReason)
        : await lookedAfter.place(request.user!, history.childId, form.data.details);
      return answer(request, reply, history.childId, result, moving ? 'Move recorded' : 'Placement recorded', showAgain);
    });
  }

  const endPlacementView = (reply: FastifyReply, child: { childId: string; name: string }, values: FormValues, problems: Record<string, string>) =>
    reply.view('lookedAfter/views/endPlacement.njk', { title: 'End the placement', form: presentEndPlacementForm(child, values, problems) });
  app.get(paths.care.endPlacement.pattern, record, async (request, reply) => {
    const { history } = await careOf(request);
    return endPlacementView(reply, history, {}, {});
  });
  app.post(paths.care.endPlacement.pattern, record, async (request, reply) => {
    const { history } = await careOf(request);
    const form = readEndPlacement(request.body);
    if (!form.data) return endPlacementView(reply, history, form.values, form.problems);
    const result = await lookedAfter.endPlacement(request.user!, history.childId, form.data);
    return answer(request, reply, history.childId, result, 'Placement ended', (problems) => endPlacementView(reply, history, form.values, problems));
  });

  // Correcting a placement: an amendment with a reason, merged field by field if someone else corrected it meanwhile.
  const placementLabels: Record<string, string> = {
    placementType: 'Type of placement', homeId: 'Provider’s home', costOverrideReason: 'Why the cost is not the home’s rate', providerId: 'Provider', outOfAuthority: 'Outside the council’s area', weeklyCost: 'Weekly cost',
    'startDate-day': 'Start day', 'startDate-month': 'Start month', 'startDate-year': 'Start year', 'endDate-day': 'End day', 'endDate-month': 'End month', 'endDate-year': 'End year',
  };
  async function placementOf(request: FastifyRequest) {
    const care = await careOf(request);
    const { placementId } = request.params as { placementId?: string };
    const placement = care.history.placements.find((p) => p.placementId === placementId);
    if (!placement) throw new HttpError(404, 'There is no such placement for this child');
    return { ...care, placement };
  }
  app.get(paths.care.correctPlacement.pattern, record, async (request, reply) => {
    const { history, providers, placement, homes } = await placementOf(request);
    const values = { ...placementValues(placement), ...startedFrom({ version: placement.version, values: placementValues(placement) }) };
    return reply.view('lookedAfter/views/placement.njk', { title: 'Correct a placement', form: presentCorrectionForm(history, placement, providers, values, {}, [], homes) });
  });
  app.post(paths.care.correctPlacement.pattern, record, async (request, reply) => {
    const { history, providers, placement, homes } = await placementOf(request);
    const now = { version: placement.version, values: placementValues(placement) };
    const settled = reconcile(postedValues(request.body), placementLabels, now);
    const values = { ...settled.values, ...startedFrom(now) };
    const showAgain = (problems: Record<string, string>, clashes: Clash[] = []) => {
      if (clashes.length) reply.code(409);
      return reply.view('lookedAfter/views/placement.njk', { title: 'Correct a placement', form: presentCorrectionForm(history, placement, providers, values, problems, clashes, homes) });
    };
    if (settled.outcome === 'clash') return showAgain({}, settled.clashes);
    const form = readCorrection(values, placement.endDate !== null);
    if (!form.data) return showAgain(form.problems);
    const result = await lookedAfter.correctPlacement(request.user!, history.childId, placement.placementId, form.data.details, form.data.reason, placement.version);
    return answer(request, reply, history.childId, result, mergedNotice('Placement corrected', settled.outcome === 'merged' ? settled.theirs : []), showAgain);
  });

  // Correcting an episode, like a placement; withdrawing one recorded in error asks first (platform/forms/confirmation.ts).
  const episodeLabels: Record<string, string> = {
    legalReason: 'Legal reason', reasonEnded: 'Why the episode ended',
    'startDate-day': 'Start day', 'startDate-month': 'Start month', 'startDate-year': 'Start year', 'endDate-day': 'End day', 'endDate-month': 'End month', 'endDate-year': 'End year',
  };
  async function episodeOf(request: FastifyRequest) {
    const care = await careOf(request);
    const { episodeId } = request.params as { episodeId?: string };
    const episode = care.history.episodes.find((e) => e.episodeId === episodeId);
    if (!episode) throw new HttpError(404, 'There is no such looked after episode for this child');
    return { ...care, episode };
  }
  app.get(paths.care.correctEpisode.pattern, record, async (request, reply) => {
    const { history, episode } = await episodeOf(request);
    const values = { ...episodeValues(episode), ...startedFrom({ version: episode.version, values: episodeValues(episode) }) };
    return reply.view('lookedAfter/views/correctEpisode.njk', { title: 'Correct a looked after episode', form: presentEpisodeCorrectionForm(history, episode, values, {}) });
  });
  app.post(paths.care.correctEpisode.pattern, record, async (request, reply) => {
    const { history, episode } = await episodeOf(request);
    const now = { version: episode.version, values: episodeValues(episode) };
    const settled = reconcile(postedValues(request.body), episodeLabels, now);
    const values = { ...settled.values, ...startedFrom(now) };
    const showAgain = (problems: Record<string, string>, clashes: Clash[] = []) => {
      if (clashes.length) reply.code(409);
      return reply.view('lookedAfter/views/correctEpisode.njk', { title: 'Correct a looked after episode', form: presentEpisodeCorrectionForm(history, episode, values, problems, clashes) });
    };
    if (settled.outcome === 'clash') return showAgain({}, settled.clashes);
    const form = readEpisodeCorrection(values, episode.endDate !== null);
    if (!form.data) return showAgain(form.problems);
    const result = await lookedAfter.correctEpisode(request.user!, history.childId, episode.episodeId, form.data.details, form.data.reason, episode.version);
    return answer(request, reply, history.childId, result, mergedNotice('Looked after episode corrected', settled.outcome === 'merged' ? settled.theirs : []), showAgain);
  });

  app.get(paths.care.withdrawEpisode.pattern, record, async (request, reply) => {
    const { history, episode } = await episodeOf(request);
    const placements = history.placements.filter((p) => p.episodeId === episode.episodeId).length;
    return reply.view('lookedAfter/views/withdrawEpisode.njk', { title: 'Withdraw a looked after episode', form: presentWithdrawForm(history, episode, placements, {}, {}) });
  });
  app.post(paths.care.withdrawEpisode.pattern, record, async (request, reply) => {
    const { history, episode } = await episodeOf(request);
    const placements = history.placements.filter((p) => p.episodeId === episode.episodeId).length;
    const form = readWithdrawal(request.body);
    const showAgain = (problems: Record<string, string>) =>
      reply.view('lookedAfter/views/withdrawEpisode.njk', { title: 'Withdraw a looked after episode', form: presentWithdrawForm(history, episode, placements, form.values, problems) });
    if (!form.data) return showAgain(form.problems);
    const action = paths.care.withdrawEpisode({ childId: history.childId, episodeId: episode.episodeId });
    if (!confirmed(request.body)) {
      return askToConfirm(reply, {
        question: 'Withdraw this looked after episode?',
        details: [`${history.name}: looked after ${periodOf(episode.startDate, episode.endDate)}.`, `Why: ${form.data.reason}`],
        consequence: 'The episode and its placements leave the child’s record and every figure. What they said stays in the child’s history, with your reason.',
        action, confirmText: 'Yes, withdraw it', backHref: paths.care.child({ childId: history.childId }), fields: fieldsToRepost(request.body),
      });
    }
    const result = await lookedAfter.withdrawEpisode(request.user!, history.childId, episode.episodeId, form.data.reason);
    return answer(request, reply, history.childId, result, 'Looked after episode withdrawn', showAgain);
  });
}
