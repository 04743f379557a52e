/**
 * @module A new PGlite data folder is loaded from the build's image of one, not made by initdb (ADR 0086): the same
 * database, in a second instead of several, at half the memory. initdb gives every folder a system identifier of its
 * own (pg_control); folders loaded from the one image share the image's, which is how these tests tell the two apart.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openPglite, pgliteImage } from '../../src/db/pgliteDatabase.js';
import { migrate } from '../../src/db/migrate.js';
import { newDataFolderImage, newDataFolderImagePath, pgliteVersion } from '../../src/db/newDataFolderImage.js';
import { describeOnPglite } from '../support/testDatabase.js';

const folders: string[] = [];
const newFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'cairn-new-folder-'));
  folders.push(folder);
  return folder;
};
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** The folder's system identifier, set by initdb. */
async function systemIdentifier(dataDir: string, options: { newFolderImage?: Blob | null } = {}): Promise<string> {
  const db = await openPglite({ dataDir, ...options });
  try {
    const [row] = await db.query<{ id: string }>('select system_identifier::text as id from pg_control_system()');
    return row!.id;
  } finally {
    await db.close();
  }
}

describeOnPglite('a new PGlite data folder', { timeout: 120_000 }, () => {
  it('has an image made by the build for the PGlite installed', () => {
    expect(newDataFolderImagePath()).toContain(`new-data-folder-${pgliteVersion()}.tar.gz`);
    expect(existsSync(newDataFolderImagePath())).toBe(true);
    expect(newDataFolderImage()?.size).toBeGreaterThan(1_000_000);
  });

  it('is loaded from that image: two new folders share its identifier, kept when each is opened again', async () => {
    const [first, second] = [newFolder(), newFolder()];
    const made = await systemIdentifier(first);
    expect(await systemIdentifier(second)).toBe(made);
    expect(await systemIdentifier(first)).toBe(made);
  });

  it('is made by initdb when asked for no image, each with an identifier of its own', async () => {
    const [first, second] = [newFolder(), newFolder()];
    expect(await systemIdentifier(first, { newFolderImage: null })).not.toBe(await systemIdentifier(second, { newFolderImage: null }));
  });

  it('takes every migration and keeps its records across openings, as one made by initdb does', async () => {
    const folder = newFolder();
    const db = await openPglite({ dataDir: folder });
    try {
      const applied = await migrate(db);
      expect(applied.length).toBeGreaterThan(40);
      await db.query(`insert into authority (authority_code, authority_name) values ('LA', 'Tinyshire')`);
    } finally {
      await db.close();
    }
    const again = await openPglite({ dataDir: folder });
    try {
      expect(await migrate(again)).toEqual([]);
      expect(await again.query('select authority_name from authority')).toEqual([{ authority_name: 'Tinyshire' }]);
    } finally {
      await again.close();
    }
  });

  it('is loaded from the image given, and never over a folder that holds a database', async () => {
    const marked = await pgliteImage((db) => db.exec('create table marker (made_by text); insert into marker values (\'the image given\'); checkpoint'));
    const folder = newFolder();
    const db = await openPglite({ dataDir: folder, newFolderImage: marked });
    await db.close();
    const reopened = await openPglite({ dataDir: folder, newFolderImage: await pgliteImage(async () => undefined) });
    try {
      expect(await reopened.query('select made_by from marker')).toEqual([{ made_by: 'the image given' }]);
    } finally {
      await reopened.close();
    }
  });
});
