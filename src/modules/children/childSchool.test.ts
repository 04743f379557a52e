/** @module A child's school is Cairn's own (migration 0008): the extract has no school, and importing again never wipes one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest, type TestDatabase } from '../../../test/support/testDatabase.js';
import { aUser } from '../../../test/support/factories.js';
import { testConfig } from '../../../test/support/testConfig.js';
import { removeExtractFolders, validExtract, writeExtractFolder } from '../../../test/extract/support/extractFolder.js';
import { buildServices, type Services } from '../../composition.js';

const actor = { kind: 'system', name: 'test' } as const;

describe(`a school recorded in Cairn survives the importer (${engineUnderTest})`, () => {
  let database: TestDatabase;
  let services: Services;

  beforeAll(async () => {
    database = await createTestDatabase();
    services = buildServices(testConfig(), database.db);
  });
  afterAll(async () => {
    await database.drop();
    await removeExtractFolders();
  });

  async function importExtract(files: Record<string, string>): Promise<void> {
    const outcome = await services.extractImport.importFolder(actor, await writeExtractFolder(files));
    expect(outcome.ok).toBe(true);
  }

  it('keeps the school when the same child is imported again with changed details', async () => {
    await importExtract(validExtract());
    const manager = await aUser(database.db, 'service_manager');
    const change = { forename: 'Ailsa', surname: 'Boyd', dateOfBirth: '2012-03-04', sex: 'F' as const, school: 'Whinfield Primary', schoolCluster: 'North', locality: null };
    expect(await services.children.changeDetails(manager, 'A', change, 1)).toEqual({ outcome: 'changed' });
    const changed = validExtract();
    changed['children.csv'] = changed['children.csv']!.replace('A,F1,Ailsa,Boyd,2012-03-04,F,N,North', 'A,F1,Ailsa,Boyd-Kerr,2012-03-04,F,N,South');
    await importExtract(changed);
    expect(await database.db.query(`select surname, school_cluster, school from children where child_id = 'A'`)).toEqual([
      { surname: 'Boyd-Kerr', school_cluster: 'South', school: 'Whinfield Primary' },
    ]);
    const view = await services.children.view(manager, 'A');
    expect(view.outcome === 'shown' && view.summary.child.school).toBe('Whinfield Primary');
  });
});
