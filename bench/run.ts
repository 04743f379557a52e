/** @module `npm run bench`: runs the benchmarks on both engines and records the results in bench/results/. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../src/platform/projectRoot.js';
import { benchEngine, type EngineResult } from './foundation.js';
import { benchReporting, reportingMarkdown } from './reporting.js';
import { benchScale, scaleMarkdown } from './scale.js';
import { benchPages, type PagesResult } from './pages.js';
import { pagesMarkdown } from './pagesReport.js';
import { benchLargePages, largePagesMarkdown } from './largePages.js';

const targets = { firstPageSeconds: 15, importRowsPerSecondPostgres: 20_000, childPageP95Ms: 50 };

function report(results: EngineResult[], when: string): string {
  const lines = [
    '# Foundation benchmarks',
    '',
    `Recorded ${when} by \`npm run bench\` on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
    '',
    `Targets (issue 2): first page under ${targets.firstPageSeconds} s on an empty data folder; import above ${targets.importRowsPerSecondPostgres.toLocaleString('en-GB')} rows/s on PostgreSQL; child page p95 under ${targets.childPageP95Ms} ms with 50 concurrent users.`,
    '',
    '| measure | ' + results.map((r) => r.engine).join(' | ') + ' |',
    '|---|' + results.map(() => '---:').join('|') + '|',
    '| `npm start` → first page, empty data (s) | ' + results.map((r) => r.firstPageSeconds.toFixed(1)).join(' | ') + ' |',
    '| demo extract rows | ' + results.map((r) => r.importRows.toLocaleString('en-GB')).join(' | ') + ' |',
    '| import time (s) | ' + results.map((r) => r.importSeconds.toFixed(2)).join(' | ') + ' |',
    '| import rate (rows/s) | ' + results.map((r) => r.importRowsPerSecond.toLocaleString('en-GB')).join(' | ') + ' |',
    '| child page requests in 15 s, 50 users | ' + results.map((r) => r.childPage.requests.toLocaleString('en-GB')).join(' | ') + ' |',
    '| child page non-2xx / errors | ' + results.map((r) => `${r.childPage.non2xx} / ${r.childPage.errors}`).join(' | ') + ' |',
    '| child page p50 (ms) | ' + results.map((r) => r.childPage.p50Ms.toFixed(1)).join(' | ') + ' |',
    '| child page p95 (ms) | ' + results.map((r) => r.childPage.p95Ms.toFixed(1)).join(' | ') + ' |',
    '| child page p99 (ms) | ' + results.map((r) => r.childPage.p99Ms.toFixed(1)).join(' | ') + ' |',
    '| child page throughput (req/s) | ' + results.map((r) => r.childPage.requestsPerSecond).join(' | ') + ' |',
    '',
    'Each child page request is a signed-in service manager opening a different child (rotating over up to 200',
    'children found by search), and each one writes its audit event, as in real use. The load generator runs on',
    'the same 2-core machine as the server, so the figures include its own CPU use.',
    '',
  ];
  return lines.join('\n');
}

/**
 * `node dist/bench/run.js [pglite,postgres]` runs everything on those engines (with both, the default, issue 15's scale,
 * pages and large-pages benchmarks as well); `node dist/bench/run.js reporting` only
 * the reporting benchmarks; `node dist/bench/run.js scale [--children N] [--runs N] [--million]` only the large-extract
 * ones (issue 15: import, stats for every period shape, the DuckDB peer; with --million, a million children on PostgreSQL);
 * `node dist/bench/run.js pages [pglite,postgres]` only the page crawl and child page load (issue 15 item 4);
 * `node dist/bench/run.js large-pages [--children N]` the dashboards and data quality page on the large extract.
 */
async function runScale(args: string[], folder: string): Promise<void> {
  const value = (flag: string, fallback: number) => {
    const at = args.indexOf(flag);
    return at === -1 ? fallback : Number(args[at + 1]);
  };
  const result = await benchScale(
    { children: value('--children', 150_000), runs: value('--runs', 3), engines: ['postgres', 'pglite'], million: args.includes('--million') },
    (line) => process.stderr.write(`${line}\n`),
  );
  writeFileSync(join(folder, 'scale.json'), JSON.stringify(result, null, 2) + '\n');
  const markdown = scaleMarkdown(result);
  writeFileSync(join(folder, 'scale.md'), markdown);
  process.stdout.write(markdown);
}

/** `node dist/bench/run.js pages [pglite,postgres]`: only the page benchmarks (issue 15 item 4). */
async function runPages(args: string[], folder: string): Promise<void> {
  const engines = (args[0] ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
  const load = loadavg()[0]!.toFixed(2);
  const results: PagesResult[] = [];
  for (const engine of engines) results.push(await benchPages(engine, (line) => process.stderr.write(`${line} (load ${loadavg()[0]!.toFixed(2)})\n`)));
  const recorded = {
    when: new Date().toISOString().slice(0, 10),
    machine: `on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    load,
    commit: execSync('git rev-parse --short HEAD', { cwd: projectRoot, encoding: 'utf8' }).trim(),
  };
  writeFileSync(join(folder, 'pages.json'), JSON.stringify({ ...recorded, results }, null, 2) + '\n');
  const markdown = pagesMarkdown(results, recorded);
  writeFileSync(join(folder, 'pages.md'), markdown);
  process.stdout.write(markdown);
}

/** `node dist/bench/run.js large-pages [--children N]`: the dashboards and data quality page on the large extract. */
async function runLargePages(args: string[], folder: string): Promise<void> {
  const at = args.indexOf('--children');
  const result = await benchLargePages({ children: at === -1 ? 150_000 : Number(args[at + 1]), engines: ['postgres', 'pglite'] }, (line) => process.stderr.write(`${line} (load ${loadavg()[0]!.toFixed(2)})\n`));
  writeFileSync(join(folder, 'large-pages.json'), JSON.stringify(result, null, 2) + '\n');
  const markdown = largePagesMarkdown(result);
  writeFileSync(join(folder, 'large-pages.md'), markdown);
  process.stdout.write(markdown);
}

async function run(): Promise<void> {
  if (process.argv[2] === 'pages') {
    const folder = join(projectRoot, 'bench', 'results');
    mkdirSync(folder, { recursive: true });
    return runPages(process.argv.slice(3), folder);
  }
  if (process.argv[2] === 'large-pages') {
    const folder = join(projectRoot, 'bench', 'results');
    mkdirSync(folder, { recursive: true });
    return runLargePages(process.argv.slice(3), folder);
  }
  if (process.argv[2] === 'scale') {
    const folder = join(projectRoot, 'bench', 'results');
    mkdirSync(folder, { recursive: true });
    return runScale(process.argv.slice(3), folder);
  }
  const onlyReporting = process.argv[2] === 'reporting';
  const engines = (onlyReporting ? 'postgres' : (process.argv[2] ?? 'pglite,postgres')).split(',') as ('pglite' | 'postgres')[];
  const when = new Date().toISOString().slice(0, 10);
  const folder = join(projectRoot, 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  if (!onlyReporting) {
    const results: EngineResult[] = [];
    for (const engine of engines) results.push(await benchEngine(engine, (line) => process.stderr.write(`${line}\n`)));
    writeFileSync(join(folder, 'foundation.json'), JSON.stringify({ recorded: when, targets, results }, null, 2) + '\n');
    const markdown = report(results, when);
    writeFileSync(join(folder, 'foundation.md'), markdown);
    process.stdout.write(markdown);
  }
  if (engines.includes('postgres')) {
    const reporting = await benchReporting((line) => process.stderr.write(`${line}\n`));
    const machine = `on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    writeFileSync(join(folder, 'reporting.json'), JSON.stringify({ recorded: when, results: reporting }, null, 2) + '\n');
    const reportingText = reportingMarkdown(reporting, when, machine);
    writeFileSync(join(folder, 'reporting.md'), reportingText);
    process.stdout.write(reportingText);
  }
  // Both engines (the default): issue 15's benchmarks too — the large extract, every page, the large authority's pages.
  if (!onlyReporting && engines.length === 2) {
    await runScale([], folder);
    await runPages([], folder);
    await runLargePages([], folder);
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
