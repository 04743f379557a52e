/**
 * How a command that exits opens PGlite (ADR 0082): every one with the smaller shared buffers, and every one but an
 * import with PGlite's WebAssembly compiled by V8's baseline compiler alone — `cairn users`, `cairn backup`, `cairn
 * audit` and the returns' build as well as the commands that read (ADR 0061, 0068). Seen as an administrator runs them:
 * the shared buffers the opened database reports, and, in a process of its own, how that process compiled PGlite.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withDatabase, commandOpening } from '../../src/cli/openServices.js';
import { projectRoot } from '../../src/platform/projectRoot.js';
import { migratedDataFolder } from '../support/testDataFolder.js';
import { describeOnPglite } from '../support/testDatabase.js';

let folder: string;
let dataDir: string;
const env = () => ({ CAIRN_DATA_DIR: dataDir, DATABASE_URL: '', CAIRN_DEMO: 'false', LOG_LEVEL: 'silent' });
const tiny = new URL('../../../shared/spec/examples/tiny', import.meta.url).pathname;

/**
 * Run `cairn <args>` through the command line's own entry, in a Node process of its own, and report its exit status
 * and how that process compiled PGlite's WebAssembly once the command was done.
 */
function commandInItsOwnProcess(args: string[]): { status: number; compiler: string; stderr: string } {
  const dist = (path: string) => JSON.stringify(pathToFileURL(join(projectRoot, 'dist', 'src', path)).href);
  const script = `const { main } = await import(${dist('cli/main.js')});
    const { pgliteCompiler } = await import(${dist('db/pgliteDatabase.js')});
    const { Writable } = await import('node:stream');
    const quiet = new Writable({ write(_chunk, _encoding, done) { done(); } });
    const status = await main(${JSON.stringify(args)}, { stdout: quiet, stderr: process.stderr, env: process.env });
    process.stdout.write(JSON.stringify({ status, compiler: pgliteCompiler() ?? 'not opened' }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, ...env() }, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the command's process failed: ${child.stderr}`);
  return { ...(JSON.parse(child.stdout) as { status: number; compiler: string }), stderr: child.stderr };
}

describeOnPglite('how a command that exits opens PGlite', { timeout: 120_000 }, () => {
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'cairn-opening-'));
    dataDir = migratedDataFolder(join(folder, 'data'));
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('asks for the smaller shared buffers whatever the command does, and the quick compile unless it imports', () => {
    expect(commandOpening({})).toEqual({ shortLived: true, quickStart: true });
    expect(commandOpening({ reads: true })).toEqual({ shortLived: true, quickStart: true });
    expect(commandOpening({ imports: true })).toEqual({ shortLived: true, quickStart: false });
  });

  it('gives a command that writes, as one that reads, a database started with 16 MB of shared buffers', async () => {
    const shown = async (use: { reads?: boolean; imports?: boolean }) =>
      withDatabase(env(), async (db) => (await db.query<{ shared_buffers: string }>('show shared_buffers'))[0]?.shared_buffers, use);
    expect(await shown({})).toBe('16MB');
    expect(await shown({ reads: true })).toBe('16MB');
    expect(await shown({ imports: true })).toBe('16MB');
  });

  it('compiles PGlite with the baseline compiler alone for cairn users and cairn backup, and optimising for an import', () => {
    const users = commandInItsOwnProcess(['users', 'add', '--username', 'quinn.ure', '--name', 'Quinn Ure', '--role', 'analyst']);
    expect(users).toMatchObject({ status: 0, compiler: 'baseline' });
    expect(commandInItsOwnProcess(['users', 'list'])).toMatchObject({ status: 0, compiler: 'baseline' });
    expect(commandInItsOwnProcess(['backup', '--out', join(folder, 'backup.tar.gz')])).toMatchObject({ status: 0, compiler: 'baseline' });
    const imported = commandInItsOwnProcess(['import', tiny]);
    expect(imported.stderr).toBe('');
    expect(imported).toMatchObject({ status: 0, compiler: 'tiered' });
  });
});
