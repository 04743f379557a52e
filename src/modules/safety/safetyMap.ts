/** @module Signs of Safety case maps: the analysis categories, a map's content, and pure rules about it. */
import { ItemCategory, MeetingType, PersonRole, categoryNames, itemCategories } from '../../platform/codes/safetyCodes.js';





/** The judgement question, as practitioners ask it. */
export const scalingQuestion =
  'On a scale of 0 to 10 where 10 means everyone knows the children are safe enough for the case to close and 0 means things are so bad the children can’t live at home, where do you rate this situation?';

export interface MapItem { itemId: string; category: ItemCategory; words: string; saidBy: string; saidOn: string }
/** A danger statement always comes with its safety goal. */
export interface SafetyPair { pairId: string; dangerStatement: string; safetyGoal: string; saidBy: string; saidOn: string }
export interface NetworkMember { memberId: string; name: string; relationship: string; agreedToDo: string }
export interface PlanRule { ruleId: string; rule: string; whoDoesWhat: string; ifBroken: string }

/** Everything on a map at one version: what revisions keep and what versions are compared by. */
export interface MapContent {
  title: string;
  items: MapItem[];
  pairs: SafetyPair[];
  network: NetworkMember[];
  rules: PlanRule[];
}

export interface SafetyMap {
  mapId: string;
  childId: string;
  siblingIds: string[];
  title: string;
  version: number;
  startedFrom: string | null;
  createdAt: Date;
}

export interface SafetyScore {
  scoreId: string;
  pairId: string;
  scoredOn: string;
  personName: string;
  personRole: PersonRole;
  score: number;
}

export interface MapMeeting { meetingId: string; version: number; meetingType: MeetingType; heldOn: string }

/** One line of difference between two versions of a map. */
export interface MapChange { section: string; kind: 'added' | 'removed' | 'changed'; before?: string; after?: string }

const describe = {
  item: (i: MapItem) => `${i.words} (${i.saidBy}, ${i.saidOn})`,
  pair: (p: SafetyPair) => `Danger: ${p.dangerStatement} — Goal: ${p.safetyGoal}`,
  member: (m: NetworkMember) => `${m.name} (${m.relationship}): ${m.agreedToDo}`,
  rule: (r: PlanRule) => `${r.rule} — Who does what: ${r.whoDoesWhat} — If broken: ${r.ifBroken}`,
};

function diffList<T>(section: string, before: T[], after: T[], id: (t: T) => string, text: (t: T) => string): MapChange[] {
  const changes: MapChange[] = [];
  const old = new Map(before.map((t) => [id(t), t]));
  const now = new Map(after.map((t) => [id(t), t]));
  for (const [key, t] of old) {
    const next = now.get(key);
    if (!next) changes.push({ section, kind: 'removed', before: text(t) });
    else if (text(next) !== text(t)) changes.push({ section, kind: 'changed', before: text(t), after: text(next) });
  }
  for (const [key, t] of now) if (!old.has(key)) changes.push({ section, kind: 'added', after: text(t) });
  return changes;
}

/**
 * What changed between two versions of a map, section by section. Items keep their ids from version to
 * version, so an edit shows as a change, not a removal and an addition.
 * @example compareContents(before, after) // [{ section: 'Existing strengths', kind: 'added', after: 'Gran visits daily (Gran, 2026-01-05)' }]
 */
export function compareContents(before: MapContent, after: MapContent): MapChange[] {
  const changes: MapChange[] = [];
  if (before.title !== after.title) changes.push({ section: 'Title', kind: 'changed', before: before.title, after: after.title });
  changes.push(...diffList('Danger statements and safety goals', before.pairs, after.pairs, (p) => p.pairId, describe.pair));
  for (const category of itemCategories) {
    const pick = (c: MapContent) => c.items.filter((i) => i.category === category);
    changes.push(...diffList(categoryNames[category], pick(before), pick(after), (i) => i.itemId, describe.item));
  }
  changes.push(...diffList('Safety network', before.network, after.network, (m) => m.memberId, describe.member));
  changes.push(...diffList('Safety plan rules', before.rules, after.rules, (r) => r.ruleId, describe.rule));
  return changes;
}

/** The mandatory elements of a Signs of Safety map, for practice audit. */
export const mandatoryElements = [
  'harm', 'danger_statements', 'safety_goals', 'complicating_factor', 'existing_strength', 'existing_safety',
  'next_step', 'safety_scaling', 'safety_network', 'safety_plan', 'childs_voice',
] as const;
export type MandatoryElement = (typeof mandatoryElements)[number];
export const elementNames: Record<MandatoryElement, string> = {
  harm: 'Past harm',
  danger_statements: 'Danger statements',
  safety_goals: 'Safety goals (one for every danger statement)',
  complicating_factor: 'Complicating factors',
  existing_strength: 'Existing strengths',
  existing_safety: 'Existing safety',
  next_step: 'Next steps',
  safety_scaling: 'Safety scaling for every danger statement',
  safety_network: 'Safety network',
  safety_plan: 'Safety plan',
  childs_voice: "The child's voice",
};

export interface ElementReport { element: MandatoryElement; name: string; present: boolean }

/**
 * Which mandatory elements a map has: the practice quality audit samples and scores maps with this.
 * Safety scaling counts only when every pair has at least one number; the child's voice counts when any of
 * the map's children has words or a drawing recorded.
 * @example mapElements(content, { scoredPairIds: ['p1'], childVoiceCount: 2 }).filter((e) => !e.present)
 */
export function mapElements(content: MapContent, evidence: { scoredPairIds: readonly string[]; childVoiceCount: number }): ElementReport[] {
  const has = (category: ItemCategory) => content.items.some((i) => i.category === category);
  const scored = new Set(evidence.scoredPairIds);
  const present: Record<MandatoryElement, boolean> = {
    harm: has('harm'),
    danger_statements: content.pairs.length > 0,
    safety_goals: content.pairs.length > 0 && content.pairs.every((p) => p.safetyGoal.trim() !== ''),
    complicating_factor: has('complicating_factor'),
    existing_strength: has('existing_strength'),
    existing_safety: has('existing_safety'),
    next_step: has('next_step'),
    safety_scaling: content.pairs.length > 0 && content.pairs.every((p) => scored.has(p.pairId)),
    safety_network: content.network.length > 0,
    safety_plan: content.rules.length > 0,
    childs_voice: evidence.childVoiceCount > 0,
  };
  return mandatoryElements.map((element) => ({ element, name: elementNames[element], present: present[element] }));
}

/** A map as its page shows it. */
export interface MapView {
  map: SafetyMap;
  content: MapContent;
  scores: SafetyScore[];
  meetings: MapMeeting[];
  elements: ElementReport[];
}
