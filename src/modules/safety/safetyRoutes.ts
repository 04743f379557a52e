/** @module Thin handlers for case maps, scaling, the safety network and plan: each section its own small form. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { paths } from '../../platform/http/paths.js';
import { HttpError } from '../../platform/http/httpError.js';
import { scalingQuestion, type MapView } from './safetyMap.js';
import type { MapChangeResult, MapEdit } from './safetyService.js';
import { specErrorSummary, itemForm, meetingForm, memberForm, pairForm, readForm, ruleForm, scoreForm, submittedValues, type FormSpec } from './safetyForms.js';
import { presentComparison, presentConflict, presentFormFields, presentHistory, presentMap, presentMapList, presentScaling, savedVersionName, scoresAtMeeting } from './safetyPresenter.js';
import { cellName, gridFieldOrder, gridRowCount, gridValues, nameField, presentGrid, readGrid } from './scalingGrid.js';
import { errorSummary } from '../../platform/forms/errorSummary.js';
import { familyCopyDocx, familyCopyPdf } from './familyCopy.js';
import { childVoiceRoutes } from './childVoiceRoutes.js';
import { refuse } from './refuse.js';
import { categoryNames, itemCategories, type ItemCategory } from '../../platform/codes/safetyCodes.js';
import type { SafetyService } from './safetyService.js';
import type { ChildService } from '../children/childService.js';
import { tellNextPage } from '../../platform/http/flash.js';
import { askToConfirm, confirmed, fieldsToRepost } from '../../platform/forms/confirmation.js';
import { mergedNotice, presentClashes, readStarted, reconcile, startedFrom, versionFields, type Clash, type Versioned } from '../../platform/forms/versions.js';


/** What safetyRoutes needs from the composition root. */
export interface SafetyRoutesNeeds {
  children: ChildService;
  safety: SafetyService;
}

const childId = z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/);
const uuid = z.uuid();
const mapParams = z.object({ childId, mapId: uuid });
const view = { config: { access: { permission: 'safety:view' as const } } };
const record = { config: { access: { permission: 'safety:record' as const } } };


function params<T>(schema: z.ZodType<T>, request: FastifyRequest): T {
  const parsed = schema.safeParse(request.params);
  if (!parsed.success) throw new HttpError(404, 'Page not found');
  return parsed.data;
}

const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

/** Field → label for a section's fields, as the merge names them (a date by its parts). */
const specLabels = (spec: FormSpec<unknown>): Record<string, string> => Object.fromEntries(spec.fields.flatMap((field) =>
  field.kind === 'date' ? (['day', 'month', 'year'] as const).map((part) => [`${field.name}-${part}`, `${field.label} (${part})`]) : [[field.name, field.label]]));
const seenVersion = (request: FastifyRequest) => {
  const version = Number(body(request).mapVersion);
  if (!Number.isInteger(version) || version < 1) throw new HttpError(400, 'This form is missing the version of the map it was opened on. Go back and try again.');
  return version;
};

/** What a remove button is about to remove, in the map's words. */
function describeEntry(shown: MapView, entryId: string): { kind: string; text: string } | undefined {
  const { items, pairs, network, rules } = shown.content;
  const item = items.find((i) => i.itemId === entryId);
  if (item) return { kind: `entry from ${categoryNames[item.category].toLowerCase()}`, text: `${item.words} (${item.saidBy})` };
  const pair = pairs.find((p) => p.pairId === entryId);
  if (pair) return { kind: 'danger statement and its safety goal', text: `Danger statement: ${pair.dangerStatement}. Safety goal: ${pair.safetyGoal}. Its safety scale numbers go with it.` };
  const member = network.find((m) => m.memberId === entryId);
  if (member) return { kind: 'person from the safety network', text: `${member.name} (${member.relationship}): ${member.agreedToDo}` };
  const rule = rules.find((r) => r.ruleId === entryId);
  if (rule) return { kind: 'rule from the safety plan', text: rule.rule };
  return undefined;
}

interface Section<T> {
  /** What the page is called, given the map as it is now. */
  title: (view: MapView, request: FastifyRequest) => string;
  lead?: (view: MapView, request: FastifyRequest) => string[];
  spec: FormSpec<T>;
  submitText: string;
  /** The change to the map; absent for forms that do not change the map's content (meetings, scores). */
  edit?: (value: T, view: MapView, request: FastifyRequest) => MapEdit;
  /** Values to start the form with (an edit form's current text). */
  initial?: (view: MapView, request: FastifyRequest) => Record<string, string>;
}

/**
 * `/children/:childId/safety/…`: maps, their sections, scaling, history, comparisons and family copies.
 * @example await safetyRoutes(app, services)
 */
export async function safetyRoutes(app: FastifyInstance, services: SafetyRoutesNeeds): Promise<void> {
  const { safety } = services;

  async function openMap(request: FastifyRequest): Promise<MapView & { childId: string }> {
    const { childId: child, mapId } = params(mapParams, request);
    const shown = await safety.viewMap(request.user!, child, mapId);
    if (shown.outcome !== 'shown') refuse(shown.outcome);
    return { ...shown, childId: child };
  }

  function renderForm<T>(reply: FastifyReply, request: FastifyRequest, section: Section<T>, shown: MapView & { childId: string }, state: { values: Record<string, string>; errors: Record<string, string>; restored: boolean; version: number; clashes?: Clash[] }) {
    if (state.clashes?.length) reply.code(409);
    return reply.view('safety/views/entryForm.njk', {
      clashes: presentClashes(state.clashes ?? []),
      title: section.title(shown, request),
      values: state.values,
      errors: state.errors,
      errorList: specErrorSummary(section.spec, state.errors),
      restored: state.restored,
      form: {
        caption: shown.map.title,
        lead: section.lead?.(shown, request) ?? [],
        action: request.url.split('?')[0],
        mapVersion: state.version,
        fields: presentFormFields(section.spec, state.values),
        submitText: section.submitText,
        backText: 'Back to the map',
        backHref: paths.safety.map({ childId: shown.childId, mapId: shown.map.mapId }),
      },
    });
  }

  function afterChange(reply: FastifyReply, request: FastifyRequest, result: MapChangeResult, shown: MapView & { childId: string }, spec: FormSpec<unknown>, title: string) {
    if (result.outcome === 'saved') {
      if (!request.session.get('notice')) tellNextPage(request, `Map saved: ${title}`);
      return reply.redirect(paths.safety.map({ childId: shown.childId, mapId: shown.map.mapId }), 303);
    }
    if (result.outcome === 'conflict') {
      return reply.code(409).view('safety/views/conflict.njk', {
        title: 'Someone else changed this map',
        conflict: presentConflict(result, {
          caption: `${shown.map.title}: ${title}`,
          action: request.url.split('?')[0]!,
          mapHref: paths.safety.map({ childId: shown.childId, mapId: shown.map.mapId }),
          spec,
          body: body(request),
        }),
      });
    }
    return refuse(result.outcome);
  }

  function section<T>(url: string, definition: Section<T>): void {
    /** An edit form's text as saved now, at the map's current version (the third side of a merge). */
    const current = (shown: MapView, request: FastifyRequest): Versioned | undefined =>
      definition.initial ? { version: shown.map.version, values: definition.initial(shown, request) } : undefined;
    app.get(url, record, async (request, reply) => {
      const shown = await openMap(request);
      const now = current(shown, request);
      // A kept draft (given back by setUpDrafts) brings the version it was typed against, so a change made meanwhile is merged.
      const values = now ? { ...now.values, ...startedFrom(now) } : {};
      const draftVersion = Number(request.draft?.mapVersion);
      const version = Number.isInteger(draftVersion) && draftVersion >= 1 ? draftVersion : shown.map.version;
      reply.header('cache-control', 'no-store');
      return renderForm(reply, request, definition, shown, { values, errors: {}, restored: !!request.draft, version });
    });
    app.post(url, record, async (request, reply) => {
      const shown = await openMap(request);
      let version = seenVersion(request);
      let posted = { ...submittedValues(definition.spec, body(request)), ...versionFields(body(request)) };
      const now = current(shown, request);
      let theirs: string[] = [];
      if (now && readStarted(posted)) {
        // Started from an older map: keep what the other person changed, apply what this person changed.
        const settled = reconcile(posted, specLabels(definition.spec), now);
        if (settled.outcome === 'clash') return renderForm(reply, request, definition, shown, { values: settled.values, errors: {}, restored: false, version: now.version, clashes: settled.clashes });
        posted = { ...settled.values, ...startedFrom(now) };
        version = now.version;
        theirs = settled.outcome === 'merged' ? settled.theirs : [];
      }
      const read = readForm(definition.spec, posted);
      if (read.errors) {
        return renderForm(reply, request, definition, shown, { values: posted, errors: read.errors, restored: false, version });
      }
      if (theirs.length) tellNextPage(request, mergedNotice(`Map saved: ${definition.title(shown, request)}`, theirs));
      const result = await safety.changeMap(request.user!, shown.childId, shown.map.mapId, version, definition.edit!(read.value, shown, request));
      return afterChange(reply, request, result, shown, definition.spec as FormSpec<unknown>, definition.title(shown, request));
    });
  }

  const categoryOf = (request: FastifyRequest): ItemCategory => {
    const category = (request.params as { category?: string }).category;
    if (!itemCategories.includes(category as ItemCategory)) throw new HttpError(404, 'Page not found');
    return category as ItemCategory;
  };
  const pairOf = (view: MapView, request: FastifyRequest) => {
    const pair = view.content.pairs.find((p) => p.pairId === (request.params as { pairId?: string }).pairId);
    if (!pair) throw new HttpError(404, 'That danger statement is not on this map');
    return pair;
  };
  const dateParts = (name: string, iso: string) => {
    const [y, m, d] = iso.split('-');
    return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
  };

  app.get(paths.safety.maps.pattern, view, async (request, reply) => {
    const { childId: child } = params(z.object({ childId }), request);
    const listed = await safety.mapsForChild(request.user!, child);
    if (listed.outcome !== 'shown') refuse(listed.outcome);
    // The maps are audited as the view of the child (safety.viewed); the family from the summary is not again.
    const summary = await services.children.summaryForAuditedPage(request.user!, child);
    if (summary.outcome !== 'shown') refuse(summary.outcome);
    reply.header('cache-control', 'no-store');
    return reply.view('safety/views/maps.njk', { title: 'Safety maps', ...presentMapList(child, summary.summary, listed.maps, request.draft), errors: {}, errorList: [] });
  });

  app.post(paths.safety.maps.pattern, record, async (request, reply) => {
    const { childId: child } = params(z.object({ childId }), request);
    const submitted = body(request);
    const title = typeof submitted.title === 'string' ? submitted.title.trim() : '';
    const siblings = ([] as unknown[]).concat(submitted.siblings ?? []).filter((s): s is string => typeof s === 'string' && childId.safeParse(s).success);
    /** The list and form again, with what was typed and a plain message beside the field that needs it. */
    const again = async (field: 'title' | 'siblings', message: string) => {
      const listed = await safety.mapsForChild(request.user!, child);
      const summary = await services.children.summaryForAuditedPage(request.user!, child);
      if (listed.outcome !== 'shown') refuse(listed.outcome);
      if (summary.outcome !== 'shown') refuse(summary.outcome);
        return reply.code(422).view('safety/views/maps.njk', {
        title: 'Safety maps',
        ...presentMapList(child, summary.summary, listed.maps, { title, siblings, fromLast: String(submitted.fromLast ?? '') }),
        errors: { [field]: message },
        errorList: [{ text: message, href: field === 'title' ? '#title' : '#siblings' }],
      });
    };
    if (!title || title.length > 200) return again('title', title ? 'Name of the map must be 200 characters or fewer' : 'Enter a name for the map');
    const started = await safety.startMap(request.user!, child, { title, siblingIds: siblings, fromLast: submitted.fromLast === 'yes' });
    if (started.outcome === 'siblings_refused') {
      return again('siblings', 'This map can only cover brothers and sisters you may open. Choose from the ones listed, or ask your team manager about the others.');
    }
    if (started.outcome !== 'started') refuse(started.outcome);
    tellNextPage(request, 'Safety map started');
    return reply.redirect(paths.safety.map({ childId: child, mapId: started.mapId }), 303);
  });

  app.get(paths.safety.map.pattern, view, async (request, reply) => {
    const shown = await openMap(request);
    reply.header('cache-control', 'no-store');
    return reply.view('safety/views/map.njk', { title: shown.map.title, ...presentMap(shown.childId, shown) });
  });

  section(paths.safety.newItem.pattern, {
    title: (_, request) => `Add to ${categoryNames[categoryOf(request)].toLowerCase()}`,
    spec: itemForm,
    submitText: 'Save and go back to the map',
    edit: (value, _, request) => ({ kind: 'item', item: { category: categoryOf(request), ...value } }),
  });

  section(paths.safety.newPair.pattern, {
    title: () => 'Add a danger statement and its safety goal',
    spec: pairForm,
    submitText: 'Save and go back to the map',
    edit: (value) => ({ kind: 'pair', pair: value }),
  });

  section(paths.safety.editPair.pattern, {
    title: () => 'Change a danger statement and its safety goal',
    spec: pairForm,
    submitText: 'Save and go back to the map',
    initial: (shown, request) => {
      const pair = pairOf(shown, request);
      return { dangerStatement: pair.dangerStatement, safetyGoal: pair.safetyGoal, saidBy: pair.saidBy, ...dateParts('saidOn', pair.saidOn) };
    },
    edit: (value, shown, request) => ({ kind: 'editPair', pair: { ...value, pairId: pairOf(shown, request).pairId } }),
  });

  const itemOf = (view: MapView, request: FastifyRequest) => {
    const item = view.content.items.find((i) => i.itemId === (request.params as { itemId?: string }).itemId);
    if (!item) throw new HttpError(404, 'That entry is not on this map');
    return item;
  };
  const memberOf = (view: MapView, request: FastifyRequest) => {
    const member = view.content.network.find((m) => m.memberId === (request.params as { memberId?: string }).memberId);
    if (!member) throw new HttpError(404, 'That person is not in this safety network');
    return member;
  };
  const ruleOf = (view: MapView, request: FastifyRequest) => {
    const rule = view.content.rules.find((r) => r.ruleId === (request.params as { ruleId?: string }).ruleId);
    if (!rule) throw new HttpError(404, 'That rule is not in this safety plan');
    return rule;
  };

  // Every part of the map can be changed as well as removed: the change is kept in the map's versions with who and when.
  section(paths.safety.editItem.pattern, {
    title: (shown, request) => `Change an entry in ${categoryNames[itemOf(shown, request).category].toLowerCase()}`,
    spec: itemForm,
    submitText: 'Save and go back to the map',
    initial: (shown, request) => {
      const item = itemOf(shown, request);
      return { words: item.words, saidBy: item.saidBy, ...dateParts('saidOn', item.saidOn) };
    },
    edit: (value, shown, request) => ({ kind: 'editItem', item: { ...value, itemId: itemOf(shown, request).itemId } }),
  });

  section(paths.safety.editMember.pattern, {
    title: () => 'Change someone in the safety network',
    spec: memberForm,
    submitText: 'Save and go back to the map',
    initial: (shown, request) => {
      const member = memberOf(shown, request);
      return { name: member.name, relationship: member.relationship, agreedToDo: member.agreedToDo };
    },
    edit: (value, shown, request) => ({ kind: 'editMember', member: { ...value, memberId: memberOf(shown, request).memberId } }),
  });

  section(paths.safety.editRule.pattern, {
    title: () => 'Change a rule in the safety plan',
    spec: ruleForm,
    submitText: 'Save and go back to the map',
    initial: (shown, request) => {
      const rule = ruleOf(shown, request);
      return { rule: rule.rule, whoDoesWhat: rule.whoDoesWhat, ifBroken: rule.ifBroken };
    },
    edit: (value, shown, request) => ({ kind: 'editRule', rule: { ...value, ruleId: ruleOf(shown, request).ruleId } }),
  });

  section(paths.safety.newMember.pattern, {
    title: () => 'Add someone to the safety network',
    spec: memberForm,
    submitText: 'Save and go back to the map',
    edit: (value) => ({ kind: 'member', member: value }),
  });

  section(paths.safety.newRule.pattern, {
    title: () => 'Add a rule to the safety plan',
    lead: () => ['Write the rule the way the family said it.'],
    spec: ruleForm,
    submitText: 'Save and go back to the map',
    edit: (value) => ({ kind: 'rule', rule: value }),
  });

  app.post(paths.safety.remove.pattern, record, async (request, reply) => {
    const shown = await openMap(request);
    const { entryId } = params(z.object({ childId, mapId: uuid, entryId: uuid }), request);
    const entry = describeEntry(shown, entryId);
    if (!entry) throw new HttpError(404, 'That entry is not on this map');
    if (!confirmed(body(request))) {
      return askToConfirm(reply, {
        question: `Remove this ${entry.kind}?`,
        details: [entry.text],
        consequence: 'It goes from the map now, but earlier versions of the map still show it.',
        action: request.url.split('?')[0]!,
        confirmText: 'Yes, remove it',
        backHref: paths.safety.map({ childId: shown.childId, mapId: shown.map.mapId }),
        fields: fieldsToRepost(body(request)),
      });
    }
    const result = await safety.changeMap(request.user!, shown.childId, shown.map.mapId, seenVersion(request), { kind: 'remove', entryId });
    const removeSpec: FormSpec<unknown> = { fields: [], schema: z.unknown() };
    return afterChange(reply, request, result, shown, removeSpec, 'Remove an entry');
  });

  // Recording a meeting fixes the version on screen; scores are dated facts of their own.
  app.get(paths.safety.newMeeting.pattern, record, async (request, reply) => {
    const shown = await openMap(request);
    const values = request.draft ? submittedValues(meetingForm, request.draft) : {};
    return renderForm(reply, request, meetingSection, shown, { values, errors: {}, restored: !!request.draft, version: shown.map.version });
  });
  const meetingSection: Section<{ meetingType: 'case_conference' | 'core_group' | 'review'; heldOn: string }> = {
    title: () => 'Save this version of the map',
    lead: () => ['This saves the map as it is now, named by the meeting that agreed it and its date. Changes made before now belong to this version.'],
    spec: meetingForm,
    submitText: 'Save this version',
  };
  app.post(paths.safety.newMeeting.pattern, record, async (request, reply) => {
    const shown = await openMap(request);
    const version = seenVersion(request);
    const read = readForm(meetingForm, body(request));
    if (read.errors) return renderForm(reply, request, meetingSection, shown, { values: submittedValues(meetingForm, body(request)), errors: read.errors, restored: false, version });
    const result = await safety.recordMeeting(request.user!, shown.childId, shown.map.mapId, version, read.value);
    return afterChange(reply, request, result, shown, meetingForm as FormSpec<unknown>, 'Version saved');
  });

  const scoreSection: Section<{ personName: string; personRole: 'worker'; score: number; scoredOn: string }> = {
    title: () => 'Record a safety scale number',
    lead: (shown, request) => {
      const pair = pairOf(shown, request);
      return [`“${scalingQuestion}”`, `Danger statement: ${pair.dangerStatement}`, `Safety goal: ${pair.safetyGoal}`];
    },
    spec: scoreForm as FormSpec<{ personName: string; personRole: 'worker'; score: number; scoredOn: string }>,
    submitText: 'Save this number',
  };
  app.get(paths.safety.newScore.pattern, record, async (request, reply) => {
    const shown = await openMap(request);
    pairOf(shown, request);
    const values = request.draft ? submittedValues(scoreForm, request.draft) : {};
    return renderForm(reply, request, scoreSection, shown, { values, errors: {}, restored: !!request.draft, version: shown.map.version });
  });
  app.post(paths.safety.newScore.pattern, record, async (request, reply) => {
    const shown = await openMap(request);
    const pair = pairOf(shown, request);
    const read = readForm(scoreForm, body(request));
    const values = submittedValues(scoreForm, body(request));
    if (read.errors) return renderForm(reply, request, scoreSection, shown, { values, errors: read.errors, restored: false, version: shown.map.version });
    const saved = await safety.recordScore(request.user!, shown.childId, shown.map.mapId, { ...read.value, pairId: pair.pairId });
    if (saved.outcome === 'duplicate') {
      const errors = { personName: `${read.value.personName} already has a number for this on that date` };
      return renderForm(reply, request, scoreSection, shown, { values, errors, restored: false, version: shown.map.version });
    }
    if (saved.outcome !== 'saved') refuse(saved.outcome);
    tellNextPage(request, 'Score recorded');
    return reply.redirect(paths.safety.scaling({ childId: shown.childId, mapId: shown.map.mapId }), 303);
  });

  // The scaling grid: every person's number for every danger statement at one meeting, in one form.
  function showGrid(reply: FastifyReply, shown: MapView & { childId: string }, values: Record<string, string>, errors: Record<string, string>, rows: number) {
    const ids = { childId: shown.childId, mapId: shown.map.mapId };
    if (Object.keys(errors).length) reply.code(422);
    reply.header('cache-control', 'no-store');
    return reply.view('safety/views/scalingGrid.njk', {
      title: 'Everyone’s numbers at a meeting',
      question: scalingQuestion,
      mapTitle: shown.map.title,
      scalingHref: paths.safety.scaling(ids),
      action: paths.safety.scalingGrid(ids),
      values,
      errors,
      errorList: errorSummary(errors, gridFieldOrder(rows, shown.content.pairs.length)),
      grid: presentGrid(shown.content.pairs, values, errors, rows),
    });
  }
  app.get(paths.safety.scalingGrid.pattern, record, async (request, reply) => {
    const shown = await openMap(request);
    if (shown.content.pairs.length === 0) throw new HttpError(404, 'Add a danger statement and its safety goal to the map before scaling');
    const typed = (request.draft ?? {}) as Record<string, unknown>;
    const rows = gridRowCount(typed);
    return showGrid(reply, shown, gridValues(typed, rows, shown.content.pairs.length), {}, rows);
  });
  app.post(paths.safety.scalingGrid.pattern, record, async (request, reply) => {
    const shown = await openMap(request);
    const pairs = shown.content.pairs;
    const posted = body(request);
    if (posted.more === 'rows') {
      const rows = gridRowCount(posted, true);
      return showGrid(reply, shown, gridValues(posted, rows, pairs.length), {}, rows);
    }
    const rows = gridRowCount(posted);
    const values = gridValues(posted, rows, pairs.length);
    const read = readGrid(posted, pairs, rows);
    if (read.errors) return showGrid(reply, shown, values, read.errors, rows);
    const saved = await safety.recordScaling(request.user!, shown.childId, shown.map.mapId, read.value);
    if (saved.outcome === 'already_scored') {
      const errors: Record<string, string> = {};
      for (const cell of saved.cells) {
        const column = pairs.findIndex((p) => p.pairId === cell.pairId) + 1;
        errors[cellName(cell.row, column)] = `${values[nameField(cell.row)]} already has a number for danger statement ${column} on that date`;
      }
      return showGrid(reply, shown, values, errors, rows);
    }
    if (saved.outcome !== 'saved') refuse(saved.outcome);
    tellNextPage(request, `Numbers saved for ${read.value.people.length} ${read.value.people.length === 1 ? 'person' : 'people'}`);
    return reply.redirect(paths.safety.scaling({ childId: shown.childId, mapId: shown.map.mapId }), 303);
  });

  app.get(paths.safety.scaling.pattern, view, async (request, reply) => {
    const shown = await openMap(request);
    reply.header('cache-control', 'no-store');
    return reply.view('safety/views/scaling.njk', { title: 'Safety scaling', ...(await presentScaling(shown.childId, shown)) });
  });

  app.get(paths.safety.history.pattern, view, async (request, reply) => {
    const { childId: child, mapId } = params(mapParams, request);
    const history = await safety.history(request.user!, child, mapId);
    if (history.outcome !== 'shown') refuse(history.outcome);
    return reply.view('safety/views/history.njk', { title: 'Versions of this map', ...presentHistory(child, history.map, history.edits, history.meetings) });
  });

  app.get(paths.safety.compare.pattern, view, async (request, reply) => {
    const { childId: child, mapId } = params(mapParams, request);
    const saved = z.object({ from: z.union([uuid, z.literal('now')]), to: z.union([uuid, z.literal('now')]) }).safeParse(request.query);
    if (saved.success) {
      // Saved versions are offered by their meeting's name and date.
      const compared = await safety.compareMeetings(request.user!, child, mapId, saved.data.from, saved.data.to);
      if (compared.outcome !== 'shown') refuse(compared.outcome);
      const [fromName, toName] = [savedVersionName(compared.from), savedVersionName(compared.to)];
      return reply.view('safety/views/compare.njk', {
        title: `Compare ${fromName} with ${toName.replace(/^The map/, 'the map')}`,
        ...presentComparison(child, compared.map, fromName, toName, compared.before, compared.after, compared.changes,
          { before: scoresAtMeeting(compared.before, compared.from.scores), after: scoresAtMeeting(compared.after, compared.to.scores) }),
      });
    }
    const query = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }).safeParse(request.query);
    if (!query.success) throw new HttpError(400, 'Choose two versions of the map to compare');
    const compared = await safety.compareVersions(request.user!, child, mapId, query.data.from, query.data.to);
    if (compared.outcome !== 'shown') refuse(compared.outcome);
    return reply.view('safety/views/compare.njk', {
      title: `Compare version ${query.data.from} with version ${query.data.to}`,
      ...presentComparison(child, compared.map, query.data.from, query.data.to, compared.before, compared.after, compared.changes),
    });
  });

  app.get(paths.safety.familyCopy.pattern, view, async (request, reply) => {
    const { childId: child, mapId, format } = params(z.object({ childId, mapId: uuid, format: z.enum(['pdf', 'docx']) }), request);
    const copy = await safety.familyCopy(request.user!, child, mapId, format);
    if (copy.outcome !== 'shown') refuse(copy.outcome);
    const file = format === 'pdf' ? await familyCopyPdf(copy.content) : await familyCopyDocx(copy.content);
    reply.header('cache-control', 'no-store');
    reply.header('content-type', format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    reply.header('content-disposition', `attachment; filename="safety-plan.${format}"`);
    return reply.send(file);
  });

  await app.register(async (scope) => childVoiceRoutes(scope, services));
}

