/** @module Thin handlers for caseloads: my work (cases, overdue visits and tasks), adding and completing tasks, and a team's caseloads by worker. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../platform/http/httpError.js';
import { paths } from '../../platform/http/paths.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { fieldErrors } from '../../platform/forms/fieldErrors.js';
import { postedValues, type FormValues } from '../../platform/forms/formValues.js';
import { readDateField } from '../../platform/forms/dates.js';
import { taskKinds } from './caseload.js';
import { presentMyWork, presentTeamCaseloads } from './caseloadPresenter.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import type { CaseloadService } from './caseloadService.js';
import { tellNextPage } from '../../platform/http/flash.js';

/** What caseloadRoutes needs from the composition root. */
export interface CaseloadRoutesNeeds {
  caseloads: CaseloadService;
}

const taskForm = z.object({
  caseId: z.string().trim().min(1, 'Choose the case'),
  kind: z.enum(taskKinds, { error: 'Select visit or task' }),
  description: z.string().trim().min(1, 'Enter what needs doing').max(500, 'What needs doing must be 500 characters or fewer'),
});
const taskParams = z.object({ taskId: z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/) });

/** @example await caseloadRoutes(app, services) */
export async function caseloadRoutes(app: FastifyInstance, services: CaseloadRoutesNeeds): Promise<void> {
  const own = { config: { access: { permission: 'caseload:own' as const } } };

  async function showMine(request: FastifyRequest, reply: FastifyReply, values: FormValues = {}, errors: FieldErrors = {}) {
    const work = await services.caseloads.caseloadPage(request.user!, todayIso());
    reply.header('cache-control', 'no-store');
    if (Object.keys(errors).length) reply.code(422);
    return reply.view('caseloads/views/mine.njk', { title: 'My work', work: presentMyWork(work, todayIso(), values, errors) });
  }

  app.get(paths.caseloads.mine.pattern, own, async (request, reply) => showMine(request, reply));

  app.post(paths.caseloads.addTask.pattern, own, async (request, reply) => {
    const body = postedValues(request.body);
    const parsed = taskForm.safeParse(body);
    const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
    const dueDate = readDateField(body, 'due', 'Due date', errors);
    if (!parsed.success || !dueDate || Object.keys(errors).length) return showMine(request, reply, body, errors);
    const result = await services.caseloads.addTask(request.user!, { ...parsed.data, dueDate });
    if (result === 'not_found' || result === 'forbidden') return showMine(request, reply, body, { caseId: 'Choose one of your open cases' });
    tellNextPage(request, 'Task added');
    return reply.redirect(paths.caseloads.mine(), 303);
  });

  app.post(paths.caseloads.completeTask.pattern, own, async (request, reply) => {
    const params = taskParams.safeParse(request.params);
    if (!params.success) throw new HttpError(404, 'There is no such task');
    const result = await services.caseloads.completeTask(request.user!, params.data.taskId, todayIso());
    if (result === 'not_found') throw new HttpError(404, 'There is no such task');
    if (result === 'forbidden') throw new HttpError(403, "This task is not on your caseload or your team's.");
    tellNextPage(request, 'Task marked as done');
    return reply.redirect(paths.caseloads.mine(), 303);
  });

  app.get(paths.caseloads.team.pattern, { config: { access: { permission: 'caseload:team' as const } } }, async (request, reply) => {
    const result = await services.caseloads.byWorker(request.user!, todayIso());
    if (!result) throw new HttpError(403, 'You need to be in a team to see its caseloads');
    return reply.view('caseloads/views/team.njk', { title: 'Caseloads by worker', caseloads: presentTeamCaseloads(result) });
  });
}
