/**
 * @module Issue 16 item 3, the deployment of ADR 0042: the server connects as a role that owns no table, separate from
 * the owner that runs `cairn migrate`, set up by docs/database-roles.sql. That role writes audit events through the
 * app's own path, but cannot change, delete, truncate or un-trigger them. PostgreSQL only: roles and grants are the
 * server's, and PGlite has one user who owns everything, so there is nothing to separate there.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/postgresDatabase.js';
import { migrate } from '../../src/db/migrate.js';
import type { Database } from '../../src/db/database.js';
import { buildServices } from '../../src/composition.js';
import { testConfig } from '../support/testConfig.js';
import { projectRoot } from '../../src/platform/projectRoot.js';

const serverUrl = process.env.DATABASE_URL;
const suffix = randomBytes(4).toString('hex');
const names = { owner: `cairn_owner_${suffix}`, app: `cairn_app_${suffix}`, database: `cairn_roles_${suffix}` };

/** The script's statements of one part, with this test's role and database names. */
function scriptPart(part: 1 | 2): string[] {
  const script = readFileSync(`${projectRoot}/docs/database-roles.sql`, 'utf8');
  const [, first = '', second = ''] = script.split(/^-- Part \d:.*$/m);
  return (part === 1 ? first : second)
    .replace(/\bcairn_owner\b/g, names.owner).replace(/\bcairn_app\b/g, names.app).replace(/database cairn /g, `database ${names.database} `)
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^--.*$/gm, '').trim())
    .filter(Boolean);
}

const urlAs = (role: string) => {
  const url = new URL(serverUrl!);
  url.username = role;
  url.pathname = `/${names.database}`;
  return url.toString();
};

describe.runIf(serverUrl)('the application role on PostgreSQL (docs/database-roles.sql)', () => {
  let admin: pg.Client;
  let owner: Database;
  let app: Database;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    for (const statement of scriptPart(1)) await admin.query(statement);
    owner = openPostgres(urlAs(names.owner), { max: 1 });
    await migrate(owner);
    for (const statement of scriptPart(2)) await owner.query(statement);
    app = openPostgres(urlAs(names.app), { max: 2 });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await admin.query(`drop database if exists ${names.database} with (force)`);
    await admin.query(`drop role if exists ${names.app}`);
    await admin.query(`drop role if exists ${names.owner}`);
    await admin.end();
  });

  it('starts on the migrated database without changing it, and writes audit events through the app', async () => {
    expect(await migrate(app)).toEqual([]);
    const services = buildServices(testConfig(), app);
    await services.audit.record({ kind: 'system', name: 'cli' }, { action: 'child.viewed', childId: 'C000101' });
    const found = await services.audit.search({ kind: 'system', name: 'cli' }, { childId: 'C000101', limit: 10, offset: 0 });
    expect(found.total).toBe(1);
    expect(await services.audit.verifyChain()).toEqual({ intact: true, events: 2 });
    const [owners] = await app.query<{ owned: number }>(`select count(*)::int as owned from pg_tables where tableowner = current_user`);
    expect(owners!.owned).toBe(0);
  });

  it.each([
    ['change an event', `update audit_events set actor = 'someone else'`, /permission denied/],
    ['delete an event', 'delete from audit_events', /permission denied/],
    ['empty the trail', 'truncate audit_events', /permission denied/],
    ['turn off its triggers', 'alter table audit_events disable trigger user', /must be owner/],
    ['drop the chain trigger', 'drop trigger audit_events_chain on audit_events', /must be owner/],
    ['move the chain head', 'update audit_chain_head set chain_position = 0', /permission denied/],
    ['start the chain again', 'insert into audit_chain_head values (true, 0, $$0$$)', /permission denied/],
    ['apply a migration', 'create table forged (id int)', /permission denied/],
  ])('may not %s', async (_what, sql, refusal) => {
    await expect(app.query(sql)).rejects.toThrow(refusal);
  });

  it('cannot forge the time or hash of an event it adds', async () => {
    const [row] = await app.query<{ forged: boolean }>(
      `insert into audit_events (actor, action, occurred_at, hash) values ('system:test', 'child.viewed', '2001-01-01', 'made up')
       returning occurred_at < now() - interval '1 day' or hash = 'made up' as forged`,
    );
    expect(row!.forged).toBe(false);
    expect(await buildServices(testConfig(), app).audit.verifyChain()).toMatchObject({ intact: true });
  });

  it('asks for the owner when a migration is pending', async () => {
    await owner.query(`delete from schema_migrations where name = '0072_audit_hash_chain'`);
    await expect(migrate(app)).rejects.toThrow('Run cairn migrate as their owner (DATABASE_OWNER_URL) first');
  });
});
