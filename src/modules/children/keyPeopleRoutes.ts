/** @module Thin handlers for the key people and agencies around a child. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../platform/http/httpError.js';
import { paths } from '../../platform/http/paths.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { fieldErrors } from '../../platform/forms/fieldErrors.js';
import { postedValues, type FormValues } from '../../platform/forms/formValues.js';
import { presentErrors } from '../../platform/forms/errorSummary.js';
import type { KeyPeopleService } from './keyPeopleService.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { listField, notOnList } from '../../platform/forms/chooseFromList.js';
import type { ReferenceService } from '../references/referenceService.js';
import { mergedNotice, presentClashes, reconcile, startedFrom, type Clash, type Versioned } from '../../platform/forms/versions.js';

/** What keyPeopleRoutes needs from the composition root. */
export interface KeyPeopleRoutesNeeds {
  keyPeople: KeyPeopleService;
  references: Pick<ReferenceService, 'choices'>;
}

const childParams = z.object({ childId: z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/) });
const optional = (max: number, label: string) => z.string().trim().max(max, `${label} must be ${max} characters or fewer`).transform((v) => v || null);
const personForm = z.object({
  name: z.string().trim().min(1, 'Enter the person’s name').max(200, 'Name must be 200 characters or fewer'),
  relationship: z.string().trim().min(1, 'Enter who they are to the child, for example mum, or guidance teacher').max(200, 'Who they are must be 200 characters or fewer'),
  inHousehold: z.enum(['yes', 'no'], { error: 'Select whether they live in the child’s household' }),
  agency: optional(200, 'Agency'),
  contact: optional(500, 'Contact details'),
});
/** The fields two people may both change, settled one by one when they do (platform/forms/versions.ts). */
const personLabels: Record<string, string> = { name: 'Name', relationship: 'Who they are to the child', inHousehold: 'Lives in the household', agency: 'Agency', contact: 'Contact details' };
const refused = () => new HttpError(403, "This child is not on your caseload or your team's. Ask your team manager if you need to see this record.");

/** @example await keyPeopleRoutes(app, services) */
export async function keyPeopleRoutes(app: FastifyInstance, services: KeyPeopleRoutesNeeds): Promise<void> {
  const access = { config: { access: { permission: 'child:view' as const } } };
  const write = { config: { access: { permission: 'child:record' as const } } };
  // The agency is chosen from the partner agencies an administrator keeps (ADR 0029); what a record holds stays offered.
  const agencies = () => services.references.choices('partner_agency');
  const agencyField = async (values: FormValues, errors: FieldErrors, kept: string | null = null) =>
    listField(await agencies(), { id: 'agency', label: 'Agency (optional)', noneText: 'None', value: values.agency, kept, error: errors.agency });
  const agencyProblem = async (values: FormValues, kept: string | null = null): Promise<FieldErrors> => {
    const problem = notOnList(await agencies(), values.agency, { kept, label: 'partner agency' });
    return problem ? { agency: problem } : {};
  };

  async function show(request: FastifyRequest, reply: FastifyReply, values: FormValues = {}, errors: FieldErrors = {}) {
    const params = childParams.safeParse(request.params);
    if (!params.success) throw new HttpError(404, 'There is no child with that id');
    const { childId } = params.data;
    const people = await services.keyPeople.list(request.user!, childId);
    if (people === 'forbidden') throw refused();
    if (Object.keys(errors).length) reply.code(422);
    reply.header('cache-control', 'no-store');
    return reply.view('children/views/keyPeople.njk', {
      title: 'Family and key people',
      people: {
        childHref: paths.children.show({ childId }),
        action: paths.children.keyPeople({ childId }),
        household: people.filter((p) => p.inHousehold).map((p) => ({ ...p, editHref: paths.children.editKeyPerson({ childId, personId: p.personId }) })),
        others: people.filter((p) => !p.inHousehold).map((p) => ({ ...p, editHref: paths.children.editKeyPerson({ childId, personId: p.personId }) })),
        householdItems: [{ value: 'yes', text: 'Yes', checked: values.inHousehold === 'yes' }, { value: 'no', text: 'No', checked: values.inHousehold === 'no' }],
        agencyField: await agencyField(values, errors),
        values,
        ...presentErrors(errors, ['name', 'relationship', 'inHousehold', 'agency', 'contact']),
      },
    });
  }

  app.get(paths.children.keyPeople.pattern, access, async (request, reply) => show(request, reply));

  // Changing one person: the form carries the version it was opened on; a change saved meanwhile is merged field by field.
  const personParams = z.object({ childId: childParams.shape.childId, personId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/) });
  async function currentPerson(request: FastifyRequest): Promise<{ childId: string; personId: string; record: Versioned }> {
    const params = personParams.safeParse(request.params);
    if (!params.success) throw new HttpError(404, 'There is no such person on this child’s record');
    const { childId, personId } = params.data;
    const person = await services.keyPeople.person(request.user!, childId, personId);
    if (person === 'forbidden') throw refused();
    if (person === 'not_found') throw new HttpError(404, 'There is no such person on this child’s record');
    const values: FormValues = { name: person.name, relationship: person.relationship, inHousehold: person.inHousehold ? 'yes' : 'no', agency: person.agency ?? '', contact: person.contact ?? '' };
    return { childId, personId, record: { version: person.version, values } };
  }
  async function showPerson(request: FastifyRequest, reply: FastifyReply, values?: FormValues, errors: FieldErrors = {}, clashes: Clash[] = []) {
    const { childId, personId, record } = await currentPerson(request);
    const shown: FormValues = values ?? { ...record.values, ...startedFrom(record) };
    if (Object.keys(errors).length || clashes.length) reply.code(clashes.length ? 409 : 422);
    reply.header('cache-control', 'no-store');
    return reply.view('children/views/keyPersonEdit.njk', {
      title: 'Change a key person’s details',
      person: {
        backHref: paths.children.keyPeople({ childId }),
        action: paths.children.editKeyPerson({ childId, personId }),
        values: shown,
        clashes: presentClashes(clashes),
        householdItems: [{ value: 'yes', text: 'Yes', checked: shown.inHousehold === 'yes' }, { value: 'no', text: 'No', checked: shown.inHousehold === 'no' }],
        agencyField: await agencyField(shown, errors, record.values.agency || null),
        ...presentErrors(errors, ['name', 'relationship', 'inHousehold', 'agency', 'contact']),
      },
    });
  }
  app.get(paths.children.editKeyPerson.pattern, write, async (request, reply) => showPerson(request, reply, request.draft ? { ...postedValues(request.draft) } : undefined));
  app.post(paths.children.editKeyPerson.pattern, write, async (request, reply) => {
    const { childId, personId, record } = await currentPerson(request);
    const settled = reconcile(postedValues(request.body), personLabels, record);
    if (settled.outcome === 'clash') return showPerson(request, reply, settled.values, {}, settled.clashes);
    const posted = { ...settled.values, ...startedFrom(record) };
    const parsed = personForm.safeParse({ name: '', relationship: '', agency: '', contact: '', ...posted });
    const notListed = await agencyProblem(posted, record.values.agency || null);
    if (!parsed.success || notListed.agency) return showPerson(request, reply, posted, { ...(parsed.success ? {} : fieldErrors(parsed.error.issues)), ...notListed });
    const result = await services.keyPeople.change(request.user!, childId, { personId, ...parsed.data, inHousehold: parsed.data.inHousehold === 'yes' }, record.version);
    if (result === 'forbidden') throw refused();
    if (result === 'not_found') throw new HttpError(404, 'There is no such person on this child’s record');
    if (result === 'changed_meanwhile') return showPerson(request, reply, posted, { name: 'Someone else saved a change just now: check the details and save again' });
    tellNextPage(request, mergedNotice(`${parsed.data.name}’s details saved`, settled.outcome === 'merged' ? settled.theirs : []));
    return reply.redirect(paths.children.keyPeople({ childId }), 303);
  });

  app.post(paths.children.keyPeople.pattern, write, async (request, reply) => {
    const { childId } = childParams.parse(request.params);
    const body = postedValues(request.body);
    const parsed = personForm.safeParse({ name: '', relationship: '', agency: '', contact: '', ...body });
    const notListed = await agencyProblem(body);
    if (!parsed.success || notListed.agency) return show(request, reply, body, { ...(parsed.success ? {} : fieldErrors(parsed.error.issues)), ...notListed });
    const result = await services.keyPeople.add(request.user!, childId, { ...parsed.data, inHousehold: parsed.data.inHousehold === 'yes' });
    if (result === 'forbidden') throw refused();
    tellNextPage(request, `${parsed.data.name} added to the key people`);
    return reply.redirect(paths.children.keyPeople({ childId }), 303);
  });
}
