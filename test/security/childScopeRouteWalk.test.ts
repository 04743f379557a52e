/**
 * @module Issue 16, must-fix 1 and 5: every route whose pattern takes a child id, tried by people who may not open
 * that child, is refused without naming the child, answered exactly as an id that does not exist, and leaves exactly
 * one audit event. The walk reads the route table, so a route added later is covered without being listed here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineUnderTest } from '../support/testDatabase.js';
import { auditCount, fillRoute, inside, openProbe, outside, unknownChildId, type Person, type Probe } from './support.js';

let probe: Probe;
let worker: Person;
let manager: Person;

beforeAll(async () => {
  probe = await openProbe();
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
});
