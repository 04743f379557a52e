/**
 * @module Issue 15's benchmarks on a large authority's extract (bench/largeExtract.ts; 150,000 children by default):
 * the import's rate and peak memory, and `cairn stats` as a whole process for all years, single years, a two-year
 * range and a window — on PostgreSQL and PGlite — side by side with the DuckDB peer (bench/duckdbPeer.ts)
 * computing the census indicators from the same CSV files. Runs alternate (cairn, DuckDB, cairn, DuckDB, …) and
 * each ratio is taken pair by pair, so a machine whose speed drifts (it is shared) skews both sides alike.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../src/platform/projectRoot.js';
import { generateDemoExtract } from '../src/modules/demo/generateDemoExtract.js';
import { writeLargeExtract, type LargeExtractSummary } from './largeExtract.js';
import { newPostgresDatabase } from './foundation.js';
import { startServer } from './support/server.js';

export type Engine = 'pglite' | 'postgres';

export interface TimedCase {
  name: string;
  args: string[];
  /** Whole-process wall times, in milliseconds. */
  runs: number[];
  medianMs: number;
  rows: number;
}

export interface EngineScale {
  engine: Engine;
  /**
   * The import, run `runs` times, each into a fresh database: the median run's rows a second and seconds, the
   * median peak memory, and every run's rate and peak (one import's time varies by a fifth or more on a shared machine).
   */
  import: { rows: number; seconds: number; rowsPerSecond: number; peakMemoryMb: number; loadAverage: number; runs: { rowsPerSecond: number; peakMemoryMb: number }[] };
  /**
   * The whole `cairn import` command, run `runs` times, each into a new database not yet migrated: the import, then the returns check
   * over every record and the figures worked out and kept (ADR 0062) — what an analyst's process holds, at its peak.
   */
  importCommand: { seconds: number; peakMemoryMb: number; loadAverage: number; runs: { seconds: number; peakMemoryMb: number }[] };
  stats: TimedCase[];
  /**
   * `cairn stats` for all years against the DuckDB peer, run alternately: `cairnFirstMs` works every figure out (no
   * result kept: the first run after an import or any change), `cairnMs` is the same command run again, given the
   * figures kept in the database while the records are unchanged (ADR 0061); `cairnAfterSignInMs` once more after a
   * sign-in has written `users`, which no figure reads (ADR 0076).
   */
  peer: {
    cairnFirstMs: number[]; cairnMs: number[]; cairnAfterSignInMs?: number[]; duckdbMs: number[];
    firstRatios: number[]; medianFirstRatio: number; ratios: number[]; medianRatio: number; loadAverage: number;
  };
  /**
   * PGlite only: `cairn stats` for all years while Cairn runs on the data folder, so the command asks the server (ADR
   * 0017, 0077). Each round the server starts with nothing kept and is asked for one year first (a server that has
   * been serving: its code compiled, the tables read); `workedOutMs` is then all years worked out by the server,
   * `keptMs` the same asked again; DuckDB runs in the same round.
   */
  throughServer?: { workedOutMs: number[]; keptMs: number[]; duckdbMs: number[]; workedOutRatio: number; keptRatio: number; loadAverage: number };
  /** Census rows where cairn and DuckDB disagree (0: they agree on every figure). */
  disagreements: number;
}

export interface ScaleResult {
  recorded: string;
  commit: string;
  machine: string;
  extract: LargeExtractSummary;
  /** Processor time to generate the demo authority (npm start's first load), median of 3; was a functional test's bound of 3 s. */
  demoGeneratorCpuMs: number;
  engines: EngineScale[];
  million?: { children: number; rows: number; importSeconds: number; rowsPerSecond: number; peakMemoryMb: number; statsAllYearsMs: number; statsOneYearMs: number; loadAverage: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const cairn = join(projectRoot, 'bin', 'cairn.js');

function run(command: string, args: string[], env: NodeJS.ProcessEnv): { ms: number; stdout: string; stderr: string } {
  const started = performance.now();
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return { ms, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A fresh database for `engine`, as the environment `cairn` reads: migrated, or with `{ migrated: false }` new and
 * empty (a PGlite data folder not made yet, a PostgreSQL database with no table), as a new authority's first command
 * finds it.
 */
export async function freshDatabase(engine: Engine, work: string, serverUrl: string, options: { migrated: boolean } = { migrated: true }): Promise<{ env: NodeJS.ProcessEnv; drop(): Promise<void> }> {
  const settings = { CAIRN_DEMO: 'false', LOG_LEVEL: 'silent' };
  if (engine === 'pglite') {
    const dataDir = mkdtempSync(join(work, 'pglite-'));
    const env = { ...settings, DATABASE_URL: '', CAIRN_DATA_DIR: dataDir };
    if (options.migrated) run(process.execPath, [cairn, 'migrate'], env);
    return { env, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const database = await newPostgresDatabase(serverUrl);
  const env = { ...settings, DATABASE_URL: database.url };
  if (options.migrated) run(process.execPath, [cairn, 'migrate'], env);
  return { env, drop: database.drop };
}

/**
 * Run one statement on the database of `env`, in a process of its own like the commands it comes between (PGlite is
 * opened and closed again; opened in this process, each opening would leave its exit handlers behind).
 */
function runStatement(env: NodeJS.ProcessEnv, sql: string): void {
  const opener = pathToFileURL(join(projectRoot, 'dist', 'src', 'db', 'openDatabase.js')).href;
  const script = `const { openDatabase } = await import(${JSON.stringify(opener)});
    const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.CAIRN_DATA_DIR ?? '' });
    try { await db.query(${JSON.stringify(sql)}); } finally { await db.close(); }`;
  run(process.execPath, ['--input-type=module', '-e', script], env);
}

/** Forget the results `cairn stats` keeps in the database (ADR 0061), so that the next run works every figure out. */
const forgetKeptResults = (env: NodeJS.ProcessEnv) => runStatement(env, 'delete from kept_results');

/** What a sign-in writes (an account's last sign-in time): a change to the database that no figure reads (ADR 0076). */
const signIn = (env: NodeJS.ProcessEnv) => runStatement(env, `insert into users (username, display_name, role) values ('bench.analyst', 'Bench Analyst', 'analyst')
  on conflict (username) do update set last_signed_in_at = now()`);

export function importOnce(folder: string, env: NodeJS.ProcessEnv) {
  const { stdout } = run(process.execPath, [join(projectRoot, 'dist', 'bench', 'importProcess.js'), folder], env);
  const result = JSON.parse(stdout) as { rows: number; milliseconds: number; peakMemoryMb: number };
  return { rows: result.rows, seconds: result.milliseconds / 1000, rowsPerSecond: Math.round(result.rows / (result.milliseconds / 1000)), peakMemoryMb: result.peakMemoryMb };
}

/** The whole `cairn import` command into the database of `env` (bench/commandProcess.ts): its seconds and peak memory. */
function importCommandOnce(folder: string, env: NodeJS.ProcessEnv): { seconds: number; peakMemoryMb: number } {
  const { stderr } = run(process.execPath, [join(projectRoot, 'dist', 'bench', 'commandProcess.js'), 'import', folder], env);
  const measured = JSON.parse(stderr.trim().split('\n').pop() ?? '{}') as { milliseconds: number; peakMemoryMb: number };
  return { seconds: measured.milliseconds / 1000, peakMemoryMb: measured.peakMemoryMb };
}

type Row = { indicator: string; period: string; value: number; placement_type?: string };
const key = (row: Row) => `${row.indicator}|${row.period}|${row.placement_type ?? ''}`;

/** The stats cases: every period shape the issue asks to be as fast as all years. */
function statsCases(years: { first: number; last: number }): { name: string; args: string[] }[] {
  return [
    { name: `all years (${years.first}–${years.last})`, args: [] },
    { name: `one year (${years.last - 1})`, args: ['--years', `${years.last - 1}-${years.last - 1}`] },
    { name: `one year (${years.first})`, args: ['--years', `${years.first}-${years.first}`] },
    { name: `two years (${years.last - 2}–${years.last - 1})`, args: ['--years', `${years.last - 2}-${years.last - 1}`] },
    { name: 'one year and a window (2021-07-01 to 2022-04-30)', args: ['--years', `${years.last - 1}-${years.last - 1}`, '--from', '2021-07-01', '--to', '2022-04-30'] },
    { name: 'all years and a window', args: ['--from', '2021-07-01', '--to', '2022-04-30'] },
  ];
}

async function benchEngine(engine: Engine, folder: string, work: string, serverUrl: string, runs: number, log: (line: string) => void): Promise<EngineScale> {
  log(`${engine}: importing the large extract ${runs} times…`);
  const loadAverage = loadavg()[0]!;
  const imports: ReturnType<typeof importOnce>[] = [];
  let database = await freshDatabase(engine, work, serverUrl);
  for (let i = 0; i < runs; i++) {
    if (i > 0) {
      await database.drop();
      database = await freshDatabase(engine, work, serverUrl);
    }
    imports.push(importOnce(folder, database.env));
  }
  try {
    const byRate = [...imports].sort((a, b) => a.rowsPerSecond - b.rowsPerSecond);
    const middle = byRate[Math.floor((byRate.length - 1) / 2)]!;
    const imported = {
      ...middle,
      peakMemoryMb: median(imports.map((run) => run.peakMemoryMb)),
      runs: imports.map((run) => ({ rowsPerSecond: run.rowsPerSecond, peakMemoryMb: run.peakMemoryMb })),
    };
    log(`${engine}: ${imports.map((run) => `${run.rowsPerSecond} rows/s at ${run.peakMemoryMb} MB`).join(', ')}; the whole cairn import command…`);
    const commandLoad = loadavg()[0]!;
    const commands: { seconds: number; peakMemoryMb: number }[] = [];
    for (let i = 0; i < runs; i++) {
      // A new database, not migrated: a new authority's first import makes and migrates it in the same process.
      const fresh = await freshDatabase(engine, work, serverUrl, { migrated: false });
      try {
        commands.push(importCommandOnce(folder, fresh.env));
      } finally {
        await fresh.drop();
      }
    }
    const importCommand = { seconds: median(commands.map((c) => c.seconds)), peakMemoryMb: median(commands.map((c) => c.peakMemoryMb)), loadAverage: commandLoad, runs: commands };
    log(`${engine}: cairn import, whole command: ${commands.map((c) => `${c.seconds.toFixed(1)} s at ${c.peakMemoryMb} MB`).join(', ')}; cairn stats…`);
    const years = { first: 2015, last: 2022 };
    const stats: TimedCase[] = [];
    for (const { name, args } of statsCases(years)) {
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < runs; i++) {
        // Each period's figures worked out, not given again: this compares the work of one period with all years'.
        forgetKeptResults(database.env);
        const result = run(process.execPath, [cairn, 'stats', '--json', ...args], database.env);
        times.push(result.ms);
        rows = (JSON.parse(result.stdout) as { rows: unknown[] }).rows.length;
      }
      stats.push({ name, args, runs: times, medianMs: median(times), rows });
      log(`${engine}: stats ${name}: median ${Math.round(median(times))} ms`);
    }

    log(`${engine}: cairn stats against DuckDB, alternately…`);
    const peerLoad = loadavg()[0]!;
    const cairnFirstMs: number[] = [];
    const cairnMs: number[] = [];
    const cairnAfterSignInMs: number[] = [];
    const duckdbMs: number[] = [];
    let cairnRows: Row[] = [];
    let duckRows: Row[] = [];
    for (let i = 0; i < runs; i++) {
      forgetKeptResults(database.env);
      const first = run(process.execPath, [cairn, 'stats', '--json'], database.env);
      const ours = run(process.execPath, [cairn, 'stats', '--json'], database.env);
      if (ours.stdout !== first.stdout) throw new Error('cairn stats gave different figures worked out and kept');
      signIn(database.env);
      const afterSignIn = run(process.execPath, [cairn, 'stats', '--json'], database.env);
      if (afterSignIn.stdout !== first.stdout) throw new Error('cairn stats gave different figures after a sign-in');
      cairnAfterSignInMs.push(afterSignIn.ms);
      const peer = run(process.execPath, [join(projectRoot, 'dist', 'bench', 'duckdbPeer.js'), folder, `${years.first}-${years.last}`], {});
      cairnFirstMs.push(first.ms);
      cairnMs.push(ours.ms);
      duckdbMs.push(peer.ms);
      cairnRows = (JSON.parse(ours.stdout) as { rows: Row[] }).rows;
      duckRows = (JSON.parse(peer.stdout) as { rows: Row[] }).rows;
    }
    const throughServer = engine === 'pglite' ? await throughRunningServer(database.env, folder, years, runs, cairnRows, log) : undefined;
    const ours = new Map(cairnRows.map((row) => [key(row), row.value]));
    const disagreements = duckRows.filter((row) => ours.get(key(row)) !== row.value).length;
    const ratios = cairnMs.map((ms, i) => ms / duckdbMs[i]!);
    const firstRatios = cairnFirstMs.map((ms, i) => ms / duckdbMs[i]!);
    return {
      engine,
      import: { ...imported, loadAverage },
      importCommand,
      stats,
      peer: { cairnFirstMs, cairnMs, cairnAfterSignInMs, duckdbMs, firstRatios, medianFirstRatio: median(firstRatios), ratios, medianRatio: median(ratios), loadAverage: peerLoad },
      throughServer,
      disagreements,
    };
  } finally {
    await database.drop();
  }
}

/**
 * `cairn stats` for all years while Cairn runs on the PGlite data folder of `env` (see `EngineScale.throughServer`),
 * alternating with DuckDB; every answer must be the figures of `expected`.
 */
async function throughRunningServer(env: NodeJS.ProcessEnv, folder: string, years: { first: number; last: number }, runs: number, expected: Row[], log: (line: string) => void): Promise<NonNullable<EngineScale['throughServer']>> {
  log('pglite: cairn stats while Cairn runs, against DuckDB…');
  const loadAverage = loadavg()[0]!;
  const serverEnv = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const wanted = JSON.stringify(expected);
  const workedOutMs: number[] = [];
  const keptMs: number[] = [];
  const duckdbMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    forgetKeptResults(env);
    const server = await startServer(serverEnv);
    try {
      run(process.execPath, [cairn, 'stats', '--json', '--years', `${years.last - 1}-${years.last - 1}`], env);
      const workedOut = run(process.execPath, [cairn, 'stats', '--json'], env);
      const kept = run(process.execPath, [cairn, 'stats', '--json'], env);
      for (const answer of [workedOut, kept]) {
        if (!answer.stderr.includes('asking it')) throw new Error(`cairn stats did not ask the running server:\n${answer.stderr}`);
        if (JSON.stringify((JSON.parse(answer.stdout) as { rows: Row[] }).rows) !== wanted) throw new Error('cairn stats gave other figures through the running server');
      }
      workedOutMs.push(workedOut.ms);
      keptMs.push(kept.ms);
    } finally {
      await server.stop();
    }
    duckdbMs.push(run(process.execPath, [join(projectRoot, 'dist', 'bench', 'duckdbPeer.js'), folder, `${years.first}-${years.last}`], {}).ms);
  }
  const ratioOf = (times: number[]) => median(times.map((ms, i) => ms / duckdbMs[i]!));
  log(`pglite: while Cairn runs: worked out ${workedOutMs.map(Math.round).join(', ')} ms, kept ${keptMs.map(Math.round).join(', ')} ms; DuckDB ${duckdbMs.map(Math.round).join(', ')} ms`);
  return { workedOutMs, keptMs, duckdbMs, workedOutRatio: ratioOf(workedOutMs), keptRatio: ratioOf(keptMs), loadAverage };
}

function commitOf(): string {
  const result = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'unknown';
}

/** @example const result = await benchScale({ children: 150_000, engines: ['postgres', 'pglite'], runs: 3, million: false }, console.error) */
export async function benchScale(
  options: { children: number; engines: Engine[]; runs: number; million: boolean },
  log: (line: string) => void,
  serverUrl = process.env.DATABASE_URL || 'postgres://root@127.0.0.1:5432/test',
): Promise<ScaleResult> {
  const work = mkdtempSync(join(tmpdir(), 'cairn-bench-scale-'));
  // The commit measured is the one checked out when the run starts (the processes run its build).
  const commit = commitOf();
  try {
    const folder = join(work, 'extract');
    log(`scale: writing a ${options.children.toLocaleString('en-GB')}-child extract…`);
    const extract = await writeLargeExtract(folder, { children: options.children });
    const demoTimes = [0, 1, 2].map(() => {
      const started = process.cpuUsage();
      generateDemoExtract({ seed: 2021 });
      const used = process.cpuUsage(started);
      return (used.user + used.system) / 1000;
    });
    const engines: EngineScale[] = [];
    for (const engine of options.engines) engines.push(await benchEngine(engine, folder, work, serverUrl, options.runs, log));
    rmSync(folder, { recursive: true, force: true });

    let million: ScaleResult['million'];
    if (options.million) {
      const bigFolder = join(work, 'million');
      log('scale: a million children on PostgreSQL…');
      const big = await writeLargeExtract(bigFolder, { children: 1_000_000 });
      const database = await freshDatabase('postgres', work, serverUrl);
      try {
        const loadAverage = loadavg()[0]!;
        const imported = importOnce(bigFolder, database.env);
        const all = run(process.execPath, [cairn, 'stats', '--json'], database.env).ms;
        const one = run(process.execPath, [cairn, 'stats', '--json', '--years', '2021-2021'], database.env).ms;
        million = { children: big.children, rows: big.rows, importSeconds: imported.seconds, rowsPerSecond: imported.rowsPerSecond, peakMemoryMb: imported.peakMemoryMb, statsAllYearsMs: all, statsOneYearMs: one, loadAverage };
      } finally {
        await database.drop();
      }
    }
    return {
      recorded: new Date().toISOString().slice(0, 10),
      commit,
      machine: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      extract,
      demoGeneratorCpuMs: median(demoTimes),
      engines,
      million,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export const scaleTargets = { importRowsPerSecond: { postgres: 50_000, pglite: 30_000 }, peakMemoryMb: 500, peerRatio: { postgres: 1, pglite: 1.5 } };

/**
 * The results as bench/results/scale.md.
 * @example scaleMarkdown(await benchScale(options, log))
 */
export function scaleMarkdown(result: ScaleResult): string {
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const n = (value: number) => value.toLocaleString('en-GB');
  const lines = [
    '# Scale benchmarks (issue 15)',
    '',
    `Recorded ${result.recorded} at commit ${result.commit} by \`npm run bench\` (this part alone: \`node dist/bench/run.js scale\`) on ${result.machine}.`,
    `Extract: ${n(result.extract.children)} fictional children, ${n(result.extract.rows)} rows (bench/largeExtract.ts, seed 15).`,
    `The demo generator (Glenmuir, seed 2021) took ${Math.round(result.demoGeneratorCpuMs)} ms of processor time (median of 3; the bound once asserted in a functional test was 3,000 ms).`,
    'Times are whole processes (`node bin/cairn.js …` as an analyst runs it: start, open, migrate check, work, exit). The machine is shared:',
    'each section notes the 1-minute load average when it began (2 cores: above 2, other work was taking CPU from these figures); read ratios',
    'between runs made side by side rather than absolute times.',
    '',
    '## Import',
    '',
    '| engine | rows/s, median (target) | seconds | peak memory MB, median (target 500) | every run: rows/s at MB | load average |',
    '|---|---:|---:|---:|---|---:|',
    ...result.engines.map((e) => `| ${e.engine} | ${n(e.import.rowsPerSecond)} (${n(scaleTargets.importRowsPerSecond[e.engine])}) | ${e.import.seconds.toFixed(1)} | ${e.import.peakMemoryMb} | ${e.import.runs.map((run) => `${n(run.rowsPerSecond)} at ${run.peakMemoryMb}`).join('; ')} | ${e.import.loadAverage.toFixed(1)} |`),
    '',
    'Each engine imports the extract once per run, each time into a fresh, migrated database; the row gives the median run.',
    '',
    '## The whole `cairn import` command',
    '',
    '| engine | seconds, median | peak memory MB, median (target 500) | every run: seconds at MB | load average |',
    '|---|---:|---:|---|---:|',
    ...result.engines.map((e) => `| ${e.engine} | ${e.importCommand.seconds.toFixed(1)} | ${e.importCommand.peakMemoryMb} | ${e.importCommand.runs.map((run) => `${run.seconds.toFixed(1)} at ${run.peakMemoryMb}`).join('; ')} | ${e.importCommand.loadAverage.toFixed(1)} |`),
    '',
    'The command as an analyst runs it (bench/commandProcess.ts), each run into a new database not yet migrated, as a new',
    'authority\'s first import finds it (a PGlite data folder loaded from the build\'s image, ADR 0086; the migrations): the import above, then the',
    'returns\' rules over every record (ADR 0047) and every census year\'s figures worked out and kept (ADR 0062). Its peak is the',
    'process\'s, from start to exit; the rules hold every record, their findings and their look-ups at once (ADR 0067, 0074).',
    '',
    '## `cairn stats --json`, whole process, median',
    '',
    `| period | ${result.engines.map((e) => `${e.engine} (s)`).join(' | ')} | ${result.engines.map((e) => `${e.engine} ÷ all years`).join(' | ')} |`,
    `|---|${result.engines.map(() => '---:').join('|')}|${result.engines.map(() => '---:').join('|')}|`,
    ...result.engines[0]!.stats.map((c, i) => {
      const times = result.engines.map((e) => s(e.stats[i]!.medianMs));
      const ratios = result.engines.map((e) => (e.stats[i]!.medianMs / e.stats[0]!.medianMs).toFixed(2));
      return `| ${c.name} | ${times.join(' | ')} | ${ratios.join(' | ')} |`;
    }),
    '',
    '## Against DuckDB reading the CSV files (census indicators, all years)',
    '',
    '| engine | cairn stats, figures kept (s) | kept, after a sign-in (s) | cairn stats, worked out (s) | DuckDB median (s) | ratio cairn ÷ DuckDB, kept (target) | ratio, after a sign-in | ratio, worked out | census rows that differ | load average |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...result.engines.map((e) => {
      const afterSignIn = e.peer.cairnAfterSignInMs ?? [];
      const signInRatio = median(afterSignIn.map((ms, i) => ms / e.peer.duckdbMs[i]!));
      return `| ${e.engine} | ${s(median(e.peer.cairnMs))} | ${afterSignIn.length ? s(median(afterSignIn)) : '—'} | ${s(median(e.peer.cairnFirstMs))} | ${s(median(e.peer.duckdbMs))} | ${e.peer.medianRatio.toFixed(2)} (${scaleTargets.peerRatio[e.engine]}) | ${afterSignIn.length ? signInRatio.toFixed(2) : '—'} | ${e.peer.medianFirstRatio.toFixed(2)} | ${e.disagreements} | ${e.peer.loadAverage.toFixed(1)} |`;
    }),
    '',
    'Each round runs `cairn stats` three times and DuckDB once: first with no result kept (every figure worked out, as after a',
    'change to the records the server has not yet worked the figures out after, ADR 0076), then again, given the figures kept',
    'in the database while the records are unchanged (ADR 0061) — as after `cairn import`, which works them out and keeps them',
    'once it is done (ADR 0062), or after the running server has (ADR 0076) — and once more after a sign-in has written to',
    'the database (a table no figure reads); all three print the same bytes. Ratios are medians of the rounds\' ratios. The',
    'period table above works every period out.',
    '',
    '`cairn stats` computes all 26 indicators (the census ones and the reporting-year, financial-year and, when asked, window ones);',
    'the peer computes the twelve census indicators only, and its rows are compared with cairn\'s figure by figure.',
    '',
  ];
  const whileRunning = result.engines.filter((e) => e.throughServer);
  if (whileRunning.length > 0) {
    lines.push(
      '### While Cairn runs (PGlite: the command asks the server)',
      '',
      '| engine | worked out by the server (s) | kept by the server (s) | DuckDB median (s) | ratio, worked out (target) | ratio, kept | load average |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...whileRunning.map(({ engine, throughServer: t }) => `| ${engine} | ${s(median(t!.workedOutMs))} | ${s(median(t!.keptMs))} | ${s(median(t!.duckdbMs))} | ${t!.workedOutRatio.toFixed(2)} (${scaleTargets.peerRatio[engine]}) | ${t!.keptRatio.toFixed(2)} | ${t!.loadAverage.toFixed(1)} |`),
      '',
      'PGlite admits one process, so while Cairn runs `cairn stats` sends its work to the server (ADR 0017). Each round starts the',
      'server with nothing kept and asks it for one year first, as a server that has been serving has its code compiled and the',
      'tables read; then all years, worked out by the server (as within half a minute of a change to a counted record, before the',
      'server\'s own look, ADR 0076), and again, kept. Each answer is checked to be the figures above.',
      '',
    );
  }
  if (result.million) {
    const m = result.million;
    lines.push(
      '## A million children on PostgreSQL (single-node headroom)',
      '',
      `| children | rows | import (s) | rows/s | peak memory MB | stats all years (s) | stats one year (s) | load average |`,
      '|---:|---:|---:|---:|---:|---:|---:|---:|',
      `| ${n(m.children)} | ${n(m.rows)} | ${m.importSeconds.toFixed(1)} | ${n(m.rowsPerSecond)} | ${m.peakMemoryMb} | ${s(m.statsAllYearsMs)} | ${s(m.statsOneYearMs)} | ${m.loadAverage.toFixed(1)} |`,
      '',
    );
  }
  return lines.join('\n');
}
