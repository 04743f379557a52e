/**
 * @module A first load (ADR 0056), against a real, migrated database (PGlite, or PostgreSQL when DATABASE_URL is set):
 * an import into empty tables owned by its role builds their secondary indexes and checks their foreign keys once,
 * after the rows are in, and leaves the schema exactly as it found it, whether the import lands or is refused; an
 * import into tables holding rows, or by a role that owns none (the server's, ADR 0042), writes row by row as before.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest } from '../support/testDatabase.js';
import type { Database, Queryable } from '../../src/db/database.js';
import { auditRepository } from '../../src/modules/audit/auditRepository.js';
import { auditService } from '../../src/modules/audit/auditService.js';
import { extractImportService } from '../../src/modules/extract/extractImportService.js';
import { extractRepository, type ExtractRepository } from '../../src/modules/extract/extractRepository.js';
import { formatProblem } from '../../src/modules/extract/extractProblem.js';
import { clearDomain, domainContents, removeExtractFolders, validExtract, writeExtractFolder } from './support/extractFolder.js';

const actor = { kind: 'system', name: 'test' } as const;
let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createTestDatabase());
});
afterAll(async () => {
  await drop();
  await removeExtractFolders();
});
beforeEach(async () => {
  await clearDomain(db);
});

/** Every index and constraint of the tables an extract writes, as the catalogue defines them. */
async function schemaOfImportedTables(q: Queryable): Promise<string[]> {
  const tables = ['families', 'children', 'providers', 'looked_after_episodes', 'placements', 'cases', 'referrals', 'cp_registrations', 'scra_referrals'];
  const rows = await q.query<{ definition: string }>(
    `select indexrelid::regclass::text || ': ' || pg_get_indexdef(indexrelid) as definition from pg_index where indrelid = any($1::regclass[])
     union all
     select conrelid::regclass::text || '.' || conname || ': ' || pg_get_constraintdef(oid) || case when convalidated then '' else ' (not checked)' end
       from pg_constraint where conrelid = any($1::regclass[])
     order by 1`,
    [tables],
  );
  return rows.map((row) => row.definition);
}

/** The importer over a repository that remembers what each import set aside. */
function watchedImporter(change: Partial<ExtractRepository> = {}) {
  const real = extractRepository();
  const setAside: string[][] = [];
  const repository: ExtractRepository = {
    ...real,
    ...change,
    async setAsideForFirstLoad(tx, kinds) {
      const putBack = await real.setAsideForFirstLoad(tx, kinds);
      setAside.push(putBack);
      return putBack;
    },
  };
  return { setAside, importer: extractImportService(db, auditService(db, auditRepository()), repository) };
}

describe('a first load', () => {
  it('sets aside the empty tables’ secondary indexes and foreign keys, and puts every one back', async () => {
    const before = await schemaOfImportedTables(db);
    const { setAside, importer } = watchedImporter();
    const outcome = await importer.importFolder(actor, await writeExtractFolder(validExtract()));
    expect(outcome.ok).toBe(true);
    // Put back: the indexes not unique (children's names, dates, clusters…) and every foreign key the tables hold.
    expect(setAside[0]).toEqual(expect.arrayContaining([expect.stringMatching(/^CREATE INDEX children_surname_idx /), expect.stringMatching(/^alter table cases add constraint cases_child_id_fkey FOREIGN KEY/)]));
    expect(setAside[0]!.some((statement) => /UNIQUE|PRIMARY KEY/.test(statement))).toBe(false);
    expect(await schemaOfImportedTables(db)).toEqual(before);
  });

  it('writes row by row into tables that hold rows, setting nothing aside', async () => {
    const { setAside, importer } = watchedImporter();
    expect((await importer.importFolder(actor, await writeExtractFolder(validExtract()))).ok).toBe(true);
    expect((await importer.importFolder(actor, await writeExtractFolder(validExtract()))).ok).toBe(true);
    expect(setAside[1]).toEqual([]);
  });

  it('refuses a row pointing nowhere when a foreign key is put back, and leaves no row and the schema whole', async () => {
    const before = await schemaOfImportedTables(db);
    // A repository that writes every case against a child the extract does not have: the checks passed the extract,
    // so only the foreign key, checked once as it is put back, can catch it.
    const real = extractRepository();
    const { importer } = watchedImporter({
      write: (tx, kind, rows, ...rest) =>
        real.write(tx, kind, kind === 'cases' ? { length: rows.length, slice: (from, to) => rows.slice(from, to).map((row) => ({ ...row, child_id: 'NOBODY' })), forEachValue: rows.forEachValue.bind(rows) } : rows, ...rest),
    });
    const outcome = await importer.importFolder(actor, await writeExtractFolder(validExtract()));
    expect(outcome.ok ? [] : outcome.problems.map(formatProblem)).toEqual([expect.stringMatching(/^cases\.csv:0: -: the database refused the import: .*cases_child_id_fkey/)]);
    expect(Object.values(await domainContents(db)).every((rows) => rows.length === 0)).toBe(true);
    expect(await schemaOfImportedTables(db)).toEqual(before);
  });

  it.runIf(engineUnderTest === 'postgres')('sets nothing aside for a role that owns no table (the server’s, ADR 0042)', async () => {
    const role = `cairn_first_load_${randomBytes(4).toString('hex')}`;
    await db.exec(`create role ${role}; grant select on all tables in schema public to ${role}`);
    try {
      const putBack = await db.transaction(async (tx) => {
        await tx.exec(`set local role ${role}`);
        return extractRepository().setAsideForFirstLoad(tx, ['children', 'cases', 'placements']);
      });
      expect(putBack).toEqual([]);
    } finally {
      await db.exec(`revoke all on all tables in schema public from ${role}; drop role ${role}`);
    }
  });
});
