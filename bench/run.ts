/** @module `npm run bench`: runs the benchmarks on both engines and records the results in bench/results/. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/platform/projectRoot.js';
import { benchEngine, type EngineResult } from './foundation.js';
import { benchReporting, reportingMarkdown } from './reporting.js';

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

/** `node dist/bench/run.js [pglite,postgres]` runs everything on those engines; `node dist/bench/run.js reporting` only the reporting benchmarks. */
async function run(): Promise<void> {
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
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
