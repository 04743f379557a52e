import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDataDirLock, DataDirLockedError } from '../../src/db/dataDirLock.js';
import { openPglite } from '../../src/db/pgliteDatabase.js';
import { projectRoot } from '../../src/platform/projectRoot.js';
import { migratedDataFolder } from '../support/testDataFolder.js';

// Each test opens PGlite on a copy of a migrated data folder (testDataFolder.ts): seconds on a busy 2-core machine.
describe('the PGlite data folder lock', { timeout: 240_000 }, () => {
  const folders: string[] = [];
  const folder = () => {
    const dir = migratedDataFolder(mkdtempSync(join(tmpdir(), 'cairn-lock-')));
    folders.push(dir);
    return dir;
  };
  afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('refuses a second holder while a live process holds it, naming that process', async () => {
    const dir = folder();
    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(join(dir, 'cairn.lock'), String(sleeper.pid));
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`in use by another Cairn process \\(pid ${sleeper.pid}\\)`));
    } finally {
      sleeper.kill();
    }
  });

  it('takes over a lock left by a process that has died, and releases it on close', async () => {
    const dir = folder();
    const dead = spawnSync('true').pid;
    writeFileSync(join(dir, 'cairn.lock'), String(dead));
    const db = await openPglite({ dataDir: dir });
    expect(readFileSync(join(dir, 'cairn.lock'), 'utf8')).toBe(String(process.pid));
    await db.close();
    expect(existsSync(join(dir, 'cairn.lock'))).toBe(false);
  });

  it('makes a second cairn process refuse the folder with a clear message and exit status 1', async () => {
    const dir = folder();
    const db = await openPglite({ dataDir: dir });
    try {
      const second = spawnSync(process.execPath, [join(projectRoot, 'bin', 'cairn.js'), 'migrate'], {
        env: { ...process.env, CAIRN_DATA_DIR: dir, DATABASE_URL: '' },
        encoding: 'utf8',
      });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`in use by another Cairn process (pid ${process.pid})`);
    } finally {
      await db.close();
    }
  });
});
