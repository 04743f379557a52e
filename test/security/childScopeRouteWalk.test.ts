/**
 * @module Issue 16, must-fix 1 and 5: every route whose pattern takes a child id, tried by people who may not open
 * that child, is refused without naming the child, answered exactly as an id that does not exist, and leaves exactly
 * one audit event. The walk reads the route table, so a route added later is covered without being listed here. To a
 * service manager, who may open every child and so learns nothing from it, an unknown id is said to be no child (404)
 * on every route alike; before, some pages said so and others that the child was not on their caseload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineUnderTest } from '../support/testDatabase.js';
import { auditCount, fillRoute, inside, openProbe, outside, unknownChildId, type Person, type Probe } from './support.js';

let probe: Probe;
let worker: Person;
let manager: Person;

beforeAll(async () => {
  // Three walks of every child route in a minute: more requests than the rate limit lets one address make.
  probe = await openProbe({ rateLimitPerMinute: 100_000 });
  worker = await probe.as('practitioner');
  manager = await probe.as('team_manager');
});
afterAll(async () => probe?.close());

/** The answer without what differs between any two responses (the CSP nonce, the form token) or names the id asked for. */
const sameness = (body: string, childId: string) => body.replaceAll(childId, 'ID').replace(/nonce="[^"]+"/g, '').replace(/(name="_csrf" value|name="_submission" value|name="csrf-token" content)="[^"]+"/g, '$1');

describe(`every route that takes a child id refuses a child out of scope (${engineUnderTest})`, () => {
  const childRoutes = () => probe.app.routeTable.filter((route) => route.url.includes(':childId'));

  it('finds the child routes in the route table (the walk is not empty)', () => {
    expect(childRoutes().length).toBeGreaterThan(40);
    expect(childRoutes().some((route) => route.method === 'POST')).toBe(true);
  });

  it('lets the same people open a child in their scope (so the refusals below are about scope)', async () => {
    expect((await worker.send('GET', `/children/${inside.childId}`)).statusCode).toBe(200);
    expect((await manager.send('GET', `/children/${inside.childId}`)).statusCode).toBe(200);
  });

  for (const [who, person] of [['a practitioner', () => worker], ['a team manager', () => manager]] as const) {
    it(`refuses ${who}, names no one, answers as for no such child, and audits each refusal once`, async () => {
      const problems: string[] = [];
      for (const route of childRoutes()) {
        const label = `${route.method} ${route.url}`;
        const before = await auditCount(probe.database.db);
        const beforeRefusals = await auditCount(probe.database.db, { action: 'child.access_refused', childId: outside.childId });
        const refused = await person().send(route.method, fillRoute(route.url, outside.childId));
        const after = await auditCount(probe.database.db);
        const refusals = (await auditCount(probe.database.db, { action: 'child.access_refused', childId: outside.childId })) - beforeRefusals;
        if (refused.statusCode !== 403) problems.push(`${label}: ${refused.statusCode}, not 403`);
        if (/Zebedee|Quintrell|2009/.test(refused.body)) problems.push(`${label}: names the child`);
        if (refusals !== 1 || after - before !== 1) problems.push(`${label}: ${refusals} refusal events of ${after - before} events, not exactly one`);
        const unknown = await person().send(route.method, fillRoute(route.url, unknownChildId));
        if (unknown.statusCode !== refused.statusCode || sameness(unknown.body, unknownChildId) !== sameness(refused.body, outside.childId)) {
          problems.push(`${label}: answers an unknown id (${unknown.statusCode}) differently from a child out of scope (${refused.statusCode})`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('tells a service manager, who may open every child, that an unknown id is no child, on every route alike', async () => {
    const lead = await probe.as('service_manager');
    expect((await lead.send('GET', `/children/${outside.childId}`)).statusCode).toBe(200);
    const problems: string[] = [];
    for (const route of childRoutes()) {
      const label = `${route.method} ${route.url}`;
      const before = await auditCount(probe.database.db);
      const unknown = await lead.send(route.method, fillRoute(route.url, unknownChildId));
      if (unknown.statusCode !== 404) problems.push(`${label}: ${unknown.statusCode}, not 404`);
      else if (!unknown.body.includes('There is no child with that id')) problems.push(`${label}: 404 without saying there is no such child`);
      if ((await auditCount(probe.database.db)) !== before) problems.push(`${label}: audited, though no record was reached`);
    }
    expect(problems).toEqual([]);
  });
});
