/**
 * @module `cairn stats`, `report` and `import` while Cairn runs on PGlite: the second process is refused the data
 * folder, so each command asks the running server, which answers only its own token, from this machine (ADR 0017).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CommandIo } from '../../src/cli/command.js';
import { openPglite } from '../../src/db/pgliteDatabase.js';
import { projectRoot } from '../../src/platform/projectRoot.js';
import type { StatsResult } from '../../src/modules/reporting/statsTypes.js';
import { readCliHandoff } from '../../src/platform/http/commandLineHandoff.js';
import { rowSet } from '../reporting/support/rowSets.js';
import { migratedDataFolder } from '../support/testDataFolder.js';
import { describeOnPglite } from '../support/testDatabase.js';

const tiny = new URL('../../../shared/spec/examples/tiny', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(new URL('../../../shared/spec/examples/tiny.expected.json', import.meta.url), 'utf8')) as StatsResult;
const dataDir = migratedDataFolder(mkdtempSync(join(tmpdir(), 'cairn-cli-server-')));
const env = { CAIRN_DATA_DIR: dataDir, DATABASE_URL: '' };
let server: ChildProcess;

async function cairn(args: string[], environment: NodeJS.ProcessEnv = env) {
  const chunks = { stdout: [] as string[], stderr: [] as string[] };
  const stream = (into: string[]): CommandIo['stdout'] => new Writable({ write: (chunk: Buffer, _encoding, done) => (into.push(chunk.toString()), done()) });
  const status = await main(args, { stdout: stream(chunks.stdout), stderr: stream(chunks.stderr), env: environment });
  return { status, stdout: chunks.stdout.join(''), stderr: chunks.stderr.join('') };
}

// The command line is served only where PGlite is the engine; the PostgreSQL run has nothing to test here.
describeOnPglite('the command line while Cairn runs on PGlite', () => {
  beforeAll(async () => {
    server = spawn(process.execPath, [join(projectRoot, 'dist', 'src', 'main.js')], {
      env: { ...process.env, ...env, CAIRN_DEMO: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    for (let waited = 0; !output.includes('Cairn is running at'); waited += 100) {
      if (server.exitCode !== null || waited > 110_000) throw new Error(`Cairn did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 120_000);
  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves its address and token for the command line, readable by its owner only', () => {
    const handoff = readCliHandoff(dataDir);
    expect(handoff?.pid).toBe(server.pid);
    expect(handoff?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(statSync(join(dataDir, 'cairn.cli.json')).mode & 0o777).toBe(0o600);
  });

  it('imports through the server, with the summary the command prints itself', async () => {
    const run = await cairn(['import', tiny]);
    expect(run.stderr).toContain(`Cairn is running on this data folder (pid ${server.pid}): asking it.`);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Imported .*tiny: 26 rows in \d+\.\d s/);
    expect(run.stdout).toMatch(/^ {2}children\.csv +4 +0 +0$/m);
    const again = await cairn(['import', tiny]);
    expect(again.stdout).toMatch(/^ {2}children\.csv +0 +0 +4$/m);
  }, 120_000);

  it('checks the returns through the server: every issue, and exit 1 while an error rule fails', async () => {
    const run = await cairn(['returns', 'check', '--year', '2020-21', '--json']);
    expect(run.stderr).toContain(`Cairn is running on this data folder (pid ${server.pid}): asking it.`);
    const result = JSON.parse(run.stdout) as { pack: string; findings: { code: string; kind: string }[] };
    expect(result.pack).toBe('2020-21');
    expect(run.status).toBe(result.findings.some((finding) => finding.kind === 'error') ? 1 : 0);
    const wrong = await cairn(['returns', 'check', '--year', '2020-22']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('2020-22 is not a collection year such as 2021-22');
  }, 120_000);

  it('prints the same statistics the worked example expects, and refuses bad options as a usage error', async () => {
    const run = await cairn(['stats', '--json', '--years', '2020-2021', '--from', '2021-04-01', '--to', '2021-07-31']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as StatsResult;
    expect(result.authority).toBe('Tinyshire');
    expect(rowSet(result.rows)).toEqual(rowSet(expected.rows));
    const reversed = await cairn(['stats', '--json', '--baseline', '1800']);
    expect(reversed.status).toBe(2);
  }, 120_000);

  it('writes the board report the server builds', async () => {
    const out = join(dataDir, 'board.html');
    const run = await cairn(['report', 'board', '--format', 'html', '--out', out, '--years', '2020-2021']);
    expect(run.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Tinyshire');
  }, 120_000);

  it('asks the server for a board paper edition, and says plainly when there is none', async () => {
    const run = await cairn(['report', 'board', '--edition', 'draft', '--format', 'pdf', '--out', join(dataDir, 'paper.pdf')]);
    expect(run.stderr).toContain('asking it');
    expect(run.stderr).toContain('There is no draft edition of the board paper');
    expect(run.status).toBe(2);
    expect(existsSync(join(dataDir, 'paper.pdf'))).toBe(false);
  }, 120_000);

  it('answers only its own token', async () => {
    const { url, token } = readCliHandoff(dataDir)!;
    const ask = (authorization?: string) =>
      fetch(`${url}/cli/stats`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: '{}' });
    expect((await ask()).status).toBe(401);
    expect((await ask(`Bearer ${token.slice(0, -1)}x`)).status).toBe(401);
    expect((await ask(token)).status).toBe(401);
    expect((await ask(`Bearer ${token}`)).status).toBe(200);
  }, 60_000);

  it('backs up through the server while it runs, into a file that restores into a new data folder', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'cairn-cli-backup-'));
    try {
      const file = join(elsewhere, 'cairn.backup');
      const run = await cairn(['backup', '--out', file]);
      expect(run.stderr).toContain(`Cairn is running on this data folder (pid ${server.pid}): asking it.`);
      expect(run.status).toBe(0);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const restoredDir = join(elsewhere, 'data');
      const restored = await cairn(['restore', file], { CAIRN_DATA_DIR: restoredDir, DATABASE_URL: '' });
      expect(restored.stderr).toBe('');
      expect(restored.status).toBe(0);
      const db = await openPglite({ dataDir: restoredDir });
      try {
        expect(await db.query(`select child_id from children order by child_id`)).toHaveLength(4);
      } finally {
        await db.close();
      }
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 120_000);

  it('takes the handoff back when it stops, and the import and export were audited as the command line', async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    expect(existsSync(join(dataDir, 'cairn.cli.json'))).toBe(false);
    const db = await openPglite({ dataDir });
    try {
      const events = await db.query<{ actor: string; action: string }>(`select actor, action from audit_events where action in ('import.completed', 'export.completed') order by event_id`);
      expect(events).toEqual([
        { actor: 'system:cli', action: 'import.completed' },
        { actor: 'system:cli', action: 'import.completed' },
        { actor: 'system:cli', action: 'export.completed' },
        { actor: 'system:cli', action: 'export.completed' }, // the backup
      ]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
