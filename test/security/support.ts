/**
 * @module What the security probes share: an app on a test database with one child in scope and one outside it,
 * people to try them as, and how to fill any route's pattern and send it as that person (with a CSRF token).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { aCase, aChild } from '../support/factories.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { testConfig } from '../support/testConfig.js';
import { openForm, signInAs } from '../support/signIn.js';
import { buildServices, type Services } from '../../src/composition.js';
import { buildApp } from '../../src/app/app.js';
import type { Config } from '../../src/platform/config.js';
import type { Role } from '../../src/platform/access/roles.js';
import type { SignedInUser } from '../../src/platform/access/user.js';
import { paths } from '../../src/platform/http/paths.js';

/** The child nobody in the probes' team may open: their name must never appear in an answer to them. */
export const outside = { childId: 'C000777', forename: 'Zebedee', surname: 'Quintrell', dateOfBirth: '2009-07-13' };
/** A child on the probes' team's caseload. */
export const inside = { childId: 'C000101', forename: 'Morag', surname: 'Lennie', dateOfBirth: '2011-02-03' };
/** An id no child has, in the same style: it must be answered exactly as `outside` is. */
export const unknownChildId = 'C000999';
/** A child on the probes' team's caseload whose record is restricted to named people (issue 16): see `addRestrictedChild`. */
export const restricted = { childId: 'C000555', forename: 'Ysolde', surname: 'Pettigrew', dateOfBirth: '2010-05-17' };

export interface Probe {
  database: TestDatabase;
  services: Services;
  app: FastifyInstance;
  /** Sign in as someone in the Family First team (a practitioner is worker W1) with this role; their cookie and a CSRF token. */
  as(role: Role): Promise<Person>;
  close(): Promise<void>;
}

export interface Person {
  user: SignedInUser;
  cookie: string;
  token: string;
  send(method: string, url: string, fields?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** @example const probe = await openProbe(); const worker = await probe.as('practitioner') */
export async function openProbe(overrides: Partial<Config> = {}): Promise<Probe> {
  const database = await createTestDatabase();
  const services = buildServices(testConfig(overrides), database.db);
  await aChild(database.db, { ...outside, schoolCluster: 'Belmont' });
  await aChild(database.db, { ...inside, schoolCluster: 'Belmont' });
  await aCase(database.db, outside.childId, { team: 'Another Team', workerId: 'W9' });
  await aCase(database.db, inside.childId, { team: 'Family First', workerId: 'W1' });
  const app = await buildApp(services, { logger: false });
  await app.ready();
  return {
    database, services, app,
    async as(role) {
      const signedIn = await signInAs(app, services, role, role === 'practitioner' ? { team: 'Family First', workerId: 'W1' } : { team: 'Family First' });
      const { cookie, token } = await openForm(app, paths.home(), signedIn.cookie);
      return {
        user: signedIn.user, cookie, token,
        send: (method, url, fields = {}) => app.inject({
          method: method as 'GET' | 'POST', url,
          headers: method === 'GET' ? { cookie } : { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          ...(method === 'GET' ? {} : { payload: new URLSearchParams({ _csrf: token, ...fields }).toString() }),
        }),
      };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * A route's pattern with its child id given and every other parameter filled with something well-formed.
 * @example fillRoute('/children/:childId/care/orders/:orderId/end', 'C1') // '/children/C1/care/orders/X1/end'
 */
export function fillRoute(pattern: string, childId: string): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => (name === 'childId' ? childId : name === 'format' ? 'pdf' : name === 'category' ? 'worries' : 'X1'));
}

/** How many audit events there are, or of one action about one child. */
export async function auditCount(db: TestDatabase['db'], where: { action?: string; childId?: string } = {}): Promise<number> {
  const rows = await db.query<{ n: number }>(
    'select count(*)::int as n from audit_events where ($1::text is null or action = $1) and ($2::text is null or child_id = $2)',
    [where.action ?? null, where.childId ?? null],
  );
  return rows[0]!.n;
}

/**
 * Add `restricted`, a child on the probes' team's caseload (so in everyone's scope), and restrict their record to
 * `namedOn` only, as a service manager would (issue 16).
 * @example const worker = await probe.as('practitioner'); await addRestrictedChild(probe, [worker])
 */
export async function addRestrictedChild(probe: Probe, namedOn: readonly Person[]): Promise<void> {
  await aChild(probe.database.db, { ...restricted, schoolCluster: 'Belmont' });
  await aCase(probe.database.db, restricted.childId, { team: 'Family First', workerId: 'W1' });
  const { user: manager } = await signInAs(probe.app, probe.services, 'service_manager');
  const done = await probe.services.restrictions.restrict(manager, restricted.childId, { reason: 'A member of staff’s child', userIds: namedOn.map((person) => person.user.userId) });
  if (done.outcome !== 'restricted') throw new Error('could not restrict the record');
  // The manager who restricted it stays on the list (so cannot lock themselves out); the probes test the others.
}
