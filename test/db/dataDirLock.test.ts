import { afterEach, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { acquireDataDirLock, DataDirLockedError, refuseIfHeld } from '../../src/db/dataDirLock.js';
import { openPglite } from '../../src/db/pgliteDatabase.js';
import { projectRoot } from '../../src/platform/projectRoot.js';
import { migratedDataFolder } from '../support/testDataFolder.js';
import { describeOnPglite } from '../support/testDatabase.js';

// Each test opens PGlite on a copy of a migrated data folder (testDataFolder.ts): seconds on a busy 2-core machine.
describeOnPglite('the PGlite data folder lock', { timeout: 240_000 }, () => {
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

  it('is looked at without taking it: refused while a live process holds it, untouched either way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-lock-'));
    folders.push(dir);
    const lockFile = join(dir, 'cairn.lock');
    expect(() => refuseIfHeld(dir)).not.toThrow(); // no lock file
    expect(existsSync(lockFile)).toBe(false);
    for (const holder of [spawnSync('true').pid, process.pid]) {
      // a process that has died, and this one: neither keeps this process out
      writeFileSync(lockFile, String(holder));
      expect(() => refuseIfHeld(dir)).not.toThrow();
      expect(readFileSync(lockFile, 'utf8')).toBe(String(holder));
    }
    writeFileSync(lockFile, String(process.ppid));
    expect(() => refuseIfHeld(dir)).toThrow(new RegExp(`in use by another Cairn process \\(pid ${process.ppid}\\)`));
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.ppid));
  });

  it('keeps a command from loading PGlite when the folder is held (it then asks the running server)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-lock-'));
    folders.push(dir);
    writeFileSync(join(dir, 'cairn.lock'), String(process.pid));
    const dist = (...path: string[]) => pathToFileURL(join(projectRoot, 'dist', 'src', 'db', ...path)).href;
    // A child process that notes every module it resolves (a loader hook), then opens the held folder as a command does.
    const hook = `let port; export function initialize(data) { port = data.port; }
      export async function resolve(specifier, context, next) { const found = await next(specifier, context); port.postMessage(found.url); return found; }`;
    const script = (work: string) => `
      import { register } from 'node:module';
      import { MessageChannel } from 'node:worker_threads';
      const { port1, port2 } = new MessageChannel();
      const resolved = [];
      port1.on('message', (url) => resolved.push(url));
      register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}), { data: { port: port2 }, transferList: [port2] });
      let outcome = 'opened';
      try { ${work} } catch (error) { outcome = error.name; }
      // A last module, to know every earlier one's message has arrived.
      await import('data:text/javascript,export default 1');
      while (!resolved.some((url) => url.startsWith('data:text/javascript,export'))) await new Promise((done) => setTimeout(done, 5));
      port1.close();
      console.log(JSON.stringify({ outcome, pglite: resolved.some((url) => url.includes('@electric-sql/pglite')) }));`;
    const runChild = (work: string) => {
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script(work)], { encoding: 'utf8' });
      expect(child.status, child.stderr).toBe(0);
      return JSON.parse(child.stdout) as { outcome: string; pglite: boolean };
    };
    const opening = `const { openDatabase } = await import(${JSON.stringify(dist('openDatabase.js'))}); await openDatabase({ dataDir: ${JSON.stringify(dir)} }, { shortLived: true, quickStart: true });`;
    expect(runChild(opening)).toEqual({ outcome: 'DataDirLockedError', pglite: false });
    // The hook does see PGlite when it is loaded.
    expect(runChild(`await import(${JSON.stringify(dist('pgliteDatabase.js'))});`)).toEqual({ outcome: 'opened', pglite: true });
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
