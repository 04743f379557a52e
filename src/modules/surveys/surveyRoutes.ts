/**
 * @module Thin handlers for surveys: the quality lead's pages (build, open and close waves, issue links), results
 * and comparisons for `quality:view`, and the public page a single-use link opens (no account, rate-limited, CSRF-checked).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { HttpError } from '../../platform/http/httpError.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { may } from '../../platform/access/access.js';
import type { FormValues } from '../../platform/forms/formValues.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';
import type { SignedInUser } from '../../platform/access/user.js';
import { questionValues, readLinkCount, readQuestion, readSurvey, readWaveDates, readWaveName } from './surveyForms.js';
import { askToConfirm, confirmed, fieldsToRepost } from '../../platform/forms/confirmation.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { linksCsv } from './surveyLinks.js';
import { compareChoices, presentComparison, presentQuestionForm, presentResults, presentSurvey, presentSurveyForm, presentSurveyList, waveDateValues } from './surveyPresenter.js';
import { respondentRoutes } from './respondentRoutes.js';
import type { SurveyService } from './surveyService.js';

/** What surveyRoutes needs from the composition root. */
export interface SurveyRoutesNeeds {
  surveys: SurveyService;
}

const idParam = z.coerce.number().int().min(1).max(2_147_483_647);

/** The numeric id `name` in the route's parameters, or a 404. */
function idOf(request: FastifyRequest, name: string): number {
  const parsed = idParam.safeParse((request.params as Record<string, unknown>)[name]);
  if (!parsed.success) throw new HttpError(404, 'Page not found');
  return parsed.data;
}

const actor = (request: FastifyRequest) => ({ kind: 'user', user: request.user! }) as const;
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/**
 * `/surveys…` for staff and `/survey/:token` for respondents.
 * @example await surveyRoutes(app, services)
 */
export async function surveyRoutes(app: FastifyInstance, services: SurveyRoutesNeeds): Promise<void> {
  const view = { config: { access: { permission: 'quality:view' as const } } };
  const lead = { config: { access: { permission: 'quality:lead' as const } } };
  const { surveys } = services;
  const canLead = (user: SignedInUser) => may(user, 'quality:lead');

  app.get(paths.surveys.list.pattern, view, async (request, reply) => {
    return reply.view('surveys/views/list.njk', {
      title: 'Surveys', surveys: presentSurveyList(await surveys.list(actor(request))), canLead: canLead(request.user!),
    });
  });

  const newSurveyView = (reply: FastifyReply, values: FormValues, problems: Record<string, string>) =>
    reply.view('surveys/views/new.njk', { title: 'Build a survey', ...presentSurveyForm(values, problems) });
  app.get(paths.surveys.new.pattern, lead, async (_request, reply) => newSurveyView(reply, {}, {}));
  app.post(paths.surveys.new.pattern, lead, async (request, reply) => {
    const form = readSurvey(request.body);
    if (!form.data) return newSurveyView(reply, form.values, form.problems);
    const created = await surveys.create(actor(request), form.data);
    if (created.outcome === 'problems') return newSurveyView(reply, form.values, created.problems);
    tellNextPage(request, 'Survey created');
    return reply.redirect(paths.surveys.show({ surveyId: created.surveyId }), 303);
  });

  app.get(paths.surveys.show.pattern, view, async (request, reply) => {
    const survey = await surveys.show(actor(request), idOf(request, 'surveyId'));
    const corrections = await surveys.waveAmendments(actor(request), survey.waves.map((w) => w.waveId));
    noStore(reply);
    return reply.view('surveys/views/show.njk', { title: survey.title, survey: presentSurvey(survey, canLead(request.user!), corrections) });
  });

  const detailsView = async (request: FastifyRequest, reply: FastifyReply, form?: { values: FormValues; problems: Record<string, string> }) => {
    const survey = await surveys.show(actor(request), idOf(request, 'surveyId'));
    const values = form?.values ?? { title: survey.title, audience: survey.audience, intro: survey.intro };
    return reply.view('surveys/views/new.njk', { title: 'Change the survey’s details', ...presentSurveyForm(values, form?.problems ?? {}, survey) });
  };
  app.get(paths.surveys.changeDetails.pattern, lead, async (request, reply) => detailsView(request, reply));
  app.post(paths.surveys.changeDetails.pattern, lead, async (request, reply) => {
    const form = readSurvey(request.body);
    if (!form.data) return detailsView(request, reply, form);
    const surveyId = idOf(request, 'surveyId');
    const changed = await surveys.changeDetails(actor(request), surveyId, form.data);
    if (changed.outcome === 'problems') return detailsView(request, reply, { values: form.values, problems: changed.problems });
    tellNextPage(request, 'Survey details saved');
    return reply.redirect(paths.surveys.show({ surveyId }), 303);
  });

  /** The question form: adding one, or changing the one `questionId` names (prefilled from it unless values were posted). */
  const questionView = async (request: FastifyRequest, reply: FastifyReply, values: FormValues, flags: string[], problems: Record<string, string>, questionId?: number) => {
    const survey = await surveys.show(actor(request), idOf(request, 'surveyId'));
    return reply.view('surveys/views/question.njk', {
      title: questionId === undefined ? 'Add a question' : 'Change a question', fixed: survey.waves.length > 0, form: presentQuestionForm(survey, values, flags, problems, questionId),
    });
  };
  app.get(paths.surveys.changeQuestion.pattern, lead, async (request, reply) => {
    const questionId = idOf(request, 'questionId');
    const question = (await surveys.show(actor(request), idOf(request, 'surveyId'))).questions.find((q) => q.questionId === questionId);
    if (!question) throw new HttpError(404, 'Page not found');
    const { values, flags } = questionValues(question);
    return questionView(request, reply, values, flags, {}, questionId);
  });
  app.post(paths.surveys.changeQuestion.pattern, lead, async (request, reply) => {
    const questionId = idOf(request, 'questionId');
    const form = readQuestion(request.body);
    if (!form.data) return questionView(request, reply, form.values, form.flags, form.problems, questionId);
    const surveyId = idOf(request, 'surveyId');
    await surveys.changeQuestion(actor(request), surveyId, questionId, form.data);
    tellNextPage(request, 'Question changed');
    return reply.redirect(paths.surveys.show({ surveyId }), 303);
  });
  app.get(paths.surveys.newQuestion.pattern, lead, async (request, reply) => questionView(request, reply, { scale: 'agreement' }, [], {}));
  app.post(paths.surveys.newQuestion.pattern, lead, async (request, reply) => {
    const form = readQuestion(request.body);
    if (!form.data) return questionView(request, reply, form.values, form.flags, form.problems);
    const surveyId = idOf(request, 'surveyId');
    await surveys.addQuestion(actor(request), surveyId, form.data);
    tellNextPage(request, 'Question added');
    return reply.redirect(paths.surveys.show({ surveyId }), 303);
  });
  app.post(paths.surveys.removeQuestion.pattern, lead, async (request, reply) => {
    const surveyId = idOf(request, 'surveyId');
    if (!confirmed(request.body)) {
      const survey = await surveys.show(actor(request), surveyId);
      const question = survey.questions.find((q) => q.questionId === idOf(request, 'questionId'));
      if (!question) throw new HttpError(404, 'Page not found');
      return askToConfirm(reply, {
        question: 'Remove this question?', details: [`“${question.text}”`], consequence: `It will no longer be part of the survey ${survey.title}.`,
        action: paths.surveys.removeQuestion({ surveyId, questionId: question.questionId }), confirmText: 'Yes, remove it', backHref: paths.surveys.show(survey),
        fields: fieldsToRepost(request.body),
      });
    }
    await surveys.removeQuestion(actor(request), surveyId, idOf(request, 'questionId'));
    tellNextPage(request, 'Question removed');
    return reply.redirect(paths.surveys.show({ surveyId }), 303);
  });
  app.post(paths.surveys.moveQuestionUp.pattern, lead, async (request, reply) => {
    const surveyId = idOf(request, 'surveyId');
    await surveys.moveQuestionUp(actor(request), surveyId, idOf(request, 'questionId'));
    tellNextPage(request, 'Question moved up');
    return reply.redirect(paths.surveys.show({ surveyId }), 303);
  });

  const waveView = async (request: FastifyRequest, reply: FastifyReply, values: FormValues, problems: Record<string, string>) => {
    const survey = await surveys.show(actor(request), idOf(request, 'surveyId'));
    return reply.view('surveys/views/wave.njk', {
      title: 'Open a wave', survey: { title: survey.title, href: paths.surveys.show(survey) }, action: paths.surveys.newWave(survey),
      values, errors: problems, errorList: errorSummary(problems, ['name']),
    });
  };
  app.get(paths.surveys.newWave.pattern, lead, async (request, reply) => waveView(request, reply, {}, {}));
  app.post(paths.surveys.newWave.pattern, lead, async (request, reply) => {
    const form = readWaveName(request.body);
    if (!form.data) return waveView(request, reply, form.values, form.problems);
    const surveyId = idOf(request, 'surveyId');
    const opened = await surveys.openWave(actor(request), surveyId, form.data.name);
    if (opened.outcome === 'problems') return waveView(request, reply, form.values, opened.problems);
    tellNextPage(request, `Wave ${form.data.name} opened`);
    return reply.redirect(paths.surveys.show({ surveyId }), 303);
  });

  const linksView = async (request: FastifyRequest, reply: FastifyReply, values: FormValues, problems: Record<string, string>) => {
    const { survey, wave } = await surveys.wave(actor(request), idOf(request, 'waveId'));
    if (wave.closedOn) throw new HttpError(409, 'This wave is closed: links can only be issued for an open wave');
    return reply.view('surveys/views/links.njk', {
      title: `Issue links for ${wave.name}`, survey: { title: survey.title, href: paths.surveys.show(survey) }, wave,
      action: paths.surveys.links(wave), values, errors: problems, errorList: errorSummary(problems, ['count']),
    });
  };
  app.get(paths.surveys.links.pattern, lead, async (request, reply) => linksView(request, reply, {}, {}));
  app.post(paths.surveys.links.pattern, lead, async (request, reply) => {
    const form = readLinkCount(request.body);
    if (!form.data) return linksView(request, reply, form.values, form.problems);
    const waveId = idOf(request, 'waveId');
    const tokens = await surveys.issueLinks(actor(request), waveId, form.data.count);
    // The links exist only in this download: Cairn keeps a hash of each token, never the token.
    const origin = `${request.protocol}://${request.host}`;
    return noStore(reply)
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="survey-links-wave-${waveId}.csv"`)
      .send(linksCsv(tokens.map((token) => origin + paths.surveys.respond({ token }))));
  });

  // Closing asks first: the page is the confirmation (platform/forms/confirmation.ts), posted back with confirmed=yes.
  const askToClose = async (request: FastifyRequest, reply: FastifyReply) => {
    const { survey, wave } = await surveys.wave(actor(request), idOf(request, 'waveId'));
    if (wave.closedOn) return reply.redirect(paths.surveys.show(survey), 303);
    return askToConfirm(reply, {
      question: `Close the wave ${wave.name}?`,
      details: [`${survey.title}: ${wave.respondents} ${wave.respondents === 1 ? 'person has' : 'people have'} answered so far, from ${wave.linksIssued} links issued.`],
      consequence: 'Once the wave is closed, nobody else can answer with its links, and it cannot be opened again.',
      action: paths.surveys.close(wave), confirmText: 'Yes, close the wave', backHref: paths.surveys.show(survey), fields: fieldsToRepost(request.body),
    });
  };
  app.get(paths.surveys.close.pattern, lead, askToClose);
  app.post(paths.surveys.close.pattern, lead, async (request, reply) => {
    if (!confirmed(request.body)) return askToClose(request, reply);
    const waveId = idOf(request, 'waveId');
    await surveys.closeWave(actor(request), waveId);
    tellNextPage(request, 'Wave closed');
    return reply.redirect(paths.surveys.results({ waveId }), 303);
  });

  // Correcting a wave's dates: an amendment with a reason.
  const correctWaveView = async (request: FastifyRequest, reply: FastifyReply, values: FormValues | undefined, problems: Record<string, string>) => {
    const { survey, wave } = await surveys.wave(actor(request), idOf(request, 'waveId'));
    return reply.view('surveys/views/correctWave.njk', {
      title: `Correct the dates of ${wave.name}`, survey: { title: survey.title, href: paths.surveys.show(survey) }, closed: wave.closedOn !== null,
      recorded: { opened: longDateOf(wave.opensOn), closed: wave.closedOn ? longDateOf(wave.closedOn) : undefined },
      action: paths.surveys.correctWave(wave), values: values ?? waveDateValues(wave), errors: problems,
      errorList: errorSummary(problems, ['opensOn', 'closedOn', 'reason'], { dates: ['opensOn', 'closedOn'] }),
    });
  };
  app.get(paths.surveys.correctWave.pattern, lead, async (request, reply) => correctWaveView(request, reply, undefined, {}));
  app.post(paths.surveys.correctWave.pattern, lead, async (request, reply) => {
    const waveId = idOf(request, 'waveId');
    const { survey, wave } = await surveys.wave(actor(request), waveId);
    const form = readWaveDates(request.body, wave.closedOn !== null);
    if (!form.data) return correctWaveView(request, reply, form.values, form.problems);
    const corrected = await surveys.correctWaveDates(actor(request), waveId, { opensOn: form.data.opensOn, closedOn: form.data.closedOn }, form.data.reason);
    if (corrected.outcome === 'problems') return correctWaveView(request, reply, form.values, corrected.problems);
    tellNextPage(request, `Dates of ${wave.name} corrected`);
    return reply.redirect(paths.surveys.show(survey), 303);
  });

  app.get(paths.surveys.results.pattern, view, async (request, reply) => {
    const results = await surveys.results(actor(request), idOf(request, 'waveId'));
    noStore(reply);
    return reply.view('surveys/views/results.njk', { title: `Results: ${results.wave.name}`, results: presentResults(results) });
  });

  app.get(paths.surveys.compare.pattern, view, async (request, reply) => {
    const survey = await surveys.show(actor(request), idOf(request, 'surveyId'));
    const query = request.query as { baseline?: unknown; comparator?: unknown };
    const chosen = { baseline: typeof query.baseline === 'string' ? query.baseline : undefined, comparator: typeof query.comparator === 'string' ? query.comparator : undefined };
    const errors: Record<string, string> = {};
    let comparison;
    if (chosen.baseline !== undefined || chosen.comparator !== undefined) {
      const ids = survey.waves.map((w) => String(w.waveId));
      if (!ids.includes(chosen.baseline ?? '')) errors.baseline = 'Select the baseline wave';
      if (!ids.includes(chosen.comparator ?? '')) errors.comparator = 'Select the wave to compare with it';
      else if (chosen.comparator === chosen.baseline) errors.comparator = 'Select a different wave from the baseline';
      if (!Object.keys(errors).length) comparison = presentComparison(await surveys.compareWaves(actor(request), Number(chosen.baseline), Number(chosen.comparator)));
    }
    noStore(reply);
    return reply.view('surveys/views/compare.njk', {
      title: 'Compare two waves', survey: { title: survey.title, href: paths.surveys.show(survey) },
      choices: compareChoices(survey, chosen), comparison, errors, errorList: errorSummary(errors, ['baseline', 'comparator']),
    });
  });

  await respondentRoutes(app, services);
}
