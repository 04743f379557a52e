/** @module Thin handlers for case file audits: rubrics, rounds, allocation, moderation, grading a file and results. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { paths } from '../../platform/http/paths.js';
import { may } from '../../platform/access/access.js';
import { HttpError } from '../../platform/http/httpError.js';
import { formValues, postedValues, type FormValues } from '../../platform/forms/formValues.js';
import type { ReviewPart, Rubric } from './caseFileAudit.js';
import { checked, readGrades, readModerationCount, readRound, readRubric, rubricRows } from './caseFileAuditForms.js';
import {
  presentAllocation, presentFileAuditor, presentFileForAudit, presentHome, presentModeration, presentResults, presentRound, presentRoundForm,
  presentRubric, presentRubricForm, reviewLabels, reviewRecord,
} from './caseFileAuditPresenter.js';
import { mergedNotice, reconcile, startedFrom } from '../../platform/forms/versions.js';
import { tellNextPage } from '../../platform/http/flash.js';
import type { CaseFileAuditService } from './caseFileAuditService.js';

/** What caseFileAuditRoutes needs from the composition root. */
export interface CaseFileAuditRoutesNeeds {
  caseFileAudits: CaseFileAuditService;
}

type Problems = Record<string, string>;
const lead = { config: { access: { permission: 'quality:lead' as const } } };
const auditor = { config: { access: { permission: 'quality:audit' as const } } };
const viewer = { config: { access: { permission: 'quality:view' as const } } };

/** A whole-number id from the URL, or a 404. */
function idParam(request: FastifyRequest, name: string, what: string): number {
  const text = (request.params as Record<string, string | undefined>)[name] ?? '';
  if (!/^\d{1,9}$/.test(text)) throw new HttpError(404, `There is no ${what} with that number`);
  return Number(text);
}
const refused = (outcome: 'not_found' | 'forbidden', what: string): never => {
  if (outcome === 'forbidden') throw new HttpError(403, 'This file is not allocated to you. Ask the quality lead if you should audit it.');
  throw new HttpError(404, `There is no ${what} with that number`);
};

/** The hidden version fields of a form's values. */
const versionOf = (values: FormValues): FormValues => ({ _version: values._version ?? '', _started: values._started ?? '' });

/** @example counted(1, 'file') // '1 file' */
const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** `/case-file-audits/…`: see docs in the README's “Case file audits” section. @example await caseFileAuditRoutes(app, services) */
export async function caseFileAuditRoutes(app: FastifyInstance, services: CaseFileAuditRoutesNeeds): Promise<void> {
  const audits = services.caseFileAudits;

  async function roundOr404(request: FastifyRequest) {
    const round = await audits.round(idParam(request, 'roundId', 'audit round'));
    if (!round) throw new HttpError(404, 'There is no audit round with that number');
    return round;
  }

  app.get(paths.caseFileAudits.home.pattern, viewer, async (request, reply) => {
    const user = request.user!;
    const isLead = may(user, 'quality:lead');
    const isAuditor = may(user, 'quality:audit');
    const [rounds, rubrics, myFiles] = await Promise.all([audits.rounds(), isLead ? audits.rubrics() : [], isAuditor ? audits.myFiles(user) : []]);
    reply.header('cache-control', 'no-store');
    return reply.view('caseFileAudits/views/home.njk', {
      title: 'Case file audits', home: presentHome({ rounds, rubrics, myFiles, userId: user.userId, lead: isLead, auditor: isAuditor }),
    });
  });

  // Rubrics: a new one, one version, and a new version of it.
  const rubricForm = (reply: FastifyReply, base: Rubric | undefined, values: FormValues, problems: Problems) =>
    reply.view('caseFileAudits/views/rubricForm.njk', {
      title: base ? `New version of ${base.name}` : 'Create a rubric', form: presentRubricForm(base, values, problems),
    });
  async function rubricOr404(request: FastifyRequest): Promise<Rubric> {
    const rubric = await audits.rubric(idParam(request, 'rubricId', 'rubric'));
    if (!rubric) throw new HttpError(404, 'There is no rubric with that number');
    return rubric;
  }
  async function saveRubric(request: FastifyRequest, reply: FastifyReply, base: Rubric | undefined) {
    const form = readRubric(request.body, base);
    if (!form.data) return rubricForm(reply, base, form.values, form.problems);
    const saved = await audits.saveRubric(request.user!, { name: form.data.name, basedOn: base?.rubricId, questions: form.data.questions });
    if (saved.outcome === 'problems') return rubricForm(reply, base, form.values, saved.problems);
    if (saved.outcome !== 'saved') return refused(saved.outcome, 'rubric');
    tellNextPage(request, `Saved version ${saved.version}`);
    return reply.redirect(paths.caseFileAudits.rubric(saved), 303);
  }
  app.get(paths.caseFileAudits.newRubric.pattern, lead, async (_request, reply) => rubricForm(reply, undefined, rubricRows(undefined), {}));
  app.post(paths.caseFileAudits.newRubric.pattern, lead, async (request, reply) => saveRubric(request, reply, undefined));
  app.get(paths.caseFileAudits.rubric.pattern, lead, async (request, reply) => {
    const rubric = await rubricOr404(request);
    return reply.view('caseFileAudits/views/rubric.njk', {
      title: `${rubric.name}, version ${rubric.version}`, rubric: presentRubric(rubric, await audits.rubrics()),
    });
  });
  app.get(paths.caseFileAudits.newVersion.pattern, lead, async (request, reply) => {
    const rubric = await rubricOr404(request);
    return rubricForm(reply, rubric, rubricRows(rubric), {});
  });
  app.post(paths.caseFileAudits.newVersion.pattern, lead, async (request, reply) => saveRubric(request, reply, await rubricOr404(request)));

  // Rounds: create (the sample is drawn), see, allocate, moderate.
  const roundForm = async (reply: FastifyReply, values: FormValues, problems: Problems) =>
    reply.view('caseFileAudits/views/newRound.njk', { title: 'Start an audit round', form: presentRoundForm(await audits.rubrics(), values, problems) });
  app.get(paths.caseFileAudits.newRound.pattern, lead, async (_request, reply) => roundForm(reply, { sampleSize: '120', stratified: 'yes' }, {}));
  app.post(paths.caseFileAudits.newRound.pattern, lead, async (request, reply) => {
    const form = readRound(request.body);
    if (!form.data) return roundForm(reply, form.values, form.problems);
    const created = await audits.createRound(request.user!, form.data);
    if (created.outcome === 'problems') return roundForm(reply, form.values, created.problems);
    tellNextPage(request, created.tookAll
      ? `Only ${created.drawn} cases were open in the period, fewer than the sample size, so all of them were taken`
      : `Drew ${counted(created.drawn, 'file')}`);
    return reply.redirect(paths.caseFileAudits.round({ roundId: created.roundId }), 303);
  });

  app.get(paths.caseFileAudits.round.pattern, lead, async (request, reply) => {
    const round = await roundOr404(request);
    reply.header('cache-control', 'no-store');
    return reply.view('caseFileAudits/views/round.njk', { title: round.name, round: presentRound(round, await audits.roundFiles(request.user!, round.roundId)) });
  });

  app.get(paths.caseFileAudits.allocate.pattern, lead, async (request, reply) => {
    const round = await roundOr404(request);
    const auditors = await audits.auditors();
    return reply.view('caseFileAudits/views/allocate.njk', { title: 'Allocate files to auditors', form: presentAllocation(round, auditors, [], {}) });
  });
  app.post(paths.caseFileAudits.allocate.pattern, lead, async (request, reply) => {
    const round = await roundOr404(request);
    const chosen = checked(request.body, 'auditors');
    const result = await audits.allocate(request.user!, round.roundId, chosen);
    if (result.outcome === 'problems') {
      return reply.view('caseFileAudits/views/allocate.njk', { title: 'Allocate files to auditors', form: presentAllocation(round, await audits.auditors(), chosen, result.problems) });
    }
    if (result.outcome !== 'allocated') return refused(result.outcome, 'audit round');
    tellNextPage(request, `Allocated ${counted(result.files, 'file')} among ${counted(new Set(chosen).size, 'auditor')}`);
    return reply.redirect(paths.caseFileAudits.round(round), 303);
  });

  const moderationForm = async (reply: FastifyReply, round: Awaited<ReturnType<typeof roundOr404>>, values: FormValues, chosen: string[], problems: Problems) =>
    reply.view('caseFileAudits/views/moderation.njk', {
      title: 'Choose files for moderation', form: presentModeration(round, await audits.files(round.roundId), await audits.auditors(), values, chosen, problems),
    });
  app.get(paths.caseFileAudits.moderation.pattern, lead, async (request, reply) => moderationForm(reply, await roundOr404(request), { count: '10%' }, [], {}));
  app.post(paths.caseFileAudits.moderation.pattern, lead, async (request, reply) => {
    const round = await roundOr404(request);
    const values = formValues(request.body, ['count']);
    const chosen = checked(request.body, 'moderators');
    const count = readModerationCount(values.count!, round.filesGraded);
    const problems: Problems = {};
    if (count.error) problems.count = count.error;
    if (chosen.length === 0) problems.moderators = 'Select at least one second auditor';
    if (Object.keys(problems).length) return moderationForm(reply, round, values, chosen, problems);
    const result = await audits.setModeration(request.user!, round.roundId, { count: count.count!, moderatorIds: chosen });
    if (result.outcome === 'problems') return moderationForm(reply, round, values, chosen, result.problems);
    if (result.outcome !== 'set') return refused(result.outcome, 'audit round');
    tellNextPage(request, `Chose ${counted(result.files, 'file')} for moderation`);
    return reply.redirect(paths.caseFileAudits.round(round), 303);
  });

  async function fileForLead(request: FastifyRequest) {
    const fileId = idParam(request, 'fileId', 'file');
    const file = await audits.file(fileId);
    if (!file) throw new HttpError(404, 'There is no file with that number');
    return file;
  }
  app.get(paths.caseFileAudits.fileAuditor.pattern, lead, async (request, reply) => {
    const file = await fileForLead(request);
    return reply.view('caseFileAudits/views/fileAuditor.njk', { title: 'Change the auditor', form: presentFileAuditor(file, await audits.auditors(), {}, {}) });
  });
  app.post(paths.caseFileAudits.fileAuditor.pattern, lead, async (request, reply) => {
    const file = await fileForLead(request);
    const values = formValues(request.body, ['auditorId']);
    const result = await audits.reallocate(request.user!, file.fileId, values.auditorId!);
    if (result.outcome === 'problems') {
      return reply.view('caseFileAudits/views/fileAuditor.njk', { title: 'Change the auditor', form: presentFileAuditor(file, await audits.auditors(), values, result.problems) });
    }
    if (result.outcome !== 'allocated') return refused(result.outcome, 'file');
    tellNextPage(request, `Changed the auditor for ${file.childName}`);
    return reply.redirect(paths.caseFileAudits.round({ roundId: file.roundId }), 303);
  });

  // Grading and moderating a file allocated to this person.
  for (const part of ['audit', 'moderation'] as const satisfies readonly ReviewPart[]) {
    const url = part === 'audit' ? paths.caseFileAudits.grade.pattern : paths.caseFileAudits.moderate.pattern;
    const title = part === 'audit' ? 'Audit this file' : 'Moderate this file';
    app.get(url, auditor, async (request, reply) => {
      const shown = await audits.openFile(request.user!, idParam(request, 'fileId', 'file'), part);
      if (shown.outcome !== 'shown') return refused(shown.outcome, 'file');
      reply.header('cache-control', 'no-store');
      const record = reviewRecord(shown);
      return reply.view('caseFileAudits/views/grade.njk', { title, form: presentFileForAudit(shown, part, { ...record.values, ...startedFrom(record) }, {}) });
    });
    app.post(url, auditor, async (request, reply) => {
      const fileId = idParam(request, 'fileId', 'file');
      const shown = await audits.openFile(request.user!, fileId, part);
      if (shown.outcome !== 'shown') return refused(shown.outcome, 'file');
      // Saved meanwhile (another tab, a kept draft): each field settled on its own, a clash shown to choose.
      const record = reviewRecord(shown);
      const settled = reconcile(postedValues(request.body), reviewLabels(shown), record);
      const body = { ...settled.values, ...startedFrom(record) };
      const again = (problems: Record<string, string>, clashes: Parameters<typeof presentFileForAudit>[4] = []) => {
        reply.header('cache-control', 'no-store');
        if (clashes.length) reply.code(409);
        return reply.view('caseFileAudits/views/grade.njk', { title, form: presentFileForAudit(shown, part, { ...form.values, ...versionOf(body) }, problems, clashes) });
      };
      const form = readGrades(body, shown.rubric);
      if (settled.outcome === 'clash') return again({}, settled.clashes);
      const result = form.data ? await audits.grade(request.user!, fileId, part, form.data, record.version) : { outcome: 'problems' as const, problems: form.problems };
      if (result.outcome === 'problems') return again(result.problems);
      if (result.outcome === 'changed_meanwhile') return again({ q1: 'Someone else saved grades for this file just now: check the grades and save again' });
      if (result.outcome !== 'graded') return refused(result.outcome, 'file');
      tellNextPage(request, mergedNotice(`Saved your grades for ${shown.file.childName}`, settled.outcome === 'merged' ? settled.theirs : []));
      return reply.redirect(paths.caseFileAudits.home(), 303);
    });
  }

  // Results: aggregate only, for anyone with quality:view (analysts included).
  app.get(paths.caseFileAudits.results.pattern, viewer, async (request, reply) => {
    const round = await roundOr404(request);
    const shown = (await audits.results(round.roundId))!;
    const compareWith = formValues(request.query, ['compareWith']).compareWith!;
    const others = (await audits.rounds()).filter((r) => r.roundId !== round.roundId && r.periodEnd <= round.periodEnd);
    const baseline = others.find((r) => String(r.roundId) === compareWith);
    const comparison = baseline ? await audits.compareRounds(request.user!, baseline.roundId, round.roundId) : undefined;
    return reply.view('caseFileAudits/views/results.njk', {
      title: `Results: ${round.name}`, results: presentResults(round, shown.results, shown.agreement, others, compareWith, comparison),
    });
  });
}
