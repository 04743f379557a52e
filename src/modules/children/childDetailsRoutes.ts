/** @module Thin handlers for changing a child's details, with likely duplicates refused and pointed to merging. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../platform/http/httpError.js';
import { paths } from '../../platform/http/paths.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { postedValues, type FormValues } from '../../platform/forms/formValues.js';
import { presentErrors } from '../../platform/forms/errorSummary.js';
import { childDetailsFieldOrder, readChildDetails } from './childDetails.js';
import { presentSexItems } from './childPresenter.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import type { ChildService } from './childService.js';
import type { ReferenceService } from '../references/referenceService.js';
import { childListFields, childListProblems, type ChildListChoices } from './childListFields.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { mergedNotice, presentClashes, reconcile, startedFrom, type Clash, type Versioned } from '../../platform/forms/versions.js';

/** The fields two people may both change, settled one by one when they do (platform/forms/versions.ts). */
const detailLabels: Record<string, string> = {
  forename: 'First name', surname: 'Last name', 'dob-day': 'Day of birth', 'dob-month': 'Month of birth', 'dob-year': 'Year of birth',
  sex: 'Sex', school: 'School', schoolCluster: 'School cluster', locality: 'Locality',
};

/** What childDetailsRoutes needs from the composition root. */
export interface ChildDetailsRoutesNeeds {
  children: ChildService;
  references: Pick<ReferenceService, 'choices'>;
}

const childParams = z.object({ childId: z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/) });
const refused = () => new HttpError(403, "This child is not on your caseload or your team's. Ask your team manager if you need to see this record.");

/** @example await childDetailsRoutes(app, services) */
export async function childDetailsRoutes(app: FastifyInstance, services: ChildDetailsRoutesNeeds): Promise<void> {
  const write = { config: { access: { permission: 'child:record' as const } } };

  function childIdOf(request: FastifyRequest): string {
    const params = childParams.safeParse(request.params);
    if (!params.success) throw new HttpError(404, 'There is no child with that id');
    return params.data.childId;
  }

  /** The child's details as the form shows them, at their current version. */
  async function current(request: FastifyRequest, childId: string): Promise<{ record: Versioned }> {
    const view = await services.children.view(request.user!, childId);
    if (view.outcome === 'not_found') throw new HttpError(404, 'There is no child with that id');
    if (view.outcome === 'forbidden') throw refused();
    const { child } = view.summary;
    const [year, month, day] = child.dateOfBirth.split('-');
    const values: FormValues = {
      forename: child.forename ?? '', surname: child.surname ?? '', 'dob-day': String(Number(day)), 'dob-month': String(Number(month)), 'dob-year': year!,
      sex: child.sex ?? '', school: child.school ?? '', schoolCluster: child.schoolCluster ?? '', locality: child.locality ?? '',
    };
    return { record: { version: child.version, values } };
  }

  const listChoices = async (): Promise<ChildListChoices> => ({ schools: await services.references.choices('school'), clusters: await services.references.choices('school_cluster') });

  async function show(request: FastifyRequest, reply: FastifyReply, values: FormValues | undefined, errors: FieldErrors = {}, clashes: Clash[] = []) {
    const childId = childIdOf(request);
    const { record } = await current(request, childId);
    const kept = { school: record.values.school, schoolCluster: record.values.schoolCluster };
    const shown: FormValues = values ?? { ...record.values, ...startedFrom(record) };
    if (Object.keys(errors).length || clashes.length) reply.code(clashes.length ? 409 : 422);
    return reply.view('children/views/edit.njk', {
      title: 'Change a child’s details',
      form: {
        childHref: paths.children.show({ childId }),
        action: paths.children.edit({ childId }),
        values: shown,
        sexItems: presentSexItems(shown.sex),
        ...childListFields(await listChoices(), shown, kept, errors),
        clashes: presentClashes(clashes),
        ...presentErrors(errors, childDetailsFieldOrder),
      },
    });
  }

  app.get(paths.children.edit.pattern, write, async (request, reply) => show(request, reply, undefined));

  app.post(paths.children.edit.pattern, write, async (request, reply) => {
    const childId = childIdOf(request);
    const posted = postedValues(request.body);
    const { record } = await current(request, childId);
    const settled = reconcile(posted, detailLabels, record);
    if (settled.outcome === 'clash') return show(request, reply, settled.values, {}, settled.clashes);
    // Whatever happens next, the form now stands on the current version: what differs from it is this person's.
    const body = { ...settled.values, ...startedFrom(record) };
    const read = readChildDetails(body, todayIso());
    const notListed = childListProblems(await listChoices(), body, { school: record.values.school, schoolCluster: record.values.schoolCluster });
    if (!read.details || Object.keys(notListed).length) return show(request, reply, body, { ...read.errors, ...notListed });
    const result = await services.children.changeDetails(request.user!, childId, read.details, record.version);
    if (result.outcome === 'not_found') throw new HttpError(404, 'There is no child with that id');
    if (result.outcome === 'forbidden') throw refused();
    if (result.outcome === 'changed_meanwhile') return show(request, reply, body, { forename: 'Someone else saved a change just now: check the details and save again' });
    if (result.outcome === 'duplicate') {
      // Another record's id is given only to someone who may open it (issue 16).
      const mayOpen = await services.children.accessibleAmong(request.user!, result.childIds);
      const problem = result.childIds.every((id) => mayOpen.has(id))
        ? `Another record has this name and date of birth (Cairn id ${result.childIds.join(', ')}). If it is the same child, merge the records instead`
        : 'Another record has this name and date of birth — ask your manager';
      return show(request, reply, body, { forename: problem });
    }
    tellNextPage(request, mergedNotice('Child’s details saved', settled.outcome === 'merged' ? settled.theirs : []));
    return reply.redirect(paths.children.show({ childId }), 303);
  });
}
