/**
 * @module Reporting benchmarks (issue 6), on PostgreSQL with the demo authority: `cairn stats --json` for all
 * years against a hand-written SQL query for `lac.count`, the board report in DOCX and PDF, and the dashboards
 * page's latency under 20 concurrent users.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { projectRoot } from '../src/projectRoot.js';
import { openPostgres } from '../src/db/postgresDatabase.js';
import { migrate } from '../src/db/migrate.js';
import { buildServices } from '../src/composition.js';
import { loadConfig } from '../src/config.js';
import { startServer } from './support/server.js';
import { signInOverHttp } from './support/httpSession.js';
import { loadTest, type LoadResult } from './support/load.js';

export interface ReportingResult {
  engine: 'postgres';
  statsMs: number;
  statsRows: number;
  handSqlMs: number;
  /** stats ÷ hand-written query. */
  ratio: number;
  docxMs: number;
  pdfMs: number;
  dashboardFirstMs: number;
  dashboard: LoadResult;
}

export const reportingTargets = { statsMs: 1000, reportMs: 3000, dashboardP95Ms: 100 };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const cover = {
  meeting: 'Glenmuir Health and Social Care Partnership Integration Joint Board', heldOn: '2022-10-12', agendaItem: '7',
  title: "Children's Services Transformational Activity", summary: 'Progress with the balance of care.', author: 'Benchmark Author',
  recommendations: 'The board notes the figures.', directions: ['none'], implications: ['Financial'],
};

/** @example const result = await benchReporting((line) => console.error(line)) */
export async function benchReporting(log: (line: string) => void, serverUrl = 'postgres://root@127.0.0.1:5432/test'): Promise<ReportingResult> {
  const work = mkdtempSync(join(tmpdir(), 'cairn-bench-reporting-'));
  const name = `cairn_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString());
  try {
    const folder = join(work, 'extract');
    const generated = spawnSync(process.execPath, [join(projectRoot, 'bin', 'cairn.js'), 'demo', '--no-import', '--out', folder], { encoding: 'utf8' });
    if (generated.status !== 0) throw new Error(`cairn demo failed: ${generated.stderr}`);
    await migrate(db);
    const services = buildServices(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', CAIRN_DEMO: 'false' }), db);
    log('reporting: importing the demo extract into PostgreSQL…');
    const outcome = await services.extractImport.importFolder({ kind: 'system', name: 'bench' }, folder);
    if (!outcome.ok) throw new Error('the demo extract was refused');
    await db.query('analyze');

    log('reporting: cairn stats --json, all years, against a hand-written lac.count query…');
    await services.stats.compute({});
    const statsRuns: number[] = [];
    let statsRows = 0;
    for (let i = 0; i < 5; i++) {
      const run = await timed(() => services.stats.compute({}));
      statsRuns.push(run.ms);
      statsRows = run.value.rows.length;
    }
    const handSql = `select census.census_date, count(distinct episode.child_id)::int as children
                       from generate_series(2016, 2022) as year
                       cross join lateral (select make_date(year, 7, 31) as census_date) census
                       left join looked_after_episodes episode
                         on episode.start_date <= census.census_date and (episode.end_date is null or episode.end_date > census.census_date)
                      group by census.census_date`;
    await db.query(handSql);
    const handRuns: number[] = [];
    for (let i = 0; i < 5; i++) handRuns.push((await timed(() => db.query(handSql))).ms);

    log('reporting: the board report in DOCX and PDF…');
    const options = { from: '2021-07-01', to: '2022-04-30' };
    await services.boardReports.build(options, cover, 'docx');
    const docxRuns: number[] = [];
    const pdfRuns: number[] = [];
    for (let i = 0; i < 3; i++) {
      docxRuns.push((await timed(() => services.boardReports.build(options, cover, 'docx'))).ms);
      pdfRuns.push((await timed(() => services.boardReports.build(options, cover, 'pdf'))).ms);
    }

    const password = 'a benchmark password for the analyst';
    await services.users.add({ kind: 'system', name: 'bench' }, { username: 'bench.analyst', displayName: 'Bench Analyst', role: 'analyst', team: null, workerId: null, password });
    log('reporting: the dashboards page with 20 concurrent users…');
    const server = await startServer({ DATABASE_URL: url.toString(), CAIRN_DATA_DIR: join(work, 'data') });
    let dashboard: LoadResult;
    let dashboardFirstMs: number;
    try {
      const cookie = await signInOverHttp(server.url, 'bench.analyst', password);
      const page = '/dashboards?from-day=1&from-month=7&from-year=2021&to-day=30&to-month=4&to-year=2022';
      dashboardFirstMs = (await timed(() => fetch(`${server.url}${page}`, { headers: { cookie } }).then((response) => response.text()))).ms;
      await loadTest({ url: server.url, paths: [page], headers: { cookie }, connections: 5, seconds: 2 });
      dashboard = await loadTest({ url: server.url, paths: [page], headers: { cookie }, connections: 20, seconds: 15 });
    } finally {
      await server.stop();
    }
    const statsMs = median(statsRuns);
    const handSqlMs = median(handRuns);
    return {
      engine: 'postgres', statsMs, statsRows, handSqlMs, ratio: statsMs / handSqlMs,
      docxMs: median(docxRuns), pdfMs: median(pdfRuns), dashboardFirstMs, dashboard,
    };
  } finally {
    await db.close();
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The results as bench/results/reporting.md.
 * @example reportingMarkdown(result, '2026-11-22', 'on 2 cores')
 */
export function reportingMarkdown(result: ReportingResult, when: string, machine: string): string {
  const ms = (value: number) => value.toFixed(0);
  return [
    '# Reporting benchmarks',
    '',
    `Recorded ${when} by \`npm run bench\` ${machine}, on PostgreSQL with the demo authority (Glenmuir).`,
    '',
    `Targets (issue 6): \`cairn stats --json\` for all years under ${reportingTargets.statsMs} ms; the board report in DOCX and PDF under ${reportingTargets.reportMs} ms each; the dashboards page p95 under ${reportingTargets.dashboardP95Ms} ms with 20 concurrent users.`,
    '',
    '| measure | PostgreSQL |',
    '|---|---:|',
    `| \`cairn stats\` all years, median of 5 (ms) | ${ms(result.statsMs)} |`,
    `| rows it returns | ${result.statsRows.toLocaleString('en-GB')} |`,
    `| hand-written SQL for \`lac.count\` by year, median of 5 (ms) | ${result.handSqlMs.toFixed(1)} |`,
    `| ratio: every indicator ÷ one hand-written query | ${result.ratio.toFixed(1)} |`,
    `| board report DOCX, median of 3 (ms) | ${ms(result.docxMs)} |`,
    `| board report PDF, median of 3 (ms) | ${ms(result.pdfMs)} |`,
    `| dashboards page, first request (figures worked out and charts drawn) (ms) | ${ms(result.dashboardFirstMs)} |`,
    `| dashboards page requests in 15 s, 20 users | ${result.dashboard.requests.toLocaleString('en-GB')} |`,
    `| non-2xx / errors | ${result.dashboard.non2xx} / ${result.dashboard.errors} |`,
    `| dashboards page p50 (ms) | ${ms(result.dashboard.p50Ms)} |`,
    `| dashboards page p95 (ms) | ${ms(result.dashboard.p95Ms)} |`,
    `| dashboards page p99 (ms) | ${ms(result.dashboard.p99Ms)} |`,
    '',
    '`cairn stats` runs every indicator (26 of them, identical queries shared) in one read-only',
    'snapshot; the hand-written query computes only `lac.count`, so the ratio is the price of the whole set against',
    'its cheapest figure. The dashboards keep computed figures and drawn charts for 30 seconds per choice of years,',
    'so under load most requests render the page from them; the first request shows the cost without them. The',
    'board report always works its figures out afresh. The load generator shares the machine with the server.',
    '',
    `Against the targets: stats ${result.statsMs < 1000 ? 'met' : 'missed'}, DOCX ${result.docxMs < 3000 ? 'met' : 'missed'}, PDF ${result.pdfMs < 3000 ? 'met' : 'missed'}, dashboards p95 ${result.dashboard.p95Ms < 100 ? 'met' : 'missed'}.`,
    "Most of a report's time is drawing its eleven charts (Vega-Lite to SVG, then resvg to PNG).",
    '',
  ].join('\n');
}
