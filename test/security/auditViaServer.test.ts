/**
 * @module `cairn audit verify` and `export` while Cairn runs on PGlite: the data folder is the server's, so the
 * command asks it with its handoff token (ADR 0017) and prints the same words and exit status as on its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CommandIo } from '../../src/cli/command.js';
import { projectRoot } from '../../src/platform/projectRoot.js';
import type { ExportedEvent } from '../../src/modules/audit/auditChainService.js';
import { migratedDataFolder } from '../support/testDataFolder.js';
import { describeOnPglite } from '../support/testDatabase.js';

const dataDir = migratedDataFolder(mkdtempSync(join(tmpdir(), 'cairn-audit-server-')));
const env = { CAIRN_DATA_DIR: dataDir, DATABASE_URL: '' };
const today = new Date().toISOString().slice(0, 10);
let server: ChildProcess;

async function cairn(args: string[]) {
  const chunks = { stdout: [] as string[], stderr: [] as string[] };
  const stream = (into: string[]): CommandIo['stdout'] => new Writable({ write: (chunk: Buffer, _encoding, done) => (into.push(chunk.toString()), done()) });
  const status = await main(args, { stdout: stream(chunks.stdout), stderr: stream(chunks.stderr), env });
  return { status, stdout: chunks.stdout.join(''), stderr: chunks.stderr.join('') };
}

// The command line is served only where PGlite is the engine; on PostgreSQL the command opens the database itself.
describeOnPglite('cairn audit while Cairn runs on PGlite', () => {
  beforeAll(async () => {
    server = spawn(process.execPath, [join(projectRoot, 'dist', 'src', 'main.js')], {
      env: { ...process.env, ...env, CAIRN_DEMO: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    for (let waited = 0; !output.includes('Cairn is running at'); waited += 100) {
      if (server.exitCode !== null || waited > 170_000) throw new Error(`Cairn did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 180_000);
  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('exports through the server, which audits the export as the command line', async () => {
    const file = join(dataDir, 'trail.jsonl');
    const run = await cairn(['audit', 'export', '--from', today, '--to', today, '--out', file]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/asking it\.\nWrote \d+ events? to /);
    const before = readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
    const again = await cairn(['audit', 'export', '--from', today, '--to', today]);
    const lines = again.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as ExportedEvent);
    expect(lines).toHaveLength(before + 1);
    expect(lines.at(-1)).toMatchObject({ actor: 'system:cli', action: 'audit.exported', chainPosition: before + 1, details: { events: before } });
  });

  it('verifies the chain through the server', async () => {
    const run = await cairn(['audit', 'verify']);
    expect(run).toMatchObject({ status: 0, stdout: expect.stringMatching(/^chain intact: \d+ events\n$/) });
    expect(run.stderr).toContain('asking it.');
  });
});
