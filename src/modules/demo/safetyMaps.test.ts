/**
 * @module The demo's Signs of Safety maps: a dozen children's maps, each scaled by everyone at three meetings saved as
 * versions named by the meeting, which the map's history and comparison pages offer by name.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { openDemoApp, type DemoApp } from '../../../test/support/demoTemplate.js';
import { signIn } from '../../../test/support/signIn.js';
import type { Services } from '../../composition.js';
import { paths } from '../../platform/http/paths.js';
import { meetingTypeNames, type MeetingType } from '../../platform/codes/safetyCodes.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { teams } from './authority.js';
import { demoPassword } from './demoUsers.js';
import type { DemoExtract } from './extract.js';
import { generateDemoExtract } from './generateDemoExtract.js';
import { planSafetyMaps, recordSafetyMaps } from './safetyMaps.js';

let database: TestDatabase;
let services: Services;
let app: FastifyInstance;
let demo: DemoApp;
let extract: DemoExtract;

beforeAll(async () => {
  // The demo as loadDemoIfEmpty leaves it, loaded once per run (ADR 0063); loading it is loadDemoIfEmpty.test.ts's.
  demo = await openDemoApp();
  ({ database, services, app } = demo);
  extract = generateDemoExtract({ seed: 2021 });
}, 300_000);

afterAll(() => demo?.close());

type MeetingRow = { map_id: string; child_id: string; meeting_id: string; meeting_type: MeetingType; held_on: string };

async function meetings(): Promise<MeetingRow[]> {
  return database.db.query<MeetingRow>(
    `select m.map_id, s.child_id, m.meeting_id, m.meeting_type, m.held_on::text as held_on
       from safety_map_meetings m join safety_maps s on s.map_id = m.map_id order by m.map_id, m.held_on`,
  );
}

describe(`the demo's Signs of Safety maps, planned (${engineUnderTest})`, () => {
  it('plans the same dozen maps from the same extract, every date on or before the reference date', () => {
    const plan = planSafetyMaps(extract);
    expect(planSafetyMaps(generateDemoExtract({ seed: 2021 }))).toEqual(plan);
    expect(plan).toHaveLength(12);
    expect(new Set(plan.map((p) => p.childId)).size).toBe(12);
    for (const map of plan) {
      expect(map.pairs.length).toBeGreaterThanOrEqual(1);
      expect(map.pairs.length).toBeLessThanOrEqual(2);
      expect(map.network.length).toBeGreaterThanOrEqual(3);
      expect(map.network.length).toBeLessThanOrEqual(4);
      expect(map.meetings.map((m) => m.meetingType)).toEqual(['case_conference', 'core_group', 'review']);
      const dates = map.meetings.map((m) => m.heldOn);
      expect([...dates].sort()).toEqual(dates);
      expect(dates.every((d) => d <= extract.today)).toBe(true);
      const opened = extract.cases.filter((c) => c.child_id === map.childId && c.team === teams.familyFirst && c.closed_date === null).map((c) => c.opened_date).sort()[0]!;
      expect(dates[0]! > opened).toBe(true);
      expect(map.meetings.every((m) => m.people.length >= 3 && m.people.every((p) => p.scores.length === map.pairs.length))).toBe(true);
    }
    // Most children's numbers rise over the meetings, not all.
    const rising = plan.filter((p) => p.rising).length;
    expect(rising).toBeGreaterThan(6);
    expect(rising).toBeLessThan(12);
  });
});

describe(`the demo's Signs of Safety maps, recorded (${engineUnderTest})`, () => {
  it('records a map for each of twelve children with open Family First cases', async () => {
    const maps = await database.db.query<{ child_id: string }>('select child_id from safety_maps');
    expect(maps).toHaveLength(12);
    const open = await database.db.query<{ child_id: string }>(`select child_id from cases where team = $1 and closed_date is null`, [teams.familyFirst]);
    const familyFirstChildren = new Set(open.map((c) => c.child_id));
    expect(maps.filter((m) => !familyFirstChildren.has(m.child_id))).toEqual([]);
  });

  it("saves three meetings per map, each with everyone's number for every danger statement on its date", async () => {
    const held = await meetings();
    expect(held).toHaveLength(36);
    const counts = await database.db.query<{ map_id: string; held_on: string; pairs: number; scored_pairs: number; people: number; numbers: number }>(
      `select m.map_id, m.held_on::text as held_on,
              (select count(*)::int from safety_pairs p where p.map_id = m.map_id) as pairs,
              (select count(distinct s.pair_id)::int from safety_scores s join safety_pairs p on p.pair_id = s.pair_id where p.map_id = m.map_id and s.scored_on = m.held_on) as scored_pairs,
              (select count(distinct s.person_name)::int from safety_scores s join safety_pairs p on p.pair_id = s.pair_id where p.map_id = m.map_id and s.scored_on = m.held_on) as people,
              (select count(*)::int from safety_scores s join safety_pairs p on p.pair_id = s.pair_id where p.map_id = m.map_id and s.scored_on = m.held_on) as numbers
         from safety_map_meetings m`,
    );
    expect(counts).toHaveLength(36);
    for (const meeting of counts) {
      expect(meeting.scored_pairs, `${meeting.map_id} on ${meeting.held_on}`).toBe(meeting.pairs);
      expect(meeting.people).toBeGreaterThanOrEqual(3);
      expect(meeting.numbers).toBe(meeting.pairs * meeting.people);
      expect(meeting.held_on <= extract.today).toBe(true);
    }
    for (const mapId of new Set(held.map((m) => m.map_id))) {
      expect(held.filter((m) => m.map_id === mapId).map((m) => m.meeting_type)).toEqual(['case_conference', 'core_group', 'review']);
    }
  });

  it('shows numbers rising from the conference to the review for most children, not all', async () => {
    const averages = await database.db.query<{ map_id: string; first: number; last: number }>(
      `with per_meeting as (
         select m.map_id, m.meeting_type, avg(s.score)::float as average
           from safety_map_meetings m join safety_pairs p on p.map_id = m.map_id join safety_scores s on s.pair_id = p.pair_id and s.scored_on = m.held_on
          group by m.map_id, m.meeting_type)
       select f.map_id, f.average as first, l.average as last
         from per_meeting f join per_meeting l on l.map_id = f.map_id and l.meeting_type = 'review' where f.meeting_type = 'case_conference'`,
    );
    expect(averages).toHaveLength(12);
    const rose = averages.filter((a) => a.last > a.first).length;
    expect(rose).toBeGreaterThan(6);
    expect(rose).toBeLessThan(12);
  });

  it('offers the meetings by name on the history page, and compares them with their numbers', async () => {
    const cookie = await signIn(app, 'manager', demoPassword);
    const held = await meetings();
    const [first, , last] = held.filter((m) => m.map_id === held[0]!.map_id);
    const ids = { childId: first!.child_id, mapId: first!.map_id };
    const name = (m: MeetingRow) => `${meetingTypeNames[m.meeting_type]}, ${longDateOf(m.held_on)}`;
    const history = await app.inject({ url: paths.safety.history(ids), headers: { cookie } });
    expect(history.statusCode).toBe(200);
    for (const meeting of held.filter((m) => m.map_id === ids.mapId)) expect(history.body).toContain(name(meeting));
    const compare = await app.inject({ url: `${paths.safety.compare(ids)}?from=${first!.meeting_id}&to=${last!.meeting_id}`, headers: { cookie } });
    expect(compare.statusCode).toBe(200);
    expect(compare.body).toContain(name(first!));
    expect(compare.body).toContain(name(last!));
    expect(compare.body).toContain('Danger statement 1:');
  });

  it('records nothing the second time: the maps are there already', async () => {
    expect(await recordSafetyMaps(services, extract)).toBeUndefined();
    const maps = await database.db.query<{ n: number }>('select count(*)::int as n from safety_maps');
    expect(maps[0]!.n).toBe(12);
  });
});
