/** @module Thin handlers for referrals: the tray, recording one, screening, deciding, allocating, and closing the case it opened. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../platform/http/httpError.js';
import { paths } from '../../platform/http/paths.js';
import { may } from '../../platform/access/access.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { fieldErrors } from '../../platform/forms/fieldErrors.js';
import { allocationFields, closureFields, decisionFields, newReferralFieldOrder, readNewReferral, screenForm } from './referralForms.js';
import { postedValues, type FormValues } from '../../platform/forms/formValues.js';
import { readDateField } from '../../platform/forms/dates.js';
import { presentCloseCase, presentNewReferralForm, presentReferral, presentTray } from './referralPresenter.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import type { ReferralService } from './referralService.js';
import type { FamilyFirstService } from '../familyFirst/familyFirstService.js';
import type { ChildService } from '../children/childService.js';
import { mergedNotice, readStarted, reconcile, type Clash } from '../../platform/forms/versions.js';
import { screeningValues } from './referralPresenter.js';
import { referralChangeRoutes } from './referralChangeRoutes.js';
import { referralGroupRoutes } from './referralGroupRoutes.js';
import { listField, notOnList } from '../../platform/forms/chooseFromList.js';
import type { ReferenceService } from '../references/referenceService.js';

/** What referralRoutes needs from the composition root. */
export interface ReferralRoutesNeeds {
  children: ChildService;
  familyFirst: FamilyFirstService;
  referrals: ReferralService;
  references: ReferenceService;
}

const referralParams = z.object({ referralId: z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/) });
const caseParams = z.object({ caseId: z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/) });
/** `?childId=` on "Record a referral": an id of the same shape. */
const childQuery = z.object({ childId: referralParams.shape.referralId });
const notFound = () => new HttpError(404, 'There is no referral with that id');
const refused = () => new HttpError(403, 'This referral was sent to another team. Ask that team’s manager if you need to see it.');

function readReferralId(request: FastifyRequest): string {
  const params = referralParams.safeParse(request.params);
  if (!params.success) throw notFound();
  return params.data.referralId;
}

/** @example await referralRoutes(app, services) */
export async function referralRoutes(app: FastifyInstance, services: ReferralRoutesNeeds): Promise<void> {
  // The school cluster and team are chosen from the reference lists (ADR 0029), so a typo never becomes a new cluster.
  const listChoices = async () => ({ clusters: await services.references.choices('school_cluster'), teams: await services.references.choices('team') });
  // The person's own team is always offered (kept), whether or not an administrator has listed it yet.
  const listFields = (choices: Awaited<ReturnType<typeof listChoices>>, values: FormValues, errors: FieldErrors, ownTeam: string | null) => ({
    schoolCluster: listField(choices.clusters, { id: 'schoolCluster', label: 'School cluster (optional)', hint: 'Leave as it is to use the child’s own cluster', noneText: 'The child’s own cluster', value: values.schoolCluster, error: errors.schoolCluster }),
    team: listField(choices.teams, { id: 'team', label: 'Team the referral is for', noneText: 'Choose a team', value: values.team, kept: ownTeam, error: errors.team }),
  });
  const newReferralPage = async (values: FormValues, errors: FieldErrors, team: string | null, choices?: Awaited<ReturnType<typeof listChoices>>) => {
    const form = presentNewReferralForm(values, errors, newReferralFieldOrder, team);
    return { title: 'Record a referral', form, lists: listFields(choices ?? (await listChoices()), form.values, errors, team) };
  };
  const record = { config: { access: { permission: 'referral:record' as const } } };
  const manage = { config: { access: { permission: 'referral:manage' as const } } };

  async function showReferral(request: FastifyRequest, reply: FastifyReply, referralId: string, values: FormValues = {}, errors: FieldErrors = {}, clashes: Clash[] = []) {
    const view = await services.referrals.view(request.user!, referralId);
    // A restricted child's referral is opened as their record is: by breaking the glass (issue 16).
    if (view.outcome === 'restricted') return reply.redirect(paths.children.breakGlass({ childId: view.childId }), 303);
    if (view.outcome !== 'shown') throw view.outcome === 'not_found' ? notFound() : refused();
    const involvementId = view.referral.caseId ? await services.familyFirst.involvementForCase(view.referral.caseId) : undefined;
    const referral = presentReferral(view, {
      targetDays: services.referrals.decisionTargetDays, today: todayIso(), mayManage: may(request.user, 'referral:manage'), involvementId, values, errors, clashes,
    });
    reply.header('cache-control', 'no-store');
    if (clashes.length) reply.code(409);
    else if (Object.keys(errors).length) reply.code(422);
    return reply.view('referrals/views/show.njk', { title: referral.heading, referral });
  }

  app.get(paths.referrals.tray.pattern, manage, async (request, reply) => {
    const referrals = await services.referrals.tray(request.user!);
    reply.header('cache-control', 'no-store');
    return reply.view('referrals/views/tray.njk', { title: 'Referral tray', tray: { ...presentTray(referrals, services.referrals.decisionTargetDays, todayIso()), showMyWork: may(request.user, 'caseload:own') } });
  });

  app.get(paths.referrals.new.pattern, record, async (request, reply) => {
    // "Record a referral" on a child's record names the child (?childId=): prefilled only if this person may open them.
    const childId = childQuery.safeParse(request.query).data?.childId;
    const named: FormValues = childId && (await services.children.mayAccess(request.user!, childId)) ? { 'child1-id': childId } : {};
    const values = request.draft ? postedValues(request.draft) : named;
    return reply.view('referrals/views/new.njk', await newReferralPage(values, {}, request.user!.team));
  });

  app.post(paths.referrals.new.pattern, record, async (request, reply) => {
    const body = postedValues(request.body);
    const read = readNewReferral(body, todayIso());
    const errors = read.errors;
    const choices = await listChoices();
    const cluster = notOnList(choices.clusters, body.schoolCluster, { label: 'school cluster' });
    if (cluster) errors.schoolCluster = cluster;
    const team = notOnList(choices.teams, body.team, { label: 'team', required: true, kept: request.user!.team });
    if (team && !errors.team) errors.team = team;
    if (read.referral && !cluster && !team) {
      const result = await services.referrals.record(request.user!, read.referral);
      if (result.outcome === 'recorded') {
        tellNextPage(request, result.referralIds.length === 1 ? 'Referral recorded' : `${result.referralIds.length} referrals recorded, one for each child`);
        return reply.redirect(paths.referrals.show({ referralId: result.referralIds[0]! }), 303);
      }
      // Problems are per child named, in the order they were entered: map them back to their rows.
      const rowsUsed = [1, 2, 3].filter((row) => ['id', 'forename', 'surname', 'dob-day', 'dob-month', 'dob-year'].some((f) => (body[`child${row}-${f}`] ?? '').trim()));
      for (const [index, problem] of Object.entries(result.problems)) {
        const row = rowsUsed[Number(index)] ?? 1;
        errors[(body[`child${row}-id`] ?? '').trim() ? `child${row}-id` : `child${row}-forename`] = problem;
      }
    }
    reply.code(422);
    return reply.view('referrals/views/new.njk', await newReferralPage(body, errors, request.user!.team, choices));
  });

  app.get(paths.referrals.show.pattern, record, async (request, reply) => showReferral(request, reply, readReferralId(request)));

  app.post(paths.referrals.screen.pattern, manage, async (request, reply) => {
    const referralId = readReferralId(request);
    // Two managers may screen at once: merged against the notes as they are now, a clash shown with both.
    const view = await services.referrals.current(request.user!, referralId);
    if (view.outcome !== 'shown') throw view.outcome === 'not_found' ? notFound() : refused();
    const now = { version: view.referral.version, values: screeningValues(view.referral) };
    const settled = reconcile(postedValues(request.body), { screeningNotes: 'Screening notes' }, now);
    if (settled.outcome === 'clash') return showReferral(request, reply, referralId, settled.values, {}, settled.clashes);
    const body = settled.values;
    const parsed = screenForm.safeParse(body);
    if (!parsed.success) return showReferral(request, reply, referralId, body, fieldErrors(parsed.error.issues));
    const version = settled.outcome === 'merged' ? now.version : (readStarted(body)?.version ?? now.version);
    const result = await services.referrals.screen(request.user!, referralId, parsed.data.screeningNotes, version);
    if (result.outcome === 'not_found') throw notFound();
    if (result.outcome === 'forbidden') throw refused();
    if (result.outcome === 'already_decided') return showReferral(request, reply, referralId, body, { screeningNotes: 'This referral has been decided meanwhile: its screening can no longer be changed here' });
    if (result.outcome === 'stale') return showReferral(request, reply, referralId, body, { screeningNotes: 'Someone else changed this referral at the same time. Check it and save again.' });
    tellNextPage(request, mergedNotice('Screening saved', settled.outcome === 'merged' ? settled.theirs : []));
    return reply.redirect(paths.referrals.show({ referralId }), 303);
  });

  app.post(paths.referrals.decide.pattern, manage, async (request, reply) => {
    const referralId = readReferralId(request);
    const body = postedValues(request.body);
    const parsed = decisionFields.safeParse(body);
    const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
    const decidedDate = readDateField(body, 'decided', 'Date of decision', errors, todayIso());
    if (!parsed.success || !decidedDate || Object.keys(errors).length) return showReferral(request, reply, referralId, body, errors);
    const result = await services.referrals.decide(request.user!, referralId, { pathway: parsed.data.pathway, reason: parsed.data.decisionReason, decidedDate });
    if (result.outcome === 'not_found') throw notFound();
    if (result.outcome === 'forbidden') throw refused();
    if (result.outcome === 'before_received') return showReferral(request, reply, referralId, body, { 'decided-day': 'Date of decision must be on or after the date the referral was received' });
    if (result.outcome === 'already_decided') return showReferral(request, reply, referralId, body, { pathway: 'Someone else has already decided this referral' });
    tellNextPage(request, 'Decision recorded');
    return reply.redirect(paths.referrals.show({ referralId }), 303);
  });

  app.post(paths.referrals.allocate.pattern, manage, async (request, reply) => {
    const referralId = readReferralId(request);
    const body = postedValues(request.body);
    const parsed = allocationFields.safeParse(body);
    const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
    const openedDate = readDateField(body, 'opened', 'Date the case opens', errors);
    if (!parsed.success || !openedDate || Object.keys(errors).length) return showReferral(request, reply, referralId, body, errors);
    const result = await services.referrals.allocate(request.user!, referralId, { workerId: parsed.data.workerId, openedDate });
    if (result.outcome === 'not_found') throw notFound();
    if (result.outcome === 'forbidden') throw refused();
    const problems: Partial<Record<typeof result.outcome, FieldErrors>> = {
      unknown_worker: { workerId: 'Select a worker in the referral’s team' },
      before_decision: { 'opened-day': 'Date the case opens must be on or after the date of the decision' },
      already_allocated: { workerId: 'This referral has already been allocated' },
      not_allocatable: { workerId: 'Only a referral decided for Family First or a social work assessment is allocated' },
    };
    const problem = problems[result.outcome];
    if (problem) return showReferral(request, reply, referralId, body, problem);
    tellNextPage(request, 'Referral allocated and case opened');
    return reply.redirect(paths.referrals.show({ referralId }), 303);
  });

  await referralChangeRoutes(app, services.referrals);
  await referralGroupRoutes(app, services.referrals);

  const closeAccess = { config: { access: { permission: 'child:view' as const } } };
  async function showCloseCase(request: FastifyRequest, reply: FastifyReply, values: FormValues, errors: FieldErrors) {
    const params = caseParams.safeParse(request.params);
    if (!params.success) throw new HttpError(404, 'There is no case with that id');
    // Issue 16 item 5: the form names the child, so showing it (GET) is audited as one view; a refusal always.
    const found = await services.referrals.findCase(request.user!, params.data.caseId, request.method === 'GET' ? request.routeOptions.url : undefined);
    if (found.outcome !== 'shown') {
      throw found.outcome === 'not_found' ? new HttpError(404, 'There is no case with that id') : new HttpError(403, "This case is not on your caseload or your team's.");
    }
    if (found.case.closedDate !== null) throw new HttpError(409, 'This case is already closed');
    if (Object.keys(errors).length) reply.code(422);
    return reply.view('referrals/views/closeCase.njk', { title: 'Close a case', form: presentCloseCase(found.case, values, errors) });
  }

  app.get(paths.referrals.closeCase.pattern, closeAccess, async (request, reply) => showCloseCase(request, reply, {}, {}));

  app.post(paths.referrals.closeCase.pattern, closeAccess, async (request, reply) => {
    const { caseId } = caseParams.parse(request.params);
    const body = postedValues(request.body);
    const parsed = closureFields.safeParse(body);
    const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues);
    const closedDate = readDateField(body, 'closed', 'Date the case closes', errors);
    if (!parsed.success || !closedDate || Object.keys(errors).length) return showCloseCase(request, reply, body, errors);
    const result = await services.referrals.closeCase(request.user!, caseId, { closedDate, reason: parsed.data.reason, notes: parsed.data.notes });
    if (result.outcome === 'not_found') throw new HttpError(404, 'There is no case with that id');
    if (result.outcome === 'forbidden') throw new HttpError(403, "This case is not on your caseload or your team's.");
    if (result.outcome === 'already_closed') throw new HttpError(409, 'This case is already closed');
    if (result.outcome === 'before_opened') return showCloseCase(request, reply, body, { 'closed-day': 'Date the case closes must be on or after the date it opened' });
    tellNextPage(request, 'Case closed');
    return reply.redirect(paths.children.show({ childId: result.childId }), 303);
  });
}
