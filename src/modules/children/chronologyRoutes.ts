/** @module Thin handlers for a child's chronology and adding a significant event to it. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../platform/http/httpError.js';
import { paths } from '../../platform/http/paths.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { fieldErrors } from '../../platform/forms/fieldErrors.js';
import { postedValues, type FormValues } from '../../platform/forms/formValues.js';
import { readDateField } from '../../platform/forms/dates.js';
import { presentChronology } from './chronologyPresenter.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import type { ChronologyService } from './chronologyService.js';
import { tellNextPage } from '../../platform/http/flash.js';

/** What chronologyRoutes needs from the composition root. */
export interface ChronologyRoutesNeeds {
  chronology: ChronologyService;
}

const childParams = z.object({ childId: z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/) });
const eventForm = z.object({
  title: z.string().trim().min(1, 'Enter what happened').max(200, 'What happened must be 200 characters or fewer'),
  details: z.string().trim().max(4000, 'Details must be 4000 characters or fewer').transform((v) => v || null),
});
const refused = () => new HttpError(403, "This child is not on your caseload or your team's. Ask your team manager if you need to see this record.");

/** @example await chronologyRoutes(app, services) */
export async function chronologyRoutes(app: FastifyInstance, services: ChronologyRoutesNeeds): Promise<void> {
  const access = { config: { access: { permission: 'child:view' as const } } };
  const write = { config: { access: { permission: 'child:record' as const } } };

  function childIdOf(request: FastifyRequest): string {
    const params = childParams.safeParse(request.params);
    if (!params.success) throw new HttpError(404, 'There is no child with that id');
    return params.data.childId;
  }

  async function show(request: FastifyRequest, reply: FastifyReply, values: FormValues = {}, errors: FieldErrors = {}) {
    const childId = childIdOf(request);
    const view = await services.chronology.view(request.user!, childId);
    if (view.outcome !== 'shown') throw view.outcome === 'not_found' ? new HttpError(404, 'There is no child with that id') : refused();
    const chronology = presentChronology(view.name, childId, view.entries, values, errors);
    reply.header('cache-control', 'no-store');
    if (Object.keys(errors).length) reply.code(422);
    return reply.view('children/views/chronology.njk', { title: chronology.heading, chronology });
  }

  app.get(paths.children.chronology.pattern, access, async (request, reply) => show(request, reply));

  app.post(paths.children.chronology.pattern, write, async (request, reply) => {
    const body = postedValues(request.body);
    const parsed = eventForm.safeParse(body);
    const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
    const eventDate = readDateField(body, 'event', 'Date of the event', errors, todayIso());
    if (!parsed.success || !eventDate || Object.keys(errors).length) return show(request, reply, body, errors);
    const childId = childIdOf(request);
    const result = await services.chronology.addSignificantEvent(request.user!, childId, { eventDate, ...parsed.data });
    if (result === 'not_found') throw new HttpError(404, 'There is no child with that id');
    if (result === 'forbidden') throw refused();
    tellNextPage(request, 'Significant event added to the chronology');
    return reply.redirect(paths.children.chronology({ childId }), 303);
  });
}
