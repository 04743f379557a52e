/** @module Thin handlers for "Add a child": search by name and date of birth first, then the child's details. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../platform/http/httpError.js';
import { paths } from '../../platform/http/paths.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { postedValues, type FormValues } from '../../platform/forms/formValues.js';
import { presentErrors } from '../../platform/forms/errorSummary.js';
import { addChildFieldOrder, readChildCheck, readNewChild } from './childAdd.js';
import { fullName, presentSexItems } from './childPresenter.js';
import type { LikelyDuplicate } from './childService.js';
import { presentLikelyDuplicates } from './likelyDuplicatesPresenter.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { tellNextPage } from '../../platform/http/flash.js';
import type { ChildService } from './childService.js';
import type { ReferenceService } from '../references/referenceService.js';
import { childListFields, childListProblems, type ChildListChoices } from './childListFields.js';

/** What childAddRoutes needs from the composition root. */
export interface ChildAddRoutesNeeds {
  children: ChildService;
  references: Pick<ReferenceService, 'choices'>;
}


/**
 * Practitioners and managers record children (they hold `referral:record`, as they do when a referral names a
 * child not yet in Cairn), so this page asks for the same permission.
 * @example await childAddRoutes(app, services)
 */
export async function childAddRoutes(app: FastifyInstance, services: ChildAddRoutesNeeds): Promise<void> {
  const access = { config: { access: { permission: 'referral:record' as const } } };

  /** The page: the check alone until it has been made, then what it found and the child's details. */
  const listChoices = async (): Promise<ChildListChoices> => ({ schools: await services.references.choices('school'), clusters: await services.references.choices('school_cluster') });

  async function show(reply: FastifyReply, values: FormValues, errors: FieldErrors, duplicates?: LikelyDuplicate[]) {
    reply.header('cache-control', 'no-store');
    if (Object.keys(errors).length) reply.code(422);
    return reply.view('children/views/add.njk', {
      title: duplicates ? 'Add a child: their details' : 'Add a child',
      form: {
        checked: duplicates !== undefined,
        checkAction: paths.children.add(),
        action: paths.children.add(),
        values,
        sexItems: presentSexItems(values.sex),
        ...childListFields(await listChoices(), values, {}, errors),
        duplicates: presentLikelyDuplicates(duplicates ?? []),
        ...presentErrors(errors, addChildFieldOrder),
      },
    });
  }

  /**
   * A record with this very name and date of birth exists. The person may open it: go straight there, saying why.
   * They may not: say only that it exists (not whose, nor its id), so the check reveals nothing of another team's.
   */
  function sameChildFound(request: FastifyRequest, reply: FastifyReply, duplicates: readonly LikelyDuplicate[]) {
    const same = duplicates.find((d) => d.sameNameAndBirth && d.inScope);
    if (same) {
      tellNextPage(request, `Cairn already has a record of ${fullName(same)}, born ${longDateOf(same.dateOfBirth)}: this is it`);
      return reply.redirect(paths.children.show({ childId: same.childId }), 303);
    }
    reply.header('cache-control', 'no-store');
    return reply.view('children/views/alreadyRecorded.njk', { title: 'A record already exists', again: paths.children.add() });
  }
  app.get(paths.children.add.pattern, access, async (request, reply) => {
    // A form posted after the session ended comes back as a draft: show it again, checked afresh.
    const values = request.draft ? postedValues(request.draft) : postedValues(request.query);
    if (Object.keys(values).length === 0) return show(reply, values, {});
    const read = readChildCheck(values, todayIso());
    if (!read.check) return show(reply, values, read.errors);
    const duplicates = await services.children.checkBeforeAdding(request.user!, read.check);
    if (duplicates.some((d) => d.sameNameAndBirth)) return sameChildFound(request, reply, duplicates);
    return show(reply, values, {}, duplicates);
  });

  app.post(paths.children.add.pattern, access, async (request, reply) => {
    const body = postedValues(request.body);
    const read = readNewChild(body, todayIso());
    const notListed = childListProblems(await listChoices(), body, {});
    if (!read.child || Object.keys(notListed).length) {
      const check = readChildCheck(body, todayIso()).check;
      return show(reply, body, { ...read.errors, ...notListed }, check ? await services.children.checkBeforeAdding(request.user!, check) : []);
    }
    const result = await services.children.add(request.user!, read.child, { notADuplicate: read.notADuplicate });
    switch (result.outcome) {
      case 'forbidden':
        throw new HttpError(403, 'You may not add children to Cairn');
      case 'unknown_sibling':
        return show(reply, body, { siblingId: 'You cannot use that Cairn id: check it, or ask your manager' }, await services.children.checkBeforeAdding(request.user!, read.child));
      case 'same_child':
        return sameChildFound(request, reply, result.duplicates);
      case 'unconfirmed':
        return show(reply, body, { notADuplicate: 'Confirm that none of the records listed is this child, or use the record that is' }, result.duplicates);
      case 'added':
        if (result.mayOpen) {
          tellNextPage(request, `Child added (Cairn id ${result.childId})`);
          return reply.redirect(paths.children.show({ childId: result.childId }), 303);
        }
        return reply.view('children/views/added.njk', {
          title: 'Child added',
          added: { name: fullName(read.child), childId: result.childId, referralHref: paths.referrals.new(), searchHref: paths.children.search() },
        });
    }
  });
}
