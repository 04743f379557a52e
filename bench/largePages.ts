/**
 * @module Pages on a large authority (issue 15 item 4: "the dashboards' first request under 2 s on the large extract"):
 * the large extract (bench/largeExtract.ts) imported into a fresh database, Cairn started on it without the demo, a
 * service manager added with `cairn users add` and signed in, then the dashboards and the data quality page asked for
 * once (worked out) and again (kept while unchanged, ADR 0055) — on each engine.
 */
import { execSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/platform/projectRoot.js';
import { writeLargeExtract, type LargeExtractSummary } from './largeExtract.js';
import { freshDatabase, importOnce, type Engine } from './scale.js';
import { startServer } from './support/server.js';
import { signInOverHttp } from './support/httpSession.js';
import { timed } from './pages.js';
import { median } from './support/median.js';

export interface LargePage {
  path: string;
  status: number;
  firstMs: number;
  /** The same page asked again, one after another. */
  againMs: number[];
  /** Asked once more after someone else has signed in (a write to `users`, which none of these pages reads; ADR 0076). */
  afterSignInMs?: number;
}

export interface LargePagesEngine {
  engine: Engine;
  importSeconds: number;
  loadAverage: number;
  pages: LargePage[];
  /** The server's peak resident memory after the pages (Linux VmHWM), in MB. */
  serverPeakMb: number | null;
}

export interface LargePagesResult {
  recorded: string;
  commit: string;
  machine: string;
  extract: LargeExtractSummary;
  engines: LargePagesEngine[];
}

const pagesAsked = ['/dashboards', '/dashboards?firstYear=2021&lastYear=2021', '/data-quality'];
const password = 'large-authority-bench-2026';

/** A process's peak resident memory in MB, where /proc says it. */
function peakMemoryMb(pid: number | undefined): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

async function benchEngine(engine: Engine, folder: string, work: string, serverUrl: string, log: (line: string) => void): Promise<LargePagesEngine> {
  const database = await freshDatabase(engine, work, serverUrl);
  try {
    log(`${engine}: importing the large extract…`);
    const imported = importOnce(folder, database.env);
    const added = spawnSync(process.execPath, [join(projectRoot, 'bin', 'cairn.js'), 'users', 'add', '--username', 'bench.manager', '--name', 'Bench Manager', '--role', 'service_manager', '--password-stdin'],
      { env: { ...process.env, ...database.env }, input: `${password}\n`, encoding: 'utf8' });
    if (added.status !== 0) throw new Error(`cairn users add failed:\n${added.stderr}`);
    log(`${engine}: starting Cairn on it…`);
    const env = Object.fromEntries(Object.entries(database.env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    const server = await startServer(env, 600_000);
    try {
      const cookie = await signInOverHttp(server.url, 'bench.manager', password);
      const loadAverage = loadavg()[0]!;
      const pages: LargePage[] = [];
      for (const path of pagesAsked) {
        const first = await timed(`${server.url}${path}`, cookie);
        const againMs: number[] = [];
        for (let i = 0; i < 5; i++) againMs.push((await timed(`${server.url}${path}`, cookie)).ms);
        pages.push({ path, status: first.status, firstMs: first.ms, againMs });
        log(`${engine}: ${path} first ${Math.round(first.ms)} ms (${first.status}), again median ${median(againMs).toFixed(1)} ms`);
      }
      await signInOverHttp(server.url, 'bench.manager', password);
      for (const page of pages) {
        page.afterSignInMs = (await timed(`${server.url}${page.path}`, cookie)).ms;
        log(`${engine}: ${page.path} after another sign-in ${Math.round(page.afterSignInMs)} ms`);
      }
      return { engine, importSeconds: imported.seconds, loadAverage, pages, serverPeakMb: peakMemoryMb(server.process.pid) };
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

/** @example const result = await benchLargePages({ children: 150_000, engines: ['postgres', 'pglite'] }, console.error) */
export async function benchLargePages(options: { children: number; engines: Engine[] }, log: (line: string) => void, serverUrl = process.env.DATABASE_URL || 'postgres://root@127.0.0.1:5432/test'): Promise<LargePagesResult> {
  const work = mkdtempSync(join(tmpdir(), 'cairn-bench-large-pages-'));
  const commit = execSync('git rev-parse --short HEAD', { cwd: projectRoot, encoding: 'utf8' }).trim();
  try {
    const folder = join(work, 'extract');
    log(`large pages: writing a ${options.children.toLocaleString('en-GB')}-child extract…`);
    const extract = await writeLargeExtract(folder, { children: options.children });
    const engines: LargePagesEngine[] = [];
    for (const engine of options.engines) engines.push(await benchEngine(engine, folder, work, serverUrl, log));
    return {
      recorded: new Date().toISOString().slice(0, 10),
      commit,
      machine: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      extract,
      engines,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The results as bench/results/large-pages.md. */
export function largePagesMarkdown(result: LargePagesResult): string {
  const lines = [
    '# Pages on a large authority',
    '',
    `Recorded ${result.recorded} by \`node dist/bench/run.js large-pages\` on ${result.machine}, commit ${result.commit}; the extract: ${result.extract.children.toLocaleString('en-GB')} children, ${result.extract.rows.toLocaleString('en-GB')} rows.`,
    '',
    'Target (issue 15 item 4): the dashboards\' first (uncached) request under 2 s on the large extract. Each page is asked for once',
    'just after Cairn starts on the imported extract (worked out), then five times more (kept while the records are unchanged, ADR 0055),',
    'then once more after a second sign-in, which writes `users`: a table none of these pages reads (ADR 0076).',
    '',
    '| engine | page | status | first request (ms) | again, median of 5 (ms) | after another sign-in (ms) | load average |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const engine of result.engines) {
    for (const page of engine.pages) {
      const afterSignIn = page.afterSignInMs === undefined ? '—' : page.afterSignInMs.toFixed(1);
      lines.push(`| ${engine.engine} | \`${page.path}\` | ${page.status} | ${Math.round(page.firstMs).toLocaleString('en-GB')} | ${median(page.againMs).toFixed(1)} | ${afterSignIn} | ${engine.loadAverage.toFixed(2)} |`);
    }
  }
  lines.push('', 'The server\'s peak resident memory after these pages: ' + result.engines.map((engine) => `${engine.engine} ${engine.serverPeakMb ?? '?'} MB`).join(', ') + '.');
  lines.push('');
  return lines.join('\n');
}
