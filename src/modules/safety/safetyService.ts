/**
 * @module Signs of Safety use cases: every read and change of a map, plan or the child's voice is authorised
 * against the child's record and audited; every map change is checked against the version the person saw.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../db/database.js';
import type { AuditService } from '../audit/auditService.js';
import type { ChildService } from '../children/childService.js';
import type { SignedInUser } from '../../platform/access/user.js';
import { compareContents, mapElements, type ElementReport, type MapChange, type MapView, type MapContent, type MapItem, type NetworkMember, type PlanRule, type SafetyMap, type SafetyPair, type SafetyScore } from './safetyMap.js';
import { maxDrawingBytes, type ChildDrawing, type VoiceEntry } from './childVoice.js';
import { redrawDrawing } from './drawingImage.js';
import type { SafetyRepository } from './safetyRepository.js';
import { type MeetingType } from '../../platform/codes/safetyCodes.js';
import { type VoiceTool } from '../../platform/codes/safetyCodes.js';
import type { GridSitting } from './scalingGrid.js';
import { isoDate } from '../../platform/dates/isoDates.js';

/** Someone else changed the map after this person opened it: what they changed, and the version now. */
export interface MapConflict {
  outcome: 'conflict';
  currentVersion: number;
  theirEdits: { version: number; change: string; changedBy: string; changedAt: Date }[];
  changes: MapChange[];
}
export type Refusal = { outcome: 'not_found' } | { outcome: 'forbidden' };
export type MapChangeResult = { outcome: 'saved'; version: number } | MapConflict | Refusal;

/** A change to a map: the entry to add or alter, described in words for the version history. */
export type MapEdit =
  | { kind: 'item'; item: Omit<MapItem, 'itemId'> }
  | { kind: 'pair'; pair: Omit<SafetyPair, 'pairId'> }
  | { kind: 'editPair'; pair: SafetyPair }
  | { kind: 'member'; member: Omit<NetworkMember, 'memberId'> }
  | { kind: 'editItem'; item: Omit<MapItem, 'category'> }
  | { kind: 'editMember'; member: NetworkMember }
  | { kind: 'editRule'; rule: PlanRule }
  | { kind: 'rule'; rule: Omit<PlanRule, 'ruleId'> }
  | { kind: 'remove'; entryId: string }
  | { kind: 'title'; title: string };

/** Someone saved a number for the same person, statement and date while the grid was being saved: nothing is kept. */
class ScoredMeanwhile extends Error {
  constructor(readonly row: number, readonly pairId: string) {
    super('A number was saved meanwhile');
  }
}

/** Thrown when a danger statement comes without its safety goal (or the other way round). */
export class UnpairedDangerStatement extends Error {
  constructor() {
    super('Every danger statement needs a safety goal');
    this.name = 'UnpairedDangerStatement';
  }
}

function describeEdit(edit: MapEdit, content: MapContent): string {
  switch (edit.kind) {
    case 'item': return `Added to ${edit.item.category.replace(/_/g, ' ')}: ${edit.item.words}`;
    case 'pair': return `Added a danger statement and safety goal: ${edit.pair.dangerStatement}`;
    case 'editPair': {
      const was = content.pairs.find((p) => p.pairId === edit.pair.pairId);
      return `Changed a danger statement and safety goal: ${edit.pair.dangerStatement}${was ? ` (was: ${was.dangerStatement} — Goal: ${was.safetyGoal})` : ''}`;
    }
    case 'editItem': {
      const was = content.items.find((i) => i.itemId === edit.item.itemId);
      return `Changed in ${(was?.category ?? 'the map').replace(/_/g, ' ')}: ${edit.item.words}${was ? ` (was: ${was.words}, ${was.saidBy}, ${was.saidOn})` : ''}`;
    }
    case 'editMember': {
      const was = content.network.find((m) => m.memberId === edit.member.memberId);
      return `Changed ${edit.member.name} in the safety network: ${edit.member.relationship}, ${edit.member.agreedToDo}${was ? ` (was: ${was.name}, ${was.relationship}, ${was.agreedToDo})` : ''}`;
    }
    case 'editRule': {
      const was = content.rules.find((r) => r.ruleId === edit.rule.ruleId);
      return `Changed a safety plan rule: ${edit.rule.rule}${was ? ` (was: ${was.rule} — Who does what: ${was.whoDoesWhat} — If broken: ${was.ifBroken})` : ''}`;
    }
    case 'member': return `Added ${edit.member.name} to the safety network`;
    case 'rule': return `Added a safety plan rule: ${edit.rule.rule}`;
    case 'title': return `Renamed the map: ${edit.title}`;
    case 'remove': {
      const removed = content.items.find((i) => i.itemId === edit.entryId)?.words
        ?? content.pairs.find((p) => p.pairId === edit.entryId)?.dangerStatement
        ?? content.network.find((m) => m.memberId === edit.entryId)?.name
        ?? content.rules.find((r) => r.ruleId === edit.entryId)?.rule;
      return `Removed: ${removed ?? 'an entry'}`;
    }
  }
}

/** Fresh ids for everything copied into a new map, so the new map is its own record. */
function copyContent(content: MapContent): MapContent {
  return {
    title: content.title,
    items: content.items.map((i) => ({ ...i, itemId: randomUUID() })),
    pairs: content.pairs.map((p) => ({ ...p, pairId: randomUUID() })),
    network: content.network.map((m) => ({ ...m, memberId: randomUUID() })),
    rules: content.rules.map((r) => ({ ...r, ruleId: randomUUID() })),
  };
}

const isPaired = (pair: { dangerStatement: string; safetyGoal: string }) => pair.dangerStatement.trim() !== '' && pair.safetyGoal.trim() !== '';

/**
 * @example const safety = safetyService(db, safetyRepository(), children, audit); await safety.mapsForChild(user, 'C1')
 */
/** What a child's Signs of Safety record holds, as a case file audit prefills it: the latest map's elements and the child's voice. */
export interface PracticeRecord {
  map: { title: string; startedOn: string; lastChangedOn: string; lastMeeting: string | null; elements: ElementReport[] } | undefined;
  voiceRecords: number;
}

export function safetyService(db: Database, repository: SafetyRepository, children: ChildService, audit: AuditService) {
  const actor = (user: SignedInUser) => ({ kind: 'user' as const, user });

  /**
   * The child's latest map reduced to which Signs of Safety elements it has, and how much of the child's voice is recorded:
   * for a case file audit, whose own service decides who may read it (the auditor allocated the file) and audits the reading.
   */
  async function practiceRecord(childId: string): Promise<PracticeRecord> {
    const [latest] = await repository.mapsForChild(db, childId);
    const [entries, drawings] = await Promise.all([repository.voiceEntries(db, [childId]), repository.drawings(db, [childId])]);
    if (!latest) return { map: undefined, voiceRecords: entries.length + drawings.length };
    const children = [latest.childId, ...latest.siblingIds];
    const [content, scores, meetings, revisions, mapEntries, mapDrawings] = await Promise.all([
      repository.content(db, latest.mapId), repository.scores(db, latest.mapId), repository.meetings(db, latest.mapId), repository.revisionsAfter(db, latest.mapId, 0),
      repository.voiceEntries(db, children), repository.drawings(db, children),
    ]);
    return {
      voiceRecords: entries.length + drawings.length,
      map: {
        title: latest.title,
        startedOn: isoDate(latest.createdAt),
        lastChangedOn: isoDate(revisions.at(-1)?.changedAt ?? latest.createdAt),
        lastMeeting: meetings.at(-1)?.heldOn ?? null,
        elements: mapElements(content!, { scoredPairIds: scores.map((s) => s.pairId), childVoiceCount: mapEntries.length + mapDrawings.length }),
      },
    };
  }

  /** The map, when it covers this child and the person may see the child; refusals are audited. */
  async function authorisedMap(user: SignedInUser, childId: string, mapId: string): Promise<SafetyMap | Refusal> {
    const map = await repository.map(db, mapId);
    if (!map || (map.childId !== childId && !map.siblingIds.includes(childId))) return { outcome: 'not_found' };
    if (!(await children.mayAccess(user, childId))) {
      await audit.record(actor(user), { action: 'safety.viewed', childId, subject: `map ${mapId}`, details: { refused: true } });
      return { outcome: 'forbidden' };
    }
    return map;
  }

  async function authorisedChild(user: SignedInUser, childId: string, subject: string): Promise<boolean> {
    if (await children.mayAccess(user, childId)) return true;
    await audit.record(actor(user), { action: 'safety.viewed', childId, subject, details: { refused: true } });
    return false;
  }

  async function conflict(tx: Queryable, mapId: string, seenVersion: number): Promise<MapConflict> {
    const current = await repository.map(tx, mapId);
    const seen = await repository.revision(tx, mapId, seenVersion);
    const now = await repository.content(tx, mapId);
    return {
      outcome: 'conflict',
      currentVersion: current?.version ?? seenVersion,
      theirEdits: await repository.revisionsAfter(tx, mapId, seenVersion),
      changes: seen && now ? compareContents(seen.content, now) : [],
    };
  }

  async function applyEdit(tx: Queryable, mapId: string, edit: MapEdit): Promise<boolean> {
    switch (edit.kind) {
      case 'item': await repository.insertItem(tx, mapId, { ...edit.item, itemId: randomUUID() }); return true;
      case 'pair':
        if (!isPaired(edit.pair)) throw new UnpairedDangerStatement();
        await repository.insertPair(tx, mapId, { ...edit.pair, pairId: randomUUID() });
        return true;
      case 'editPair':
        if (!isPaired(edit.pair)) throw new UnpairedDangerStatement();
        return repository.updatePair(tx, mapId, edit.pair);
      case 'member': await repository.insertMember(tx, mapId, { ...edit.member, memberId: randomUUID() }); return true;
      case 'editItem': return repository.updateItem(tx, mapId, edit.item);
      case 'editMember': return repository.updateMember(tx, mapId, edit.member);
      case 'editRule': return repository.updateRule(tx, mapId, edit.rule);
      case 'rule': await repository.insertRule(tx, mapId, { ...edit.rule, ruleId: randomUUID() }); return true;
      case 'remove': return repository.removeEntry(tx, mapId, edit.entryId);
      case 'title': await repository.setTitle(tx, mapId, edit.title); return true;
    }
  }

  async function childVoiceCount(childIds: string[]): Promise<number> {
    const [entries, drawings] = await Promise.all([repository.voiceEntries(db, childIds), repository.drawings(db, childIds)]);
    return entries.length + drawings.length;
  }

  return {
    practiceRecord,

    /** Maps for a child, newest first. @example await safety.mapsForChild(user, 'C1') */
    async mapsForChild(user: SignedInUser, childId: string): Promise<{ outcome: 'shown'; maps: SafetyMap[] } | Refusal> {
      if (!(await authorisedChild(user, childId, 'safety maps'))) return { outcome: 'forbidden' };
      const maps = await repository.mapsForChild(db, childId);
      await audit.record(actor(user), { action: 'safety.viewed', childId, subject: 'safety maps' });
      return { outcome: 'shown', maps };
    },

    /**
     * Start a map for a child (and any siblings), empty or from the child's most recent map.
     * @example await safety.startMap(user, 'C1', { title: 'Boyd family', siblingIds: ['C2'], fromLast: true })
     */
    async startMap(user: SignedInUser, childId: string, start: { title: string; siblingIds: string[]; fromLast: boolean }): Promise<{ outcome: 'started'; mapId: string } | { outcome: 'siblings_refused'; childIds: string[] } | Refusal> {
      if (!(await authorisedChild(user, childId, 'new safety map'))) return { outcome: 'forbidden' };
      const refused: string[] = [];
      for (const id of start.siblingIds) if (id !== childId && !(await authorisedChild(user, id, 'new safety map'))) refused.push(id);
      if (refused.length) return { outcome: 'siblings_refused', childIds: refused };
      const mapId = randomUUID();
      return db.transaction(async (tx) => {
        const last = start.fromLast ? (await repository.mapsForChild(tx, childId))[0] : undefined;
        const lastContent = last ? await repository.content(tx, last.mapId) : undefined;
        const content = lastContent ? { ...copyContent(lastContent), title: start.title } : { title: start.title, items: [], pairs: [], network: [], rules: [] };
        await repository.insertMap(tx, { mapId, childId, siblingIds: start.siblingIds.filter((id) => id !== childId), title: start.title, startedFrom: last?.mapId ?? null, createdBy: user.userId });
        for (const item of content.items) await repository.insertItem(tx, mapId, item);
        for (const pair of content.pairs) await repository.insertPair(tx, mapId, pair);
        for (const member of content.network) await repository.insertMember(tx, mapId, member);
        for (const rule of content.rules) await repository.insertRule(tx, mapId, rule);
        await repository.insertRevision(tx, mapId, 1, content, last ? `Started from the map “${last.title}”` : 'Started the map', user.userId);
        await audit.record(actor(user), { action: 'safety.changed', childId, subject: `map ${mapId}`, details: { change: 'started', from: last?.mapId ?? null } }, tx);
        return { outcome: 'started' as const, mapId };
      });
    },

    /** Everything on one map, for its page. @example await safety.viewMap(user, 'C1', mapId) */
    async viewMap(user: SignedInUser, childId: string, mapId: string): Promise<({ outcome: 'shown' } & MapView) | Refusal> {
      const map = await authorisedMap(user, childId, mapId);
      if ('outcome' in map) return map;
      const [content, scores, meetings, voiceCount] = await Promise.all([
        repository.content(db, mapId), repository.scores(db, mapId), repository.meetings(db, mapId), childVoiceCount([map.childId, ...map.siblingIds]),
      ]);
      if (!content) return { outcome: 'not_found' };
      await audit.record(actor(user), { action: 'safety.viewed', childId, subject: `map ${mapId}` });
      const elements = mapElements(content, { scoredPairIds: scores.map((s) => s.pairId), childVoiceCount: voiceCount });
      return { outcome: 'shown', map, content, scores, meetings, elements };
    },

    /**
     * Change a map, if nobody else has changed it since `seenVersion`; otherwise say what they changed.
     * The version check is the database's (`update … where version = $2`), so two people cannot both win.
     * @example await safety.changeMap(user, 'C1', mapId, 3, { kind: 'item', item: { category: 'harm', words: '…', saidBy: 'Police', saidOn: '2026-01-05' } })
     */
    async changeMap(user: SignedInUser, childId: string, mapId: string, seenVersion: number, edit: MapEdit): Promise<MapChangeResult> {
      const map = await authorisedMap(user, childId, mapId);
      if ('outcome' in map) return map;
      if ((edit.kind === 'pair' || edit.kind === 'editPair') && !isPaired(edit.pair)) throw new UnpairedDangerStatement();
      return db.transaction(async (tx): Promise<MapChangeResult> => {
        const version = await repository.bumpVersion(tx, mapId, seenVersion);
        if (version === undefined) return conflict(tx, mapId, seenVersion);
        const before = await repository.content(tx, mapId);
        if (!before || !(await applyEdit(tx, mapId, edit))) throw new Error('That entry is not on this map');
        const after = (await repository.content(tx, mapId))!;
        const change = describeEdit(edit, before);
        await repository.insertRevision(tx, mapId, version, after, change, user.userId);
        await audit.record(actor(user), { action: 'safety.changed', childId, subject: `map ${mapId}`, details: { change: edit.kind, version } }, tx);
        return { outcome: 'saved', version };
      });
    },

    /**
     * Fix the version of the map this person is looking at as the one agreed at a meeting.
     * @example await safety.recordMeeting(user, 'C1', mapId, 4, { meetingType: 'core_group', heldOn: '2026-02-01' })
     */
    async recordMeeting(user: SignedInUser, childId: string, mapId: string, seenVersion: number, meeting: { meetingType: MeetingType; heldOn: string }): Promise<MapChangeResult> {
      const map = await authorisedMap(user, childId, mapId);
      if ('outcome' in map) return map;
      return db.transaction(async (tx): Promise<MapChangeResult> => {
        // A meeting adds nothing to the map, so it holds the row at the seen version rather than moving it on.
        if (!(await repository.lockAtVersion(tx, mapId, seenVersion))) return conflict(tx, mapId, seenVersion);
        await repository.insertMeeting(tx, mapId, { meetingId: randomUUID(), version: seenVersion, ...meeting }, user.userId);
        await audit.record(actor(user), { action: 'safety.changed', childId, subject: `map ${mapId}`, details: { change: 'meeting', version: seenVersion, ...meeting } }, tx);
        return { outcome: 'saved', version: seenVersion };
      });
    },

    /**
     * Two versions of a map side by side, and what changed between them.
     * @example await safety.compareVersions(user, 'C1', mapId, 2, 5)
     */
    async compareVersions(user: SignedInUser, childId: string, mapId: string, from: number, to: number) {
      const map = await authorisedMap(user, childId, mapId);
      if ('outcome' in map) return map;
      const [before, after] = await Promise.all([repository.revision(db, mapId, from), repository.revision(db, mapId, to)]);
      if (!before || !after) return { outcome: 'not_found' as const };
      await audit.record(actor(user), { action: 'safety.viewed', childId, subject: `map ${mapId}`, details: { compared: [from, to] } });
      return { outcome: 'shown' as const, map, before: before.content, after: after.content, changes: compareContents(before.content, after.content) };
    },

    /**
     * Two saved versions compared by the meetings that saved them (or the map as it is now, `'now'`), with the
     * safety scale numbers given at each meeting.
     * @example await safety.compareMeetings(user, 'C1', mapId, firstMeetingId, 'now')
     */
    async compareMeetings(user: SignedInUser, childId: string, mapId: string, from: string, to: string) {
      const map = await authorisedMap(user, childId, mapId);
      if ('outcome' in map) return map;
      const [meetings, scores] = await Promise.all([repository.meetings(db, mapId), repository.scores(db, mapId)]);
      const side = (key: string) => {
        if (key === 'now') {
          const lastDate = scores.map((s) => s.scoredOn).sort().at(-1);
          return { version: map.version, meeting: undefined, scores: scores.filter((s) => s.scoredOn === lastDate) };
        }
        const meeting = meetings.find((m) => m.meetingId === key);
        return meeting ? { version: meeting.version, meeting, scores: scores.filter((s) => s.scoredOn === meeting.heldOn) } : undefined;
      };
      const [a, b] = [side(from), side(to)];
      if (!a || !b) return { outcome: 'not_found' as const };
      const [before, after] = await Promise.all([repository.revision(db, mapId, a.version), repository.revision(db, mapId, b.version)]);
      if (!before || !after) return { outcome: 'not_found' as const };
      await audit.record(actor(user), { action: 'safety.viewed', childId, subject: `map ${mapId}`, details: { compared: [a.version, b.version], meetings: [from, to] } });
      return { outcome: 'shown' as const, map, from: a, to: b, before: before.content, after: after.content, changes: compareContents(before.content, after.content) };
    },

    /** The version history: each change, who made it and when. */
    async history(user: SignedInUser, childId: string, mapId: string) {
      const map = await authorisedMap(user, childId, mapId);
      if ('outcome' in map) return map;
      const [edits, meetings] = await Promise.all([repository.revisionsAfter(db, mapId, 0), repository.meetings(db, mapId)]);
      await audit.record(actor(user), { action: 'safety.viewed', childId, subject: `map ${mapId}`, details: { history: true } });
      return { outcome: 'shown' as const, map, edits, meetings };
    },

    /**
     * One person's number on a pair's safety scale at a meeting. Scores are their own dated facts, so they
     * do not move the map's version; the same person scoring the same pair twice on one day is refused.
     * @example await safety.recordScore(user, 'C1', mapId, { pairId, scoredOn: '2026-02-01', personName: 'Mum', personRole: 'parent', score: 4 })
     */
    async recordScore(user: SignedInUser, childId: string, mapId: string, score: Omit<SafetyScore, 'scoreId'>): Promise<{ outcome: 'saved' } | { outcome: 'duplicate' } | Refusal> {
      const map = await authorisedMap(user, childId, mapId);
      if ('outcome' in map) return map;
      const content = await repository.content(db, mapId);
      if (!content?.pairs.some((p) => p.pairId === score.pairId)) return { outcome: 'not_found' };
      return db.transaction(async (tx) => {
        if (!(await repository.insertScore(tx, { ...score, scoreId: randomUUID() }, user.userId))) return { outcome: 'duplicate' as const };
        await audit.record(actor(user), { action: 'safety.changed', childId, subject: `map ${mapId}`, details: { change: 'score', pairId: score.pairId, scoredOn: score.scoredOn } }, tx);
        return { outcome: 'saved' as const };
      });
    },

    /**
     * Everyone's numbers at one meeting, from the scaling grid, in one transaction: all saved, or none when
     * anyone already has a number for a danger statement on that date (those cells are named).
     * @example await safety.recordScaling(user, 'C1', mapId, { scoredOn: '2026-02-03', people: [{ row: 1, personName: 'Mum', personRole: 'parent', scores: [{ pairId, score: 4 }] }] })
     */
    async recordScaling(user: SignedInUser, childId: string, mapId: string, sitting: GridSitting): Promise<{ outcome: 'saved'; count: number } | { outcome: 'already_scored'; cells: { row: number; pairId: string }[] } | Refusal> {
      const map = await authorisedMap(user, childId, mapId);
      if ('outcome' in map) return map;
      const content = await repository.content(db, mapId);
      const onMap = new Set(content?.pairs.map((p) => p.pairId) ?? []);
      if (sitting.people.some((person) => person.scores.some((s) => !onMap.has(s.pairId)))) return { outcome: 'not_found' };
      try {
        return await db.transaction(async (tx) => {
          const already = (await repository.scores(tx, mapId)).filter((s) => s.scoredOn === sitting.scoredOn);
          const cells = sitting.people.flatMap((person) => person.scores
            .filter((s) => already.some((a) => a.pairId === s.pairId && a.personName.toLowerCase() === person.personName.toLowerCase()))
            .map((s) => ({ row: person.row, pairId: s.pairId })));
          if (cells.length) return { outcome: 'already_scored' as const, cells };
          let count = 0;
          for (const person of sitting.people) {
            for (const s of person.scores) {
              const score = { scoreId: randomUUID(), pairId: s.pairId, scoredOn: sitting.scoredOn, personName: person.personName, personRole: person.personRole, score: s.score };
              if (!(await repository.insertScore(tx, score, user.userId))) throw new ScoredMeanwhile(person.row, s.pairId);
              count++;
            }
          }
          await audit.record(actor(user), { action: 'safety.changed', childId, subject: `map ${mapId}`, details: { change: 'scaling grid', scoredOn: sitting.scoredOn, people: sitting.people.length, numbers: count } }, tx);
          return { outcome: 'saved' as const, count };
        });
      } catch (error) {
        if (error instanceof ScoredMeanwhile) return { outcome: 'already_scored', cells: [{ row: error.row, pairId: error.pairId }] };
        throw error;
      }
    },

    /**
     * Open a form for adding to the child's voice: the page is about the child, so it is audited as a view, once
     * (issue 16 item 5); a refusal is audited instead.
     * @example await safety.openVoiceForm(user, 'C1', 'words') // { outcome: 'shown' }
     */
    async openVoiceForm(user: SignedInUser, childId: string, form: 'words' | 'drawing'): Promise<{ outcome: 'shown' } | Refusal> {
      if (!(await authorisedChild(user, childId, "child's voice"))) return { outcome: 'forbidden' };
      await audit.record(actor(user), { action: 'safety.viewed', childId, subject: "child's voice", details: { form } });
      return { outcome: 'shown' };
    },

    /** What the child has said and drawn, for every child given. */
    async childVoice(user: SignedInUser, childId: string): Promise<{ outcome: 'shown'; entries: VoiceEntry[]; drawings: ChildDrawing[] } | Refusal> {
      if (!(await authorisedChild(user, childId, "child's voice"))) return { outcome: 'forbidden' };
      const [entries, drawings] = await Promise.all([repository.voiceEntries(db, [childId]), repository.drawings(db, [childId])]);
      await audit.record(actor(user), { action: 'safety.viewed', childId, subject: "child's voice" });
      return { outcome: 'shown', entries, drawings };
    },

    /** @example await safety.recordWords(user, 'C1', { tool: 'worries', words: 'When dad shouts', recordedOn: '2026-01-05' }) */
    async recordWords(user: SignedInUser, childId: string, entry: { tool: VoiceTool; words: string; recordedOn: string }): Promise<{ outcome: 'saved' } | Refusal> {
      if (!(await authorisedChild(user, childId, "child's voice"))) return { outcome: 'forbidden' };
      await db.transaction(async (tx) => {
        await repository.insertVoiceEntry(tx, { ...entry, entryId: randomUUID(), childId }, user.userId);
        await audit.record(actor(user), { action: 'safety.changed', childId, subject: "child's voice", details: { tool: entry.tool } }, tx);
      });
      return { outcome: 'saved' };
    },

    /**
     * Keep a child's drawing: only a real PNG or JPEG (decoded, not just by its first bytes) of at most 5 MB and
     * 40 million pixels, drawn again without the original's metadata (EXIF, GPS) before it is kept.
     * @example await safety.recordDrawing(user, 'C1', { tool: 'good_things', description: 'Me and Gran', drawnOn: '2026-01-05', picture })
     */
    async recordDrawing(user: SignedInUser, childId: string, drawing: { tool: VoiceTool; description: string; drawnOn: string; picture: Buffer }): Promise<{ outcome: 'saved'; drawingId: string } | { outcome: 'not_a_picture' } | { outcome: 'too_many_pixels' } | { outcome: 'too_large' } | Refusal> {
      if (!(await authorisedChild(user, childId, "child's voice"))) return { outcome: 'forbidden' };
      if (drawing.picture.length > maxDrawingBytes) return { outcome: 'too_large' };
      const redrawn = await redrawDrawing(drawing.picture);
      if (redrawn.outcome !== 'redrawn') return { outcome: redrawn.outcome };
      const { contentType, picture } = redrawn;
      const drawingId = randomUUID();
      await db.transaction(async (tx) => {
        await repository.insertDrawing(tx, { ...drawing, picture, drawingId, childId, contentType, byteSize: picture.length }, user.userId);
        await audit.record(actor(user), { action: 'safety.changed', childId, subject: "child's voice", details: { drawing: drawingId } }, tx);
      });
      return { outcome: 'saved', drawingId };
    },

    /** The picture itself, only for people who may see the child. */
    async drawingPicture(user: SignedInUser, childId: string, drawingId: string): Promise<{ outcome: 'shown'; contentType: string; picture: Buffer } | Refusal> {
      const drawing = await repository.drawingPicture(db, drawingId);
      if (!drawing || drawing.childId !== childId) return { outcome: 'not_found' };
      if (!(await authorisedChild(user, childId, `drawing ${drawingId}`))) return { outcome: 'forbidden' };
      await audit.record(actor(user), { action: 'safety.viewed', childId, subject: `drawing ${drawingId}` });
      return { outcome: 'shown', contentType: drawing.contentType, picture: drawing.picture };
    },

    /** The map and plan for the family's printable copy; audited as an export. */
    async familyCopy(user: SignedInUser, childId: string, mapId: string, format: 'pdf' | 'docx') {
      const map = await authorisedMap(user, childId, mapId);
      if ('outcome' in map) return map;
      const content = await repository.content(db, mapId);
      if (!content) return { outcome: 'not_found' as const };
      await audit.record(actor(user), { action: 'safety.exported', childId, subject: `map ${mapId}`, details: { format, version: map.version } });
      return { outcome: 'shown' as const, map, content };
    },
  };
}
export type SafetyService = ReturnType<typeof safetyService>;
