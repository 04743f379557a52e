/**
 * @module Issue 16, restricted records: every route whose pattern takes a child id, tried on a restricted record by
 * people in scope but not named on it (a practitioner, a team manager, a service manager), sends a page to the
 * break-glass page and refuses a form, never names the child, and audits each attempt once. The walk reads the route
 * table (as childScopeRouteWalk does), so a route added later is covered without being listed here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineUnderTest } from '../support/testDatabase.js';
import { addRestrictedChild, auditCount, fillRoute, openProbe, restricted, type Person, type Probe } from './support.js';
import { paths } from '../../src/platform/http/paths.js';
import { may } from '../../src/platform/access/access.js';

let probe: Probe;
let worker: Person;
let manager: Person;
let serviceManager: Person;
let named: Person;

beforeAll(async () => {
  probe = await openProbe();
  worker = await probe.as('practitioner');
  manager = await probe.as('team_manager');
  serviceManager = await probe.as('service_manager');
  named = await probe.as('team_manager');
  await addRestrictedChild(probe, [named]);
});
afterAll(async () => probe?.close());

const namesTheChild = (body: string) => /Ysolde|Pettigrew|2010/.test(body);
const breakGlassPage = paths.children.breakGlass({ childId: restricted.childId });
const refusals = () => auditCount(probe.database.db, { action: 'child.access_refused', childId: restricted.childId });

describe(`every route that takes a child id keeps a restricted record closed (${engineUnderTest})`, () => {
  const childRoutes = () => probe.app.routeTable.filter((route) => route.url.includes(':childId') && route.url !== paths.children.breakGlass.pattern);

  it('opens the record to the person named on it, and walks a route table that is not empty', async () => {
    expect(childRoutes().length).toBeGreaterThan(40);
    const page = await named.send('GET', paths.children.show({ childId: restricted.childId }));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ysolde');
  });

  for (const [who, person] of [['a practitioner', () => worker], ['a team manager', () => manager], ['a service manager', () => serviceManager]] as const) {
    it(`sends ${who} not named on it to the break-glass page or refuses the form, names no one, and audits each attempt once`, async () => {
      const problems: string[] = [];
      // Routes this person's role may not reach at all are refused before scope (the permission walk covers them).
      for (const route of childRoutes().filter((r) => r.access && 'permission' in r.access && may(person().user, r.access.permission))) {
        const label = `${route.method} ${route.url}`;
        const url = fillRoute(route.url, restricted.childId);
        const before = await auditCount(probe.database.db);
        const beforeRefusals = await refusals();
        const answer = await person().send(route.method, url);
        const events = (await auditCount(probe.database.db)) - before;
        if (route.method === 'GET') {
          if (answer.statusCode !== 303) problems.push(`${label}: ${answer.statusCode}, not 303`);
          else if (answer.headers.location !== `${breakGlassPage}?${new URLSearchParams({ next: url })}`) problems.push(`${label}: sent to ${answer.headers.location}`);
        } else if (answer.statusCode !== 403) problems.push(`${label}: ${answer.statusCode}, not 403`);
        if (namesTheChild(answer.body)) problems.push(`${label}: names the child`);
        if ((await refusals()) - beforeRefusals !== 1 || events !== 1) problems.push(`${label}: ${events} events, not exactly one refusal`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('shows the break-glass page without naming the child, and without auditing a view', async () => {
    const before = await auditCount(probe.database.db);
    const page = await worker.send('GET', breakGlassPage);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This record is restricted');
    expect(namesTheChild(page.body)).toBe(false);
    expect(await auditCount(probe.database.db)).toBe(before);
  });

  it('still refuses the break-glass page of a child out of scope, as any other page', async () => {
    const page = await worker.send('GET', paths.children.breakGlass({ childId: 'C000777' }));
    expect(page.statusCode).toBe(403);
  });
});
