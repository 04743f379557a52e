/** @module SQL for case maps, their revisions and meetings, safety scores, and the child's voice. */
import type { Queryable } from '../../db/database.js';
import type { MapContent, MapItem, MapMeeting, NetworkMember, PlanRule, SafetyMap, SafetyPair, SafetyScore } from './safetyMap.js';
import type { ChildDrawing, VoiceEntry } from './childVoice.js';
import { type ItemCategory, type MeetingType, type PersonRole } from '../../platform/codes/safetyCodes.js';
import { type VoiceTool } from '../../platform/codes/safetyCodes.js';

type MapRow = { map_id: string; child_id: string; sibling_ids: string[] | null; title: string; version: number; started_from: string | null; created_at: Date };
const toMap = (r: MapRow): SafetyMap => ({
  mapId: r.map_id, childId: r.child_id, siblingIds: r.sibling_ids ?? [], title: r.title, version: r.version, startedFrom: r.started_from, createdAt: r.created_at,
});
const mapColumns = `m.map_id, m.child_id, m.title, m.version, m.started_from, m.created_at,
  array(select sc.child_id from safety_map_children sc where sc.map_id = m.map_id order by sc.child_id) as sibling_ids`;

/**
 * Parameterised SQL only; the service decides who may and audits.
 * @example await safetyRepository().mapsForChild(db, 'C1')
 */
export function safetyRepository() {
  return {
    /** Maps covering this child, as lead child or one of a sibling group; newest first. */
    async mapsForChild(db: Queryable, childId: string): Promise<SafetyMap[]> {
      const rows = await db.query<MapRow>(
        `select ${mapColumns} from safety_maps m
         where m.child_id = $1 or exists (select 1 from safety_map_children sc where sc.map_id = m.map_id and sc.child_id = $1)
         order by m.created_at desc, m.map_id`, [childId]);
      return rows.map(toMap);
    },

    async map(db: Queryable, mapId: string): Promise<SafetyMap | undefined> {
      const rows = await db.query<MapRow>(`select ${mapColumns} from safety_maps m where m.map_id = $1`, [mapId]);
      return rows[0] ? toMap(rows[0]) : undefined;
    },

    async insertMap(db: Queryable, map: { mapId: string; childId: string; siblingIds: string[]; title: string; startedFrom: string | null; createdBy: string }): Promise<void> {
      await db.query(
        'insert into safety_maps (map_id, child_id, title, started_from, created_by) values ($1, $2, $3, $4, $5)',
        [map.mapId, map.childId, map.title, map.startedFrom, map.createdBy]);
      for (const sibling of map.siblingIds) {
        await db.query('insert into safety_map_children (map_id, child_id) values ($1, $2)', [map.mapId, sibling]);
      }
    },

    /**
     * Move the map on from `expectedVersion` to the next version; undefined when someone else has changed it
     * first (the optimistic concurrency check, done by the database).
     */
    async bumpVersion(db: Queryable, mapId: string, expectedVersion: number): Promise<number | undefined> {
      const rows = await db.query<{ version: number }>(
        'update safety_maps set version = version + 1 where map_id = $1 and version = $2 returning version', [mapId, expectedVersion]);
      return rows[0]?.version;
    },

    /** Lock the map's row while it is still at `version`; false when it has moved on. */
    async lockAtVersion(db: Queryable, mapId: string, version: number): Promise<boolean> {
      return (await db.query('select 1 from safety_maps where map_id = $1 and version = $2 for update', [mapId, version])).length > 0;
    },

    async setTitle(db: Queryable, mapId: string, title: string): Promise<void> {
      await db.query('update safety_maps set title = $2 where map_id = $1', [mapId, title]);
    },

    async content(db: Queryable, mapId: string): Promise<MapContent | undefined> {
      // One after another: inside a transaction the queries share one connection.
      const maps = await db.query<{ title: string }>('select title from safety_maps where map_id = $1', [mapId]);
      const items = await db.query<{ item_id: string; category: ItemCategory; words: string; said_by: string; said_on: string }>(
        'select item_id, category, words, said_by, said_on from safety_map_items where map_id = $1 order by position, item_id', [mapId]);
      const pairs = await db.query<{ pair_id: string; danger_statement: string; safety_goal: string; said_by: string; said_on: string }>(
        'select pair_id, danger_statement, safety_goal, said_by, said_on from safety_pairs where map_id = $1 order by position, pair_id', [mapId]);
      const network = await db.query<{ member_id: string; name: string; relationship: string; agreed_to_do: string }>(
        'select member_id, name, relationship, agreed_to_do from safety_network_members where map_id = $1 order by position, member_id', [mapId]);
      const rules = await db.query<{ rule_id: string; rule: string; who_does_what: string; if_broken: string }>(
        'select rule_id, rule, who_does_what, if_broken from safety_plan_rules where map_id = $1 order by position, rule_id', [mapId]);
      if (!maps[0]) return undefined;
      return {
        title: maps[0].title,
        items: items.map((i) => ({ itemId: i.item_id, category: i.category, words: i.words, saidBy: i.said_by, saidOn: i.said_on })),
        pairs: pairs.map((p) => ({ pairId: p.pair_id, dangerStatement: p.danger_statement, safetyGoal: p.safety_goal, saidBy: p.said_by, saidOn: p.said_on })),
        network: network.map((m) => ({ memberId: m.member_id, name: m.name, relationship: m.relationship, agreedToDo: m.agreed_to_do })),
        rules: rules.map((r) => ({ ruleId: r.rule_id, rule: r.rule, whoDoesWhat: r.who_does_what, ifBroken: r.if_broken })),
      };
    },

    async insertItem(db: Queryable, mapId: string, item: MapItem): Promise<void> {
      await db.query(
        `insert into safety_map_items (item_id, map_id, category, words, said_by, said_on, position)
         values ($1, $2, $3, $4, $5, $6, (select coalesce(max(position), 0) + 1 from safety_map_items where map_id = $2))`,
        [item.itemId, mapId, item.category, item.words, item.saidBy, item.saidOn]);
    },

    async insertPair(db: Queryable, mapId: string, pair: SafetyPair): Promise<void> {
      await db.query(
        `insert into safety_pairs (pair_id, map_id, danger_statement, safety_goal, said_by, said_on, position)
         values ($1, $2, $3, $4, $5, $6, (select coalesce(max(position), 0) + 1 from safety_pairs where map_id = $2))`,
        [pair.pairId, mapId, pair.dangerStatement, pair.safetyGoal, pair.saidBy, pair.saidOn]);
    },

    /** True when the pair was on this map and has been changed. */
    async updatePair(db: Queryable, mapId: string, pair: SafetyPair): Promise<boolean> {
      const rows = await db.query(
        `update safety_pairs set danger_statement = $3, safety_goal = $4, said_by = $5, said_on = $6
         where pair_id = $1 and map_id = $2 returning pair_id`,
        [pair.pairId, mapId, pair.dangerStatement, pair.safetyGoal, pair.saidBy, pair.saidOn]);
      return rows.length > 0;
    },

    /** True when the item was on this map and has been changed (its category stays). */
    async updateItem(db: Queryable, mapId: string, item: Omit<MapItem, 'category'>): Promise<boolean> {
      const rows = await db.query('update safety_map_items set words = $3, said_by = $4, said_on = $5 where item_id = $1 and map_id = $2 returning item_id',
        [item.itemId, mapId, item.words, item.saidBy, item.saidOn]);
      return rows.length > 0;
    },

    async updateMember(db: Queryable, mapId: string, member: NetworkMember): Promise<boolean> {
      const rows = await db.query('update safety_network_members set name = $3, relationship = $4, agreed_to_do = $5 where member_id = $1 and map_id = $2 returning member_id',
        [member.memberId, mapId, member.name, member.relationship, member.agreedToDo]);
      return rows.length > 0;
    },

    async updateRule(db: Queryable, mapId: string, rule: PlanRule): Promise<boolean> {
      const rows = await db.query('update safety_plan_rules set rule = $3, who_does_what = $4, if_broken = $5 where rule_id = $1 and map_id = $2 returning rule_id',
        [rule.ruleId, mapId, rule.rule, rule.whoDoesWhat, rule.ifBroken]);
      return rows.length > 0;
    },

    async insertMember(db: Queryable, mapId: string, member: NetworkMember): Promise<void> {
      await db.query(
        `insert into safety_network_members (member_id, map_id, name, relationship, agreed_to_do, position)
         values ($1, $2, $3, $4, $5, (select coalesce(max(position), 0) + 1 from safety_network_members where map_id = $2))`,
        [member.memberId, mapId, member.name, member.relationship, member.agreedToDo]);
    },

    async insertRule(db: Queryable, mapId: string, rule: PlanRule): Promise<void> {
      await db.query(
        `insert into safety_plan_rules (rule_id, map_id, rule, who_does_what, if_broken, position)
         values ($1, $2, $3, $4, $5, (select coalesce(max(position), 0) + 1 from safety_plan_rules where map_id = $2))`,
        [rule.ruleId, mapId, rule.rule, rule.whoDoesWhat, rule.ifBroken]);
    },

    /** Remove one entry of any kind from the map; true when it was there. Scores go with their pair. */
    async removeEntry(db: Queryable, mapId: string, entryId: string): Promise<boolean> {
      await db.query('delete from safety_scores where pair_id = $1 and exists (select 1 from safety_pairs where pair_id = $1 and map_id = $2)', [entryId, mapId]);
      let removed = 0;
      for (const [table, key] of [['safety_map_items', 'item_id'], ['safety_pairs', 'pair_id'], ['safety_network_members', 'member_id'], ['safety_plan_rules', 'rule_id']] as const) {
        removed += (await db.query(`delete from ${table} where ${key} = $1 and map_id = $2 returning map_id`, [entryId, mapId])).length;
      }
      return removed > 0;
    },

    async insertRevision(db: Queryable, mapId: string, version: number, content: MapContent, change: string, userId: string): Promise<void> {
      await db.query(
        'insert into safety_map_revisions (map_id, version, content, change, changed_by) values ($1, $2, $3, $4, $5)',
        [mapId, version, JSON.stringify(content), change, userId]);
    },

    async revision(db: Queryable, mapId: string, version: number): Promise<{ content: MapContent; change: string; changedBy: string; changedAt: Date } | undefined> {
      const rows = await db.query<{ content: MapContent; change: string; display_name: string; changed_at: Date }>(
        `select r.content, r.change, u.display_name, r.changed_at from safety_map_revisions r join users u on u.user_id = r.changed_by
         where r.map_id = $1 and r.version = $2`, [mapId, version]);
      const r = rows[0];
      return r ? { content: r.content, change: r.change, changedBy: r.display_name, changedAt: r.changed_at } : undefined;
    },

    /** The changes made after `afterVersion`, oldest first, and who made them. */
    async revisionsAfter(db: Queryable, mapId: string, afterVersion: number): Promise<{ version: number; change: string; changedBy: string; changedAt: Date }[]> {
      const rows = await db.query<{ version: number; change: string; display_name: string; changed_at: Date }>(
        `select r.version, r.change, u.display_name, r.changed_at from safety_map_revisions r join users u on u.user_id = r.changed_by
         where r.map_id = $1 and r.version > $2 order by r.version`, [mapId, afterVersion]);
      return rows.map((r) => ({ version: r.version, change: r.change, changedBy: r.display_name, changedAt: r.changed_at }));
    },

    async insertMeeting(db: Queryable, mapId: string, meeting: MapMeeting, userId: string): Promise<void> {
      await db.query(
        'insert into safety_map_meetings (meeting_id, map_id, version, meeting_type, held_on, recorded_by) values ($1, $2, $3, $4, $5, $6)',
        [meeting.meetingId, mapId, meeting.version, meeting.meetingType, meeting.heldOn, userId]);
    },

    async meetings(db: Queryable, mapId: string): Promise<MapMeeting[]> {
      const rows = await db.query<{ meeting_id: string; version: number; meeting_type: MeetingType; held_on: string }>(
        'select meeting_id, version, meeting_type, held_on from safety_map_meetings where map_id = $1 order by held_on, version', [mapId]);
      return rows.map((r) => ({ meetingId: r.meeting_id, version: r.version, meetingType: r.meeting_type, heldOn: r.held_on }));
    },

    async insertScore(db: Queryable, score: SafetyScore, userId: string): Promise<boolean> {
      const rows = await db.query(
        `insert into safety_scores (score_id, pair_id, scored_on, person_name, person_role, score, recorded_by)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict (pair_id, scored_on, person_name) do nothing returning score_id`,
        [score.scoreId, score.pairId, score.scoredOn, score.personName, score.personRole, score.score, userId]);
      return rows.length > 0;
    },

    async scores(db: Queryable, mapId: string): Promise<SafetyScore[]> {
      const rows = await db.query<{ score_id: string; pair_id: string; scored_on: string; person_name: string; person_role: PersonRole; score: number }>(
        `select s.score_id, s.pair_id, s.scored_on, s.person_name, s.person_role, s.score
         from safety_scores s join safety_pairs p on p.pair_id = s.pair_id
         where p.map_id = $1 order by s.scored_on, s.person_name`, [mapId]);
      return rows.map((r) => ({ scoreId: r.score_id, pairId: r.pair_id, scoredOn: r.scored_on, personName: r.person_name, personRole: r.person_role, score: r.score }));
    },

    async insertVoiceEntry(db: Queryable, entry: VoiceEntry, userId: string): Promise<void> {
      await db.query(
        'insert into child_voice_entries (entry_id, child_id, tool, words, recorded_on, recorded_by) values ($1, $2, $3, $4, $5, $6)',
        [entry.entryId, entry.childId, entry.tool, entry.words, entry.recordedOn, userId]);
    },

    async voiceEntries(db: Queryable, childIds: readonly string[]): Promise<VoiceEntry[]> {
      const rows = await db.query<{ entry_id: string; child_id: string; tool: VoiceTool; words: string; recorded_on: string }>(
        `select entry_id, child_id, tool, words, recorded_on from child_voice_entries
         where child_id = any($1::text[]) order by recorded_on, recorded_at`, [childIds]);
      return rows.map((r) => ({ entryId: r.entry_id, childId: r.child_id, tool: r.tool, words: r.words, recordedOn: r.recorded_on }));
    },

    async insertDrawing(db: Queryable, drawing: ChildDrawing & { picture: Buffer }, userId: string): Promise<void> {
      await db.query(
        `insert into child_drawings (drawing_id, child_id, tool, description, content_type, picture, drawn_on, uploaded_by)
         values ($1, $2, $3, $4, $5, decode($6, 'base64'), $7, $8)`,
        [drawing.drawingId, drawing.childId, drawing.tool, drawing.description, drawing.contentType, drawing.picture.toString('base64'), drawing.drawnOn, userId]);
    },

    async drawings(db: Queryable, childIds: readonly string[]): Promise<ChildDrawing[]> {
      const rows = await db.query<{ drawing_id: string; child_id: string; tool: VoiceTool; description: string; content_type: 'image/png' | 'image/jpeg'; byte_size: number; drawn_on: string }>(
        `select drawing_id, child_id, tool, description, content_type, octet_length(picture) as byte_size, drawn_on
         from child_drawings where child_id = any($1::text[]) order by drawn_on, uploaded_at`, [childIds]);
      return rows.map((r) => ({ drawingId: r.drawing_id, childId: r.child_id, tool: r.tool, description: r.description, contentType: r.content_type, byteSize: r.byte_size, drawnOn: r.drawn_on }));
    },

    async drawingPicture(db: Queryable, drawingId: string): Promise<{ childId: string; contentType: string; picture: Buffer } | undefined> {
      const rows = await db.query<{ child_id: string; content_type: string; picture_base64: string }>(
        `select child_id, content_type, encode(picture, 'base64') as picture_base64 from child_drawings where drawing_id = $1`, [drawingId]);
      const r = rows[0];
      return r ? { childId: r.child_id, contentType: r.content_type, picture: Buffer.from(r.picture_base64.replace(/\s/g, ''), 'base64') } : undefined;
    },
  };
}
export type SafetyRepository = ReturnType<typeof safetyRepository>;
