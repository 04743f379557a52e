/**
 * @module Issue 16 item 5, audit completeness: every page or download that shows a child's identifiable data is
 * audited as a view, once. The walk reads the route table: each GET route that opens a child's record (its pattern
 * takes a child id, or the id of a record that belongs to one child) is asked for once by someone who may open the
 * child, and must leave exactly one audit event, a view of that child; asked for by someone who may not, exactly one
 * refusal of that child. POST routes are walked for refusals only (childScopeRouteWalk.test.ts): a change allowed is
 * audited as that change by its own tests, and a change refused must not also count as a view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineUnderTest } from '../support/testDatabase.js';
import { inside, openProbe, outside, type Person, type Probe } from './support.js';
import { recordsOfEveryKind, type RecordIds } from './childRecords.js';
import { paths } from '../../src/platform/http/paths.js';
import { childOwnedRoutes, fillWith, type OwnedRoute } from './childOwnedRoutes.js';

let probe: Probe;
let manager: Person;
let lead: Person;
let insideIds: RecordIds;
let outsideIds: RecordIds;

beforeAll(async () => {
  probe = await openProbe();
  insideIds = await recordsOfEveryKind(probe, inside.childId, 'Family First');
  outsideIds = await recordsOfEveryKind(probe, outside.childId, 'Another Team');
  manager = await probe.as('team_manager');
  lead = await probe.as('service_manager');
}, 120_000);
afterAll(async () => probe?.close());

interface EventsOfOneRequest {
  statusCode: number;
  events: { action: string; child_id: string | null; details: Record<string, unknown> }[];
}

/** Send one request and read back the audit events it left. */
async function eventsOf(person: Person, url: string): Promise<EventsOfOneRequest> {
  const [{ last }] = await probe.database.db.query<{ last: number }>('select coalesce(max(event_id), 0)::int as last from audit_events');
  const response = await person.send('GET', url);
  const events = await probe.database.db.query<EventsOfOneRequest['events'][number]>('select action, child_id, details from audit_events where event_id > $1 order by event_id', [last]);
  return { statusCode: response.statusCode, events };
}

/** A view of the child: `….viewed`, or a download of their record (`safety.exported`, the family copy). */
const isView = (action: string) => /(viewed|exported)$/.test(action);

/** Pages asked for with the query their links carry. */
const queries: Record<string, string> = { '/children/:childId/safety/maps/:mapId/compare': '?from=1&to=2' };

/**
 * Pages that answer with a redirect for the walk's records, and the status they answer: registering a child the walk
 * has registered already sends them to the protection page to say so (the child's record was read, so audited once).
 */
const answeredWith: Record<string, number> = { '/children/:childId/care/protection/register': 303, '/children/:childId/restricted': 303 };

/**
 * Pages under a child's id that open none of their record, so are no view of them (their refusals are still walked).
 * The break-glass page shows a restricted record's id only, and for a record open to the person (as the walk's is) it
 * only redirects to the page asked for, which audits its own view.
 */
const opensNoRecord: Record<string, string> = { '/children/:childId/restricted': 'the break-glass page: the id of a restricted record only' };

/**
 * Known gaps, left for a follow-up (each is a route the walk found not audited exactly once; see the README's
 * "Audit" section). Listed so the walk passes while they remain, and fails the day one of these routes is removed.
 */
const notYetAuditedOnce: Record<string, string> = {};
const walked = (route: OwnedRoute) => !(route.url in notYetAuditedOnce);
const isRefusal = (event: EventsOfOneRequest['events'][number]) => event.action === 'child.access_refused' || event.details.refused === true;

describe(`every page that opens a child's record is audited exactly once (${engineUnderTest})`, () => {
  let routes: OwnedRoute[];
  beforeAll(() => {
    routes = childOwnedRoutes(probe.app.routeTable);
  });

  it('finds the routes from the route table (the walk is not empty)', () => {
    expect(routes.filter((route) => route.url.includes(':childId')).length).toBeGreaterThan(60);
    expect(routes.filter((route) => !route.url.includes(':childId')).length).toBeGreaterThan(5);
    expect(Object.keys(notYetAuditedOnce).filter((url) => !routes.some((route) => route.url === url))).toEqual([]);
  });

  it('audits one view of the child, and nothing else, when someone who may open the child opens the page', async () => {
    const problems: string[] = [];
    for (const route of routes.filter(walked)) {
      const asked = await eventsOf(route.leadOnly ? lead : manager, fillWith(route.url, insideIds) + (queries[route.url] ?? ''));
      const label = `GET ${route.url}`;
      const expected = answeredWith[route.url] ?? 200;
      if (asked.statusCode !== expected) problems.push(`${label}: answered ${asked.statusCode}, not ${expected}`);
      if (route.url in opensNoRecord) {
        if (asked.events.length) problems.push(`${label}: opens no record but audited ${asked.events.map((e) => e.action).join(', ')}`);
        continue;
      }
      const views = asked.events.filter((event) => isView(event.action) && event.child_id === inside.childId && !isRefusal(event));
      if (views.length !== 1 || asked.events.length !== 1) problems.push(`${label}: ${views.length} views of the child in ${asked.events.length} events (${asked.events.map((e) => e.action).join(', ')}), not exactly one`);
    }
    expect(problems).toEqual([]);
  });

  it('audits one refusal of the child, and nothing else, when someone who may not open the child asks', async () => {
    const problems: string[] = [];
    for (const route of routes.filter(walked)) {
      const asked = await eventsOf(manager, fillWith(route.url, outsideIds) + (queries[route.url] ?? ''));
      const label = `GET ${route.url}`;
      if (asked.statusCode !== 403) problems.push(`${label}: answered ${asked.statusCode}, not 403`);
      const refusals = asked.events.filter((event) => isRefusal(event) && event.child_id === outside.childId);
      if (refusals.length !== 1 || asked.events.length !== 1) problems.push(`${label}: ${refusals.length} refusals of the child in ${asked.events.length} events (${asked.events.map((e) => e.action).join(', ')}), not exactly one`);
    }
    expect(problems).toEqual([]);
  });
});

describe(`pages and downloads that name many children (${engineUnderTest})`, () => {
  it('audits the referral tray once, naming the children it shows', async () => {
    const asked = await eventsOf(manager, paths.referrals.tray());
    expect(asked.statusCode).toBe(200);
    expect(asked.events).toHaveLength(1);
    expect(asked.events[0]).toMatchObject({ action: 'referral.tray_viewed', child_id: null });
    expect(asked.events[0]!.details.named).toEqual([inside.childId]);
  });

  it("audits a worker's own caseload once, naming the children on it", async () => {
    const worker = await probe.as('practitioner');
    const asked = await eventsOf(worker, paths.caseloads.mine());
    expect(asked.statusCode).toBe(200);
    expect(asked.events).toHaveLength(1);
    expect(asked.events[0]).toMatchObject({ action: 'caseload.viewed', child_id: null });
    expect(asked.events[0]!.details.named).toEqual([inside.childId]);
  });

  it("names no child on a team's caseloads by worker (counts only), so it is not a view of a child", async () => {
    const asked = await eventsOf(manager, paths.caseloads.team());
    expect(asked.statusCode).toBe(200);
    const body = (await manager.send('GET', paths.caseloads.team())).body;
    const children = await probe.database.db.query<{ child_id: string; surname: string }>('select child_id, surname from children');
    expect(children.filter((child) => body.includes(child.child_id) || body.includes(child.surname))).toEqual([]);
    expect(asked.events).toEqual([]);
  });

  it('names no child in any dashboard table download or chart, so they are figures, not views of a child', async () => {
    const page = await manager.send('GET', paths.dashboards.show());
    const downloads = [...page.body.matchAll(/(?:href|src)="(\/dashboards\/(?:tables|charts)\/[^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
    expect(downloads.some((url) => url.includes('.csv'))).toBe(true);
    expect(downloads.some((url) => url.includes('.svg'))).toBe(true);
    const children = await probe.database.db.query<{ child_id: string; forename: string; surname: string }>('select child_id, forename, surname from children');
    const problems: string[] = [];
    for (const url of downloads) {
      const asked = await eventsOf(manager, url);
      const body = (await manager.send('GET', url)).body;
      const named = children.filter((child) => body.includes(child.child_id) || body.includes(child.surname));
      if (named.length) problems.push(`${url}: names ${named.map((child) => child.child_id).join(', ')}`);
      if (asked.events.length) problems.push(`${url}: audited ${asked.events.map((event) => event.action).join(', ')} though it names no one`);
    }
    expect(problems).toEqual([]);
  });
});
