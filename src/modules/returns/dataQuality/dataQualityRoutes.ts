/**
 * @module Thin handlers for the data quality page (`dataQuality:view`): the issues filtered, "check now", the counts
 * over time, the list of "checked, correct" marks; marking a query and withdrawing a mark (`dataQuality:mark`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { paths } from '../../../platform/http/paths.js';
import { HttpError } from '../../../platform/http/httpError.js';
import { todayIso } from '../../../platform/dates/isoDates.js';
import { tellNextPage } from '../../../platform/http/flash.js';
import { fieldErrors, type FieldErrors } from '../../../platform/forms/fieldErrors.js';
import { presentErrors } from '../../../platform/forms/errorSummary.js';
import { formValues, type FormValues } from '../../../platform/forms/formValues.js';
import { askToConfirm, confirmed, fieldsToRepost } from '../../../platform/forms/confirmation.js';
import { may } from '../../../platform/access/access.js';
import type { DataQualityService } from './dataQualityService.js';
import { readIssueQuery } from './dataQualityFilters.js';
import { presentHistory, presentIssues, presentMarks } from './dataQualityPresenter.js';

/** What dataQualityRoutes needs from the composition root. */
export interface DataQualityRoutesNeeds {
  dataQuality: DataQualityService;
}

const markQuery = z.object({ code: z.string().regex(/^[A-Z]\d{3}$/), table: z.string().regex(/^[a-zA-Z]{1,30}$/), record: z.string().min(1).max(100) });
const markForm = z.object({
  reason: z.string().trim().min(1, 'Enter why the record is correct').max(1000, 'The reason must be 1,000 characters or fewer'),
});
const markParams = z.object({ markId: z.coerce.number().int().positive() });

/** @example await dataQualityRoutes(app, services) */
export async function dataQualityRoutes(app: FastifyInstance, services: DataQualityRoutesNeeds): Promise<void> {
  const view = { config: { access: { permission: 'dataQuality:view' as const } } };
  const mark = { config: { access: { permission: 'dataQuality:mark' as const } } };
  const { dataQuality } = services;

  app.get(paths.dataQuality.issues.pattern, view, async (request, reply) => {
    const today = todayIso();
    const { year, filters, page } = readIssueQuery(request.query, today);
    const issues = await dataQuality.issues(request.user!, filters, { year, today, page });
    const history = await dataQuality.history(year);
    reply.header('cache-control', 'no-store');
    return reply.view('returns/views/dataQuality.njk', {
      title: 'Data quality', page: presentIssues(issues, year, filters, today), history: presentHistory(history), canMark: may(request.user, 'dataQuality:mark'), canBuildReturns: may(request.user, 'returns:build'),
    });
  });

  app.post(paths.dataQuality.checkNow.pattern, view, async (request, reply) => {
    const { year } = readIssueQuery(request.body, todayIso());
    const run = await dataQuality.checkNow({ year });
    const errors = run.findings.filter((finding) => finding.kind === 'error').length;
    tellNextPage(request, `Checked ${run.year} just now: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${run.findings.length - errors} ${run.findings.length - errors === 1 ? 'query' : 'queries'}`);
    return reply.redirect(paths.dataQuality.issues({ year }), 303);
  });

  async function showMarkForm(request: FastifyRequest, reply: FastifyReply, values: FormValues, errors: FieldErrors = {}) {
    const query = markQuery.safeParse(request.query);
    if (!query.success) throw new HttpError(404, 'There is no such query');
    const { year } = readIssueQuery(request.query, todayIso());
    const issue = await dataQuality.markable(request.user!, { code: query.data.code, table: query.data.table, recordId: query.data.record }, { year });
    if (!issue) {
      throw new HttpError(404, 'This query is not raised for that record now: it may have been corrected or marked already. Go back to the data quality page.');
    }
    if (Object.keys(errors).length) reply.code(422);
    reply.header('cache-control', 'no-store');
    return reply.view('returns/views/markChecked.njk', {
      title: 'Mark a query checked, correct', issue, values, ...presentErrors(errors, ['reason']), backHref: paths.dataQuality.issues({ year }), action: request.url,
    });
  }

  app.get(paths.dataQuality.markChecked.pattern, mark, async (request, reply) => showMarkForm(request, reply, { reason: '' }));

  app.post(paths.dataQuality.markChecked.pattern, mark, async (request, reply) => {
    const values = formValues(request.body, ['reason']);
    const parsed = markForm.safeParse(values);
    if (!parsed.success) return showMarkForm(request, reply, values, fieldErrors(parsed.error.issues));
    const query = markQuery.safeParse(request.query);
    if (!query.success) throw new HttpError(404, 'There is no such query');
    const { year } = readIssueQuery(request.query, todayIso());
    const outcome = await dataQuality.markChecked(request.user!, { code: query.data.code, table: query.data.table, recordId: query.data.record, reason: parsed.data.reason }, { year });
    if (outcome === 'not_raised') return showMarkForm(request, reply, values);
    tellNextPage(request, `${query.data.code} marked checked, correct: it stays hidden while the record is unchanged`);
    return reply.redirect(paths.dataQuality.issues({ year }), 303);
  });

  app.get(paths.dataQuality.checked.pattern, view, async (request, reply) => {
    const marks = await dataQuality.marks(request.user!);
    reply.header('cache-control', 'no-store');
    return reply.view('returns/views/checkedMarks.njk', { title: 'Queries marked checked, correct', marks: presentMarks(marks), backHref: paths.dataQuality.issues(), canMark: may(request.user, 'dataQuality:mark') });
  });

  app.post(paths.dataQuality.withdrawMark.pattern, mark, async (request, reply) => {
    const params = markParams.safeParse(request.params);
    if (!params.success) throw new HttpError(404, 'There is no such mark');
    const found = await dataQuality.mark(params.data.markId);
    if (!found || found.withdrawnAt) throw new HttpError(404, 'There is no such mark, or it has been withdrawn already');
    if (!confirmed(request.body)) {
      return askToConfirm(reply, {
        question: `Withdraw the “checked, correct” mark on ${found.code}?`,
        details: [`${found.code} on ${found.table} ${found.recordId}, marked by ${found.markedByName}: ${found.reason}`],
        consequence: 'The query shows on the data quality page again until the record is corrected or marked again.',
        action: request.url, confirmText: 'Yes, withdraw the mark', backHref: paths.dataQuality.checked(), fields: fieldsToRepost(request.body),
      });
    }
    await dataQuality.withdrawMark(request.user!, params.data.markId);
    tellNextPage(request, `Mark on ${found.code} withdrawn: the query shows again`);
    return reply.redirect(paths.dataQuality.checked(), 303);
  });
}
