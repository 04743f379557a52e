/**
 * @module The public page a single-use survey link opens: no account, rate-limited per address, CSRF-checked like the
 * sign-in form. A used, unknown or closed-wave link gets one kind page that does not say which it was.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { paths } from '../../platform/http/paths.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import { readAnswers } from './surveyForms.js';
import { looksLikeToken } from './surveyLinks.js';
import { presentResponseForm } from './surveyPresenter.js';
import type { SurveyForm } from './surveyService.js';
import type { SurveyService } from './surveyService.js';

/** What respondentRoutes needs from the composition root. */
export interface RespondentRoutesNeeds {
  surveys: SurveyService;
}

/** Generous enough for a team answering a staff survey from one office address at once. */
export const respondentRateLimit = { max: 60, timeWindow: '1 minute' } as const;

export async function respondentRoutes(app: FastifyInstance, services: RespondentRoutesNeeds): Promise<void> {
  const respondent = { config: { access: { public: true as const }, rateLimit: respondentRateLimit } };

  // The same page, the same status, whether the link was used, never existed or its wave has closed.
  const unavailable = (reply: FastifyReply) =>
    reply.code(404).header('cache-control', 'no-store').view('surveys/views/unavailable.njk', { title: 'This survey link cannot be used' });

  const tokenOf = (request: FastifyRequest) => (request.params as { token?: unknown }).token;

  const formView = (reply: FastifyReply, token: string, form: SurveyForm, values: FormValues, problems: Record<string, string>) => {
    const page = presentResponseForm(form, paths.surveys.respond({ token }), values, problems);
    // The token is in the address: keep the page out of caches and send no referrer anywhere.
    return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer')
      .view('surveys/views/respond.njk', { title: page.title, page, errors: page.errors });
  };

  app.get(paths.surveys.thanks.pattern, respondent, async (_request, reply) => reply.view('surveys/views/thanks.njk', { title: 'Thank you' }));

  app.get(paths.surveys.respond.pattern, respondent, async (request, reply) => {
    const token = tokenOf(request);
    const form = looksLikeToken(token) ? await services.surveys.formFor(token) : undefined;
    if (!looksLikeToken(token) || !form) return unavailable(reply);
    return formView(reply, token, form, {}, {});
  });

  app.post(paths.surveys.respond.pattern, respondent, async (request, reply) => {
    const token = tokenOf(request);
    const form = looksLikeToken(token) ? await services.surveys.formFor(token) : undefined;
    if (!looksLikeToken(token) || !form) return unavailable(reply);
    const answers = readAnswers(form.questions, request.body);
    if (!answers.data) return formView(reply, token, form, answers.values, answers.problems);
    if ((await services.surveys.respond(token, answers.data)) === 'not_available') return unavailable(reply);
    return reply.redirect(paths.surveys.thanks(), 303);
  });
}
