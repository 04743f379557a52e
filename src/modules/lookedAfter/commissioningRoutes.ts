/** @module Thin handlers for the commissioning page and the providers pages (team and service managers). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { readDateInput } from '../../platform/forms/dates.js';
import { fieldErrors } from '../../platform/forms/fieldErrors.js';
import { formValues, readForm } from '../../platform/forms/formValues.js';
import { HttpError } from '../../platform/http/httpError.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import { presentCommissioning, presentHomeForm, presentProviderForm, presentProviders, presentRateForm } from './commissioningPresenter.js';
import { presentReviewsDue } from '../scra/supervisionOrderPanels.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { requiredMoney } from '../../platform/forms/money.js';
import type { SupervisionOrderService } from '../scra/supervisionOrderService.js';
import type { CommissioningService } from './commissioningService.js';

/** What commissioningRoutes needs from the composition root. */
export interface CommissioningRoutesNeeds {
  commissioning: CommissioningService;
  supervisionOrders: SupervisionOrderService;
}

const providerForm = z.object({
  name: z.string().trim().min(1, 'Enter the provider’s name').max(200, 'Name must be 200 characters or fewer'),
  providerType: z.enum(['local_authority', 'voluntary', 'private', 'other_authority'], { error: 'Select the kind of provider' }),
});
const homeForm = z.object({
  providerId: z.string().trim().min(1, 'Select a provider'),
  homeName: z.string().trim().min(1, 'Enter the home’s name').max(200, 'Name must be 200 characters or fewer'),
  outOfAuthority: z.enum(['yes', 'no'], { error: 'Select whether the home is outside the council’s area' }).transform((v) => v === 'yes'),
  weeklyRate: requiredMoney('Weekly rate'),
});

/**
 * `/care` (the managers' hub, with the supervision order reviews due), `/commissioning` and `/providers` (with their forms), for `commissioning:view`.
 * @example await commissioningRoutes(app, services)
 */
export async function commissioningRoutes(app: FastifyInstance, services: CommissioningRoutesNeeds): Promise<void> {
  const access = { config: { access: { permission: 'commissioning:view' as const } } };
  const manage = { config: { access: { permission: 'commissioning:manage' as const } } };

  app.get(paths.care.hub.pattern, { config: { access: { permission: 'resources:view' as const } } }, async (request, reply) => {
    const today = todayIso();
    const reviewsDue = presentReviewsDue(await services.supervisionOrders.reviewsDue(request.user!, today), today);
    reply.header('cache-control', 'no-store');
    return reply.view('lookedAfter/views/hub.njk', { title: 'Protection and care', reviewsDue });
  });

  app.get(paths.care.commissioning.pattern, access, async (request, reply) => {
    const values = formValues(request.query, [], ['date']);
    const read = readDateInput('Date', values['date-day'], values['date-month'], values['date-year']);
    const date = read.date ?? todayIso();
    const view = presentCommissioning(await services.commissioning.view(request.user!, date));
    reply.header('cache-control', 'no-store');
    return reply.view('lookedAfter/views/commissioning.njk', {
      title: 'External and out of authority placements', view, values, errors: read.error ? { date: read.error } : {},
      errorList: read.error ? [{ text: read.error, href: '#date-day' }] : [],
    });
  });

  app.get(paths.care.providers.pattern, access, async (request, reply) => {
    return reply.view('lookedAfter/views/providers.njk', { title: 'Providers', providers: presentProviders(await services.commissioning.providers(), todayIso()) });
  });

  app.get(paths.care.newProvider.pattern, manage, async (_request, reply) =>
    reply.view('lookedAfter/views/newProvider.njk', { title: 'Add a provider', form: presentProviderForm({}, {}) }));
  app.post(paths.care.newProvider.pattern, manage, async (request, reply) => {
    const values = formValues(request.body, ['name', 'providerType']);
    const parsed = providerForm.safeParse(values);
    let problems = parsed.success ? {} : fieldErrors(parsed.error.issues);
    if (parsed.success) {
      const result = await services.commissioning.addProvider({ kind: 'user', user: request.user! }, parsed.data);
      if (result.outcome === 'done') {
        tellNextPage(request, `${parsed.data.name} added`);
        return reply.redirect(paths.care.providers(), 303);
      }
      problems = result.problems;
    }
    return reply.view('lookedAfter/views/newProvider.njk', { title: 'Add a provider', form: presentProviderForm(values, problems) });
  });

  app.get(paths.care.newHome.pattern, manage, async (_request, reply) =>
    reply.view('lookedAfter/views/newHome.njk', { title: 'Add a home and its weekly rate', form: presentHomeForm(await services.commissioning.providers(), {}, {}) }));
  app.post(paths.care.newHome.pattern, manage, async (request, reply) => {
    const values = formValues(request.body, ['providerId', 'homeName', 'outOfAuthority', 'weeklyRate'], ['rateFrom']);
    const parsed = homeForm.safeParse(values);
    const rateFrom = readDateInput('The date the rate applies from', values['rateFrom-day'], values['rateFrom-month'], values['rateFrom-year']);
    let problems: Record<string, string> = { ...(parsed.success ? {} : fieldErrors(parsed.error.issues)), ...(rateFrom.error ? { rateFrom: rateFrom.error } : {}) };
    if (parsed.success && !rateFrom.error) {
      const { providerId, homeName, outOfAuthority, weeklyRate } = parsed.data;
      const result = await services.commissioning.addHome({ kind: 'user', user: request.user! }, { providerId, name: homeName, outOfAuthority, weeklyRate, ...(rateFrom.date ? { rateFrom: rateFrom.date } : {}) });
      if (result.outcome === 'done') {
        tellNextPage(request, `${homeName} added`);
        return reply.redirect(paths.care.providers(), 303);
      }
      problems = result.problems;
    }
    return reply.view('lookedAfter/views/newHome.njk', { title: 'Add a home and its weekly rate', form: presentHomeForm(await services.commissioning.providers(), values, problems) });
  });

  // A home's new rate from a date: the old rates stay, for placements that began under them.
  const rateForm = z.object({ weeklyRate: requiredMoney('Weekly rate') });
  const homeIdOf = (params: unknown) => z.object({ homeId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/) }).safeParse(params);
  async function homeNamed(params: unknown): Promise<{ homeId: string; name: string }> {
    const read = homeIdOf(params);
    const home = read.success ? (await services.commissioning.providers()).flatMap((p) => p.homes).find((h) => h.homeId === read.data.homeId) : undefined;
    if (!home) throw new HttpError(404, 'There is no such home');
    return home;
  }
  app.get(paths.care.newRate.pattern, manage, async (request, reply) => {
    const home = await homeNamed(request.params);
    return reply.view('lookedAfter/views/newRate.njk', { title: `Add a weekly rate for ${home.name}`, action: paths.care.newRate({ homeId: home.homeId }), form: presentRateForm(home.name, {}, {}) });
  });
  app.post(paths.care.newRate.pattern, manage, async (request, reply) => {
    const home = await homeNamed(request.params);
    const values = formValues(request.body, ['weeklyRate'], ['fromDate']);
    const read = readForm(values, rateForm, { fromDate: 'The date the rate applies from' });
    let problems = read.problems;
    if (read.data) {
      const result = await services.commissioning.addRate({ kind: 'user', user: request.user! }, home.homeId, { fromDate: read.data.fromDate!, weeklyRate: read.data.weeklyRate });
      if (result.outcome === 'not_found') throw new HttpError(404, 'There is no such home');
      if (result.outcome === 'done') {
        tellNextPage(request, `New rate for ${home.name} added`);
        return reply.redirect(paths.care.providers(), 303);
      }
      problems = result.problems;
    }
    return reply.view('lookedAfter/views/newRate.njk', { title: `Add a weekly rate for ${home.name}`, action: paths.care.newRate({ homeId: home.homeId }), form: presentRateForm(home.name, values, problems) });
  });
}
