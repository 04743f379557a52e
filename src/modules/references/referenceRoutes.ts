/** @module Administrators' pages for the reference lists: list, add, rename, retire (asked first), restore and merge. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../platform/http/httpError.js';
import { paths } from '../../platform/http/paths.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { postedValues, type FormValues } from '../../platform/forms/formValues.js';
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { presentErrors } from '../../platform/forms/errorSummary.js';
import { askToConfirm, confirmed, fieldsToRepost } from '../../platform/forms/confirmation.js';
import { todayIso } from '../../platform/dates/isoDates.js';
import { keyedByCode, listOfSlug, listWords, referenceLists, type ReferenceList } from './referenceList.js';
import type { ReferenceService } from './referenceService.js';
import { entryFieldOrder, readEntry } from './referenceForms.js';
import type { ListedEntry } from './referenceRepository.js';

/** What referenceRoutes needs from the composition root. */
export interface ReferenceRoutesNeeds {
  references: ReferenceService;
}

const entryParams = z.object({ list: z.string(), entryId: z.coerce.number().int().positive().max(2147483647) });
const listParams = z.object({ list: z.string() });

function listOf(request: FastifyRequest): ReferenceList {
  const params = listParams.safeParse(request.params);
  const list = params.success ? listOfSlug(params.data.list) : undefined;
  if (!list) throw new HttpError(404, 'There is no such list');
  return list;
}

function entryIdOf(request: FastifyRequest): number {
  const params = entryParams.safeParse(request.params);
  if (!params.success) throw new HttpError(404, 'There is no such entry');
  return params.data.entryId;
}

const notFound = () => new HttpError(404, 'There is no such entry');

/** @example await referenceRoutes(app, services) */
export async function referenceRoutes(app: FastifyInstance, services: ReferenceRoutesNeeds): Promise<void> {
  const manage = { config: { access: { permission: 'lists:manage' as const } } };

  async function entryOf(list: ReferenceList, entryId: number): Promise<{ entry: ListedEntry; entries: ListedEntry[] }> {
    const entries = await services.references.entries(list);
    const entry = entries.find((candidate) => candidate.entryId === entryId);
    if (!entry) throw notFound();
    return { entry, entries };
  }

  const listLink = (list: ReferenceList) => paths.admin.list({ list: listWords[list].slug });

  app.get(paths.admin.lists.pattern, manage, async (request, reply) => {
    const lists = await Promise.all(
      referenceLists.map(async (list) => {
        const entries = await services.references.entries(list);
        return { title: listWords[list].title, href: listLink(list), current: entries.filter((entry) => !entry.retiredOn).length, retired: entries.filter((entry) => entry.retiredOn).length };
      }),
    );
    return reply.view('references/views/lists.njk', { title: 'Reference lists', lists });
  });

  app.get(paths.admin.list.pattern, manage, async (request, reply) => {
    const list = listOf(request);
    const slug = listWords[list].slug;
    const entries = (await services.references.entries(list)).map((entry) => ({
      ...entry,
      changeHref: paths.admin.entry({ list: slug, entryId: entry.entryId }),
      mergeHref: paths.admin.mergeEntry({ list: slug, entryId: entry.entryId }),
      retireAction: paths.admin.retireEntry({ list: slug, entryId: entry.entryId }),
      restoreAction: paths.admin.restoreEntry({ list: slug, entryId: entry.entryId }),
    }));
    return reply.view('references/views/list.njk', { title: listWords[list].title, words: listWords[list], worker: keyedByCode(list), entries, newHref: paths.admin.newEntry({ list: slug }) });
  });

  function showEntryForm(reply: FastifyReply, list: ReferenceList, page: { action: string; heading: string; button: string; values: FormValues; errors?: FieldErrors }) {
    if (page.errors && Object.keys(page.errors).length) reply.code(422);
    return reply.view('references/views/entry.njk', {
      title: page.heading,
      heading: page.heading,
      button: page.button,
      action: page.action,
      backHref: listLink(list),
      words: listWords[list],
      worker: keyedByCode(list),
      values: page.values,
      ...presentErrors(page.errors ?? {}, entryFieldOrder),
    });
  }

  app.get(paths.admin.newEntry.pattern, manage, async (request, reply) => {
    const list = listOf(request);
    const values = request.draft ? postedValues(request.draft) : { name: '', code: '' };
    return showEntryForm(reply, list, { action: paths.admin.newEntry({ list: listWords[list].slug }), heading: `Add a ${listWords[list].one}`, button: 'Add', values });
  });

  app.post(paths.admin.newEntry.pattern, manage, async (request, reply) => {
    const list = listOf(request);
    const values = postedValues(request.body);
    const page = { action: paths.admin.newEntry({ list: listWords[list].slug }), heading: `Add a ${listWords[list].one}`, button: 'Add', values };
    const read = readEntry(list, values);
    if (!read.fields) return showEntryForm(reply, list, { ...page, errors: read.errors });
    const result = await services.references.add(request.user!, list, read.fields);
    if (result.outcome === 'problems') return showEntryForm(reply, list, { ...page, errors: result.problems });
    if (result.outcome === 'not_found') throw notFound();
    tellNextPage(request, `${result.name} added to ${listWords[list].title.toLowerCase()}`);
    return reply.redirect(listLink(list), 303);
  });

  app.get(paths.admin.entry.pattern, manage, async (request, reply) => {
    const list = listOf(request);
    const entryId = entryIdOf(request);
    const { entry } = await entryOf(list, entryId);
    const values = request.draft ? postedValues(request.draft) : { name: entry.name, code: entry.code ?? '' };
    return showEntryForm(reply, list, { action: paths.admin.entry({ list: listWords[list].slug, entryId }), heading: `Rename ${entry.name}`, button: 'Save', values });
  });

  app.post(paths.admin.entry.pattern, manage, async (request, reply) => {
    const list = listOf(request);
    const entryId = entryIdOf(request);
    const { entry } = await entryOf(list, entryId);
    const values = postedValues(request.body);
    const page = { action: paths.admin.entry({ list: listWords[list].slug, entryId }), heading: `Rename ${entry.name}`, button: 'Save', values };
    const read = readEntry(list, values);
    if (!read.fields) return showEntryForm(reply, list, { ...page, errors: read.errors });
    const result = await services.references.rename(request.user!, list, entryId, read.fields);
    if (result.outcome === 'problems') return showEntryForm(reply, list, { ...page, errors: result.problems });
    if (result.outcome === 'not_found') throw notFound();
    tellNextPage(request, `${entry.name} renamed ${result.name}: every record holding it now says ${result.name}`);
    return reply.redirect(listLink(list), 303);
  });

  app.post(paths.admin.retireEntry.pattern, manage, async (request, reply) => {
    const list = listOf(request);
    const entryId = entryIdOf(request);
    const { entry } = await entryOf(list, entryId);
    if (!confirmed(request.body)) {
      return askToConfirm(reply, {
        question: `Retire ${entry.name}?`,
        details: [`Forms will no longer offer ${entry.name} as a ${listWords[list].one}.`],
        consequence: `The ${entry.uses === 1 ? 'record' : `${entry.uses} records`} holding it keep it, and figures still count it. You can restore it later.`,
        action: paths.admin.retireEntry({ list: listWords[list].slug, entryId }),
        confirmText: 'Yes, retire it',
        backHref: listLink(list),
        fields: fieldsToRepost(request.body),
      });
    }
    const result = await services.references.retire(request.user!, list, entryId, todayIso());
    if (result.outcome !== 'done') throw notFound();
    tellNextPage(request, `${result.name} retired: forms no longer offer it`);
    return reply.redirect(listLink(list), 303);
  });

  app.post(paths.admin.restoreEntry.pattern, manage, async (request, reply) => {
    const list = listOf(request);
    const result = await services.references.restore(request.user!, list, entryIdOf(request));
    if (result.outcome !== 'done') throw notFound();
    tellNextPage(request, `${result.name} restored: forms offer it again`);
    return reply.redirect(listLink(list), 303);
  });

  async function showMerge(request: FastifyRequest, reply: FastifyReply, list: ReferenceList, entryId: number, into: string, errors: FieldErrors = {}) {
    const { entry, entries } = await entryOf(list, entryId);
    if (Object.keys(errors).length) reply.code(422);
    const items = [{ value: '', text: `Select a ${listWords[list].one}` }, ...entries.filter((other) => other.entryId !== entryId).map((other) => ({ value: String(other.entryId), text: other.retiredOn ? `${other.name} (retired)` : other.name, selected: String(other.entryId) === into }))];
    return reply.view('references/views/merge.njk', {
      title: `${entry.name} is the same as…`,
      entry,
      words: listWords[list],
      items,
      action: paths.admin.mergeEntry({ list: listWords[list].slug, entryId }),
      backHref: listLink(list),
      ...presentErrors(errors, ['into']),
    });
  }

  app.get(paths.admin.mergeEntry.pattern, manage, async (request, reply) => {
    const list = listOf(request);
    const draft = request.draft ? postedValues(request.draft) : {};
    return showMerge(request, reply, list, entryIdOf(request), draft.into ?? '');
  });

  app.post(paths.admin.mergeEntry.pattern, manage, async (request, reply) => {
    const list = listOf(request);
    const entryId = entryIdOf(request);
    const posted = postedValues(request.body);
    const { entry, entries } = await entryOf(list, entryId);
    const into = entries.find((other) => String(other.entryId) === posted.into && other.entryId !== entryId);
    if (!into) return showMerge(request, reply, list, entryId, posted.into ?? '', { into: `Select the ${listWords[list].one} that ${entry.name} is the same as` });
    if (!confirmed(request.body)) {
      return askToConfirm(reply, {
        question: `Merge ${entry.name} into ${into.name}?`,
        details: [`${entry.name} is the same ${listWords[list].one} as ${into.name}.`, `${entry.uses === 1 ? 'The record' : `The ${entry.uses} records`} holding ${entry.name} will hold ${into.name} instead, and figures will count them as ${into.name}.`],
        consequence: `${entry.name} stays on the list as another name for ${into.name}, so an import that spells it that way lands on ${into.name}. This cannot be undone here.`,
        action: paths.admin.mergeEntry({ list: listWords[list].slug, entryId }),
        confirmText: `Yes, merge into ${into.name}`,
        backHref: paths.admin.mergeEntry({ list: listWords[list].slug, entryId }),
        fields: fieldsToRepost(request.body),
      });
    }
    const result = await services.references.merge(request.user!, list, entryId, into.entryId);
    if (result.outcome === 'problems') return showMerge(request, reply, list, entryId, posted.into ?? '', result.problems);
    if (result.outcome === 'not_found') throw notFound();
    tellNextPage(request, `${entry.name} merged into ${result.name}`);
    return reply.redirect(listLink(list), 303);
  });
}
