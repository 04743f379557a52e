/**
 * @module Issue 16 item 3: the audit trail is a hash chain the database keeps. Each probe tampers with the trail as its
 * owner would (triggers disabled, rows changed, deleted or forged, directly in SQL) inside a transaction that is rolled
 * back, and the walk names the first broken link; concurrent writers still leave one unbroken chain.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourcePath } from '../../src/platform/projectRoot.js';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../support/testDatabase.js';
import type { Queryable } from '../../src/db/database.js';
import { auditRepository } from '../../src/modules/audit/auditRepository.js';
import { auditService, type AuditService } from '../../src/modules/audit/auditService.js';
import { auditChainService } from '../../src/modules/audit/auditChainService.js';
import { canonicalText, type ChainVerdict } from '../../src/modules/audit/auditChain.js';

const cli = { kind: 'system', name: 'cli' } as const;
let database: TestDatabase;
let audit: AuditService;
const ids: number[] = [];

class RolledBack extends Error {}

/** Tamper inside a transaction, walk the chain as it then stands, and roll everything back. */
async function verdictAfter(tamper: (tx: Queryable) => Promise<void>): Promise<ChainVerdict> {
  let verdict: ChainVerdict | undefined;
  await database.db.transaction(async (tx) => {
    await tamper(tx);
    verdict = await auditChainService(tx, auditRepository()).verifyChain();
    throw new RolledBack();
  }).catch((error: unknown) => {
    if (!(error instanceof RolledBack)) throw error;
  });
  return verdict!;
}

const withoutTriggers = async (tx: Queryable, sql: string, params: (string | number)[] = []) => {
  await tx.exec('alter table audit_events disable trigger user');
  await tx.query(sql, params);
  await tx.exec('alter table audit_events enable trigger user');
};

beforeAll(async () => {
  database = await createTestDatabase();
  audit = auditService(database.db, auditRepository());
  await audit.record(cli, { action: 'child.searched', details: { text: 'Morag "Mo" Lennie\nback\\slash', n: 3, nested: { é: ['ü', null, true], a: 1.5 } } });
  await audit.record(cli, { action: 'child.viewed', childId: 'C000101', subject: 'Ça va — “quoted”', reason: 'tab\there' });
  await audit.record(cli, { action: 'import.completed', details: { rows: 12, emoji: '🌳', empty: {}, list: [] } });
  await audit.record(cli, { action: 'child.viewed', childId: 'C000101' });
  ids.push(...(await database.db.query<{ event_id: number }>('select event_id from audit_events order by chain_position')).map((r) => Number(r.event_id)));
});
afterAll(async () => database?.drop());

describe(`the audit trail's hash chain (${engineUnderTest})`, () => {
  it('is intact after ordinary writes, rebuilding exactly the text the database hashed', async () => {
    expect(await audit.verifyChain()).toEqual({ intact: true, events: ids.length });
    const rows = await auditRepository().chainAfter(database.db, { chainPosition: 0, eventId: 0 }, 100);
    const inDatabase = await database.db.query<{ canonical: string }>('select audit_event_canonical(a) as canonical from audit_events a order by chain_position');
    expect(rows.map((row) => canonicalText(row, row.detailsText))).toEqual(inDatabase.map((row) => row.canonical));
  });

  it('sets the time, the place in the chain and the hashes itself, whatever the application sends', async () => {
    const [row] = await database.db.query<{ event_id: number; forged: boolean; hash: string; chain_position: number }>(
      `insert into audit_events (actor, action, occurred_at, chain_position, previous_hash, hash)
       values ('system:test', 'child.viewed', '2001-01-01T00:00:00Z', 1, 'made up', 'made up')
       returning event_id, occurred_at < now() - interval '1 day' as forged, hash, chain_position`,
    );
    ids.push(Number(row!.event_id));
    expect(row!.forged).toBe(false);
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(row!.chain_position)).toBe(ids.length);
    expect(await audit.verifyChain()).toEqual({ intact: true, events: ids.length });
  });

  it("names an event whose details were changed after it was written", async () => {
    const verdict = await verdictAfter((tx) => withoutTriggers(tx, `update audit_events set details = '{"text": "someone else"}' where event_id = $1`, [ids[0]!]));
    expect(verdict).toMatchObject({ intact: false, eventId: ids[0], events: 0 });
    expect(verdict.intact ? '' : verdict.problem).toContain('content does not match its hash');
  });

  it('names an event whose time was forged', async () => {
    const verdict = await verdictAfter((tx) => withoutTriggers(tx, `update audit_events set occurred_at = occurred_at - interval '3 days' where event_id = $1`, [ids[2]!]));
    expect(verdict).toMatchObject({ intact: false, eventId: ids[2], events: 2 });
  });

  it('names the event after one that was deleted', async () => {
    const verdict = await verdictAfter((tx) => withoutTriggers(tx, 'delete from audit_events where event_id = $1', [ids[1]!]));
    expect(verdict).toMatchObject({ intact: false, eventId: ids[2], events: 1 });
    expect(verdict.intact ? '' : verdict.problem).toBe('the event before it at position 2 is missing (deleted)');
  });

  it('names the event after one that was changed and given a new hash to match', async () => {
    const verdict = await verdictAfter(async (tx) => {
      await withoutTriggers(tx, `update audit_events set actor = 'someone else' where event_id = $1`, [ids[1]!]);
      await withoutTriggers(tx, 'update audit_events a set hash = audit_event_hash(a) where event_id = $1', [ids[1]!]);
    });
    expect(verdict).toMatchObject({ intact: false, eventId: ids[2], events: 2 });
    expect(verdict.intact ? '' : verdict.problem).toBe(`its previous hash is not the hash of event ${ids[1]} before it (that event was changed or replaced)`);
  });

  it('notices events cut off the end of the chain', async () => {
    const verdict = await verdictAfter((tx) => withoutTriggers(tx, 'delete from audit_events where event_id = $1', [ids[ids.length - 1]!]));
    expect(verdict).toMatchObject({ intact: false, eventId: ids[ids.length - 2], events: ids.length - 1 });
    expect(verdict.intact ? '' : verdict.problem).toContain(`records ${ids.length} events`);
  });

  it('names an event forged with its trigger dropped', async () => {
    const verdict = await verdictAfter(async (tx) => {
      await tx.exec('drop trigger audit_events_chain on audit_events');
      const [last] = await tx.query<{ hash: string }>('select hash from audit_events order by chain_position desc limit 1');
      await tx.query(
        `insert into audit_events (actor, action, occurred_at, chain_position, previous_hash, hash) values ('system:test', 'child.viewed', '2001-01-01', $1, $2, $3)`,
        [ids.length + 1, last!.hash, 'f'.repeat(64)],
      );
    });
    expect(verdict).toMatchObject({ intact: false, events: ids.length });
    expect(verdict.intact ? '' : verdict.problem).toContain('content does not match its hash');
  });

  it('chains the events written before the migration, in the order they were written', async () => {
    const verdict = await verdictAfter(async (tx) => {
      await tx.exec(`drop trigger audit_events_chain on audit_events;
        drop table audit_chain_head;
        drop function audit_events_chain(); drop function audit_event_hash(audit_events); drop function audit_event_canonical(audit_events);
        alter table audit_events drop column chain_position, drop column previous_hash, drop column hash;
        insert into audit_events (actor, action, occurred_at, details) values ('system:old', 'child.viewed', '2020-05-01', '{"text": "old"}');`);
      await tx.exec(readFileSync(sourcePath('db', 'migrations', '0072_audit_hash_chain.sql'), 'utf8'));
      const positions = await tx.query<{ event_id: number; chain_position: number }>('select event_id, chain_position from audit_events order by event_id');
      expect(positions.map((row) => Number(row.chain_position))).toEqual(positions.map((_, n) => n + 1));
    });
    expect(verdict).toEqual({ intact: true, events: ids.length + 1 });
  });

  it('stays one unbroken chain while transactions write at the same time', async () => {
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    await Promise.all([
      ...Array.from({ length: 6 }, (_, writer) => database.db.transaction(async (tx) => {
        for (let n = 0; n < 4; n++) {
          await audit.record(cli, { action: 'child.viewed', childId: `W${writer}`, details: { n } }, tx);
          await pause();
        }
      })),
      ...Array.from({ length: 6 }, (_, n) => audit.record(cli, { action: 'child.searched', details: { text: `alone ${n}` } })),
    ]);
    const verdict = await audit.verifyChain();
    expect(verdict).toEqual({ intact: true, events: ids.length + 30 });
  });
});
