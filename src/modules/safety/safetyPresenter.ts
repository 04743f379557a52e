/** @module View models for the Signs of Safety pages: the only way map, plan and voice data reaches a template. */
import { paths } from '../../platform/http/paths.js';
import { longDateOf } from '../../platform/dates/formats.js';
import type { ChildSummary } from '../children/child.js';
import { scalingQuestion, type MapChange, type MapContent, type MapMeeting, type MapView, type SafetyMap, type SafetyScore } from './safetyMap.js';
import { type ChildDrawing, type VoiceEntry } from './childVoice.js';
import type { FormSpec } from './safetyForms.js';
import type { MapConflict } from './safetyService.js';
import { scalingChartSvg } from './scalingChart.js';
import { dateTimeOf } from '../../platform/dates/formats.js';
import { categoryNames, itemCategories, meetingTypeNames, personRoleNames } from '../../platform/codes/safetyCodes.js';
import { voiceToolNames, voiceTools } from '../../platform/codes/safetyCodes.js';

const childName = (c: { forename: string | null; surname: string | null; childId: string }) => [c.forename, c.surname].filter(Boolean).join(' ') || c.childId;

/** A form's fields, with radio items marked as chosen. @example presentFormFields(meetingForm, { meetingType: 'review' }) */
export function presentFormFields(spec: FormSpec<unknown>, values: Record<string, string>) {
  return spec.fields.map((field) => ({
    ...field,
    inline: field.name === 'score',
    items: field.choices ? Object.entries(field.choices).map(([value, text]) => ({ value, text, checked: values[field.name] === value })) : undefined,
  }));
}

/**
 * The child's list of maps and the form to start one. The brothers and sisters offered are the summary's, which holds
 * only those this person may open (childService's family rule), the only ones a map may be started for.
 * @example presentMapList('C1', summary, maps, request.draft)
 */
export function presentMapList(childId: string, summary: ChildSummary, maps: SafetyMap[], typed?: Record<string, string | string[]>) {
  const siblingsTyped = ([] as string[]).concat(typed?.siblings ?? []);
  return {
    childId,
    childName: childName(summary.child),
    childHref: paths.children.show({ childId }),
    voiceHref: paths.safety.voice({ childId }),
    action: paths.safety.maps({ childId }),
    restored: !!typed && !!typed.title,
    values: { title: typeof typed?.title === 'string' ? typed.title : '' },
    fromLastChecked: typed?.fromLast === 'yes',
    canStartFromLast: maps.length > 0,
    siblingItems: summary.familyMembers.map((m) => ({ value: m.childId, text: childName(m), checked: siblingsTyped.includes(m.childId) })),
    maps: maps.map((m) => ({ title: m.title, href: paths.safety.map({ childId, mapId: m.mapId }), started: dateTimeOf(new Date(m.createdAt)), version: m.version })),
  };
}

/**
 * A map's page: the pairs with their scales, each category, the network and plan, meetings and the audit elements.
 * @example presentMap('C1', shown)
 */
export function presentMap(childId: string, shown: MapView) {
  const { map, content } = shown;
  const ids = { childId, mapId: map.mapId };
  const latest = new Map<string, { score: number; person: string; date: string }[]>();
  for (const s of shown.scores) latest.set(s.pairId, [...(latest.get(s.pairId) ?? []), { score: s.score, person: s.personName, date: s.scoredOn }]);
  const removeHref = (entryId: string) => paths.safety.remove({ ...ids, entryId });
  return {
    mapId: map.mapId,
    version: map.version,
    siblings: map.siblingIds,
    backHref: paths.safety.maps({ childId }),
    pairs: content.pairs.map((p, index) => {
      const scores = latest.get(p.pairId) ?? [];
      const lastDate = scores.at(-1)?.date;
      return {
        number: index + 1,
        dangerStatement: p.dangerStatement,
        safetyGoal: p.safetyGoal,
        said: `${p.saidBy}, ${longDateOf(p.saidOn)}`,
        latestScores: lastDate ? scores.filter((s) => s.date === lastDate).map((s) => `${s.person}: ${s.score}`).join(', ') + ` (${longDateOf(lastDate)})` : 'No numbers yet',
        editHref: paths.safety.editPair({ ...ids, pairId: p.pairId }),
        scoreHref: paths.safety.newScore({ ...ids, pairId: p.pairId }),
        removeHref: removeHref(p.pairId),
      };
    }),
    newPairHref: paths.safety.newPair(ids),
    categories: itemCategories.map((category) => ({
      id: category.replace(/_/g, '-'),
      name: categoryNames[category],
      addHref: paths.safety.newItem({ ...ids, category }),
      items: content.items.filter((i) => i.category === category).map((i) => ({ words: i.words, said: `${i.saidBy}, ${longDateOf(i.saidOn)}`, editHref: paths.safety.editItem({ ...ids, itemId: i.itemId }), removeHref: removeHref(i.itemId) })),
    })),
    network: content.network.map((m) => ({ name: m.name, relationship: m.relationship, agreedToDo: m.agreedToDo, editHref: paths.safety.editMember({ ...ids, memberId: m.memberId }), removeHref: removeHref(m.memberId) })),
    newMemberHref: paths.safety.newMember(ids),
    rules: content.rules.map((r) => ({ rule: r.rule, whoDoesWhat: r.whoDoesWhat, ifBroken: r.ifBroken, editHref: paths.safety.editRule({ ...ids, ruleId: r.ruleId }), removeHref: removeHref(r.ruleId) })),
    newRuleHref: paths.safety.newRule(ids),
    meetings: shown.meetings.map((m) => ({ text: meetingName(m) })),
    savedAs: savedAsText(shown),
    newMeetingHref: paths.safety.newMeeting(ids),
    scalingHref: paths.safety.scaling(ids),
    gridHref: content.pairs.length ? paths.safety.scalingGrid(ids) : undefined,
    historyHref: paths.safety.history(ids),
    pdfHref: paths.safety.familyCopy({ ...ids, format: 'pdf' }),
    docxHref: paths.safety.familyCopy({ ...ids, format: 'docx' }),
    elements: shown.elements.map((e) => ({ name: e.name, present: e.present ? 'Recorded' : 'Missing' })),
  };
}

/** Where the map stands against its saved versions: "Last saved at Core group, 3 February 2026; 2 changes since". */
function savedAsText(shown: MapView): string {
  const last = [...shown.meetings].sort((a, b) => a.version - b.version || a.heldOn.localeCompare(b.heldOn)).at(-1);
  if (!last) return 'Not saved as a version yet';
  const since = shown.map.version - last.version;
  return `Last saved at ${meetingName(last)}${since ? `; ${since} ${since === 1 ? 'change' : 'changes'} since` : ''}`;
}

/**
 * The conflict page: what the other person changed, and this person's change ready to apply again.
 * @example presentConflict(result, { caption, action: request.url, mapHref, spec: itemForm, body: request.body })
 */
export function presentConflict(conflict: MapConflict, context: { caption: string; action: string; mapHref: string; spec: FormSpec<unknown>; body: Record<string, unknown> }) {
  const fields: Record<string, string> = {};
  const yours: { key: string; value: string }[] = [];
  for (const field of context.spec.fields) {
    const names = field.kind === 'date' ? ['day', 'month', 'year'].map((part) => `${field.name}-${part}`) : [field.name];
    for (const name of names) if (typeof context.body[name] === 'string') fields[name] = context.body[name];
    const value = field.kind === 'date'
      ? names.map((n) => fields[n] ?? '').join('/')
      : field.choices ? field.choices[fields[field.name] ?? ''] ?? '' : fields[field.name] ?? '';
    yours.push({ key: field.label, value });
  }
  if (context.spec.fields.length === 0) yours.push({ key: 'Change', value: 'Remove an entry' });
  return {
    caption: context.caption,
    action: context.action,
    mapHref: context.mapHref,
    currentVersion: conflict.currentVersion,
    theirEdits: conflict.theirEdits.map((e) => ({ change: e.change, changedBy: e.changedBy, changedAt: dateTimeOf(new Date(e.changedAt)) })),
    changes: conflict.changes.map((c) => ({ section: c.section, before: c.before ?? '(nothing)', after: c.after ?? '(removed)' })),
    fields,
    yours,
  };
}

/**
 * The scaling page: the question, and for each pair a chart of everyone's numbers over time with the same numbers as a table.
 * @example await presentScaling('C1', shown)
 */
export async function presentScaling(childId: string, shown: MapView) {
  const ids = { childId, mapId: shown.map.mapId };
  const pairs = await Promise.all(shown.content.pairs.map(async (p, index) => {
    const scores = shown.scores.filter((s) => s.pairId === p.pairId);
    const people = [...new Set(scores.map((s) => s.personName))];
    const dates = [...new Set(scores.map((s) => s.scoredOn))].sort();
    const description = people.map((person) => {
      const theirs = scores.filter((s) => s.personName === person);
      return `${person}: ${theirs.map((s) => `${s.score} on ${longDateOf(s.scoredOn)}`).join(', ')}`;
    }).join('. ');
    return {
      number: index + 1,
      dangerStatement: p.dangerStatement,
      safetyGoal: p.safetyGoal,
      scoreHref: paths.safety.newScore({ ...ids, pairId: p.pairId }),
      chart: scores.length ? await scalingChartSvg(scores.map((s) => ({ date: s.scoredOn, person: s.personName, score: s.score })), `Safety scale over time for danger statement ${index + 1}`, description) : undefined,
      people: people.map((person) => {
        const role = scores.find((s) => s.personName === person)?.personRole;
        return `${person}${role ? ` (${personRoleNames[role]})` : ''}`;
      }),
      rows: dates.map((date) => ({
        date: longDateOf(date),
        cells: people.map((person) => String(scores.find((s) => s.scoredOn === date && s.personName === person)?.score ?? '–')),
      })),
    };
  }));
  return { question: scalingQuestion, mapTitle: shown.map.title, mapHref: paths.safety.map(ids), gridHref: shown.content.pairs.length ? paths.safety.scalingGrid(ids) : undefined, pairs };
}

/** A saved version's name: the meeting and its date. @example meetingName(meeting) // 'Core group, 3 February 2026' */
export const meetingName = (m: MapMeeting) => `${meetingTypeNames[m.meetingType]}, ${longDateOf(m.heldOn)}`;

/**
 * The versions of a map as people think of them: one per meeting or deliberate save, each with the changes made
 * since the one before (who and when), then the changes not saved as a version yet; and a form to compare two
 * meetings, offered by name and date.
 * @example presentHistory('C1', map, edits, meetings)
 */
export function presentHistory(childId: string, map: SafetyMap, edits: { version: number; change: string; changedBy: string; changedAt: Date }[], meetings: MapMeeting[]) {
  const line = (e: { version: number; change: string; changedBy: string; changedAt: Date }) => ({ change: e.change, changedBy: e.changedBy, changedAt: dateTimeOf(new Date(e.changedAt)) });
  const saved = [...meetings].sort((a, b) => a.version - b.version || a.heldOn.localeCompare(b.heldOn));
  let upTo = 0;
  const versions = saved.map((m) => {
    const changes = edits.filter((e) => e.version > upTo && e.version <= m.version).map(line);
    upTo = Math.max(upTo, m.version);
    return { id: m.meetingId, name: meetingName(m), changes };
  });
  const unsaved = edits.filter((e) => e.version > upTo).map(line);
  const byDate = [...meetings].sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.version - b.version);
  const options = [...byDate.map((m) => ({ value: m.meetingId, text: meetingName(m) })), { value: 'now', text: 'The map as it is now' }];
  const fromDefault = byDate.at(-2)?.meetingId ?? byDate.at(-1)?.meetingId;
  const toDefault = byDate.length >= 2 ? byDate.at(-1)!.meetingId : 'now';
  return {
    mapTitle: map.title,
    mapHref: paths.safety.map({ childId, mapId: map.mapId }),
    saveHref: paths.safety.newMeeting({ childId, mapId: map.mapId }),
    compareAction: paths.safety.compare({ childId, mapId: map.mapId }),
    versions,
    unsaved,
    canCompare: meetings.length > 0,
    fromItems: options.map((o) => ({ ...o, selected: o.value === fromDefault })),
    toItems: options.map((o) => ({ ...o, selected: o.value === toDefault })),
  };
}

/** What a saved version is called on the comparison page: its meeting, or "the map as it is now". */
export function savedVersionName(side: { meeting?: MapMeeting }): string {
  return side.meeting ? meetingName(side.meeting) : 'The map as it is now';
}

/** The safety scale numbers given at a meeting, as lines under each danger statement of the map compared. */
export function scoresAtMeeting(content: MapContent, scores: readonly SafetyScore[]): string[] {
  return content.pairs.flatMap((p, index) => {
    const given = scores.filter((s) => s.pairId === p.pairId);
    return given.length ? [`Danger statement ${index + 1}: ${given.map((s) => `${s.personName} ${s.score}`).join(', ')}`] : [];
  });
}

function contentSections(content: MapContent) {
  return [
    { name: 'Danger statements and safety goals', lines: content.pairs.map((p) => `Danger: ${p.dangerStatement} Goal: ${p.safetyGoal}`) },
    ...itemCategories.map((category) => ({ name: categoryNames[category], lines: content.items.filter((i) => i.category === category).map((i) => `${i.words} (${i.saidBy})`) })),
    { name: 'Safety network', lines: content.network.map((m) => `${m.name} (${m.relationship}): ${m.agreedToDo}`) },
    { name: 'Safety plan', lines: content.rules.map((r) => `${r.rule} Who does what: ${r.whoDoesWhat} If broken: ${r.ifBroken}`) },
  ];
}

/**
 * Two versions side by side, section by section, and a list of what changed.
 * @example presentComparison('C1', map, 2, 5, before, after, changes)
 */
export function presentComparison(childId: string, map: SafetyMap, from: number | string, to: number | string, before: MapContent, after: MapContent, changes: MapChange[], numbers?: { before: string[]; after: string[] }) {
  const beforeSections = contentSections(before);
  const afterSections = contentSections(after);
  if (numbers) {
    beforeSections.push({ name: 'Safety scale numbers given at the meeting', lines: numbers.before });
    afterSections.push({ name: 'Safety scale numbers given at the meeting', lines: numbers.after });
  }
  return {
    mapTitle: map.title,
    historyHref: paths.safety.history({ childId, mapId: map.mapId }),
    fromName: typeof from === 'number' ? `Version ${from}` : from,
    toName: typeof to === 'number' ? `Version ${to}` : to,
    sections: beforeSections.map((section, i) => ({ name: section.name, before: section.lines, after: afterSections[i]!.lines })),
    changes: changes.map((c) => ({
      text: c.kind === 'added' ? `${c.section}: added “${c.after}”` : c.kind === 'removed' ? `${c.section}: removed “${c.before}”` : `${c.section}: changed from “${c.before}” to “${c.after}”`,
    })),
  };
}

/**
 * The child's voice page: the Three Houses and Words and Pictures, in their words, with their drawings.
 * @example presentVoice('C1', entries, drawings)
 */
export function presentVoice(childId: string, entries: VoiceEntry[], drawings: ChildDrawing[]) {
  return {
    childHref: paths.children.show({ childId }),
    newWordsHref: paths.safety.newWords({ childId }),
    newDrawingHref: paths.safety.newDrawing({ childId }),
    tools: voiceTools.map((tool) => ({
      id: tool.replace(/_/g, '-'),
      name: voiceToolNames[tool],
      entries: entries.filter((e) => e.tool === tool).map((e) => ({ words: e.words, date: longDateOf(e.recordedOn) })),
      drawings: drawings.filter((d) => d.tool === tool).map((d) => ({ src: paths.safety.drawing({ childId, drawingId: d.drawingId }), alt: d.description, date: longDateOf(d.drawnOn) })),
    })),
  };
}
