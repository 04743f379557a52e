/**
 * @module Reporting benchmarks (issue 6), on PostgreSQL with the demo authority: `cairn stats --json` for all
 * years against a hand-written SQL query for `lac.count`, the board report in DOCX and PDF, and the dashboards
 * page's latency under 20 concurrent users (and its chart images', which a browser fetches and then keeps).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { projectRoot } from '../src/platform/projectRoot.js';
import { openPostgres } from '../src/db/postgresDatabase.js';
import { migrate } from '../src/db/migrate.js';
import { buildServices } from '../src/composition.js';
import { loadConfig } from '../src/platform/config.js';
import { statsService } from '../src/modules/reporting/statsService.js';
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
  /** Size of the page's HTML, and of its chart images together. */
  dashboardBytes: number;
  chartBytes: number;
  charts: number;
  dashboard: LoadResult;
  /** The chart images under the same load (each user asking for the eleven in turn), as a browser with nothing kept would. */
  chartImages: LoadResult;
  /** The machine's 1-minute load average just before the page's load test (other work on the machine skews the figures). */
  loadAverage: number;
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
export async function benchReporting(log: (line: string) => void, serverUrl = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test'): Promise<ReportingResult> {
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
    // Every figure worked out each time: a statistics service of its own (nothing kept in its memory) and nothing
    // stored in the database (ADR 0055, 0061) — given again, the figures take a millisecond and would measure nothing.
    const workedOut = async () => {
      await db.query('delete from kept_results');
      return statsService(db).compute({});
    };
    await workedOut();
    const statsRuns: number[] = [];
    let statsRows = 0;
    for (let i = 0; i < 5; i++) {
      const run = await timed(workedOut);
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
    let chartImages: LoadResult;
    let dashboardFirstMs: number;
    let html = '';
    let chartPaths: string[] = [];
    let chartBytes = 0;
    let loadAverage: number;
    try {
      const cookie = await signInOverHttp(server.url, 'bench.analyst', password);
      const page = '/dashboards?from-day=1&from-month=7&from-year=2021&to-day=30&to-month=4&to-year=2022';
      dashboardFirstMs = (await timed(async () => (html = await fetch(`${server.url}${page}`, { headers: { cookie } }).then((response) => response.text())))).ms;
      chartPaths = [...html.matchAll(/<img src="(\/dashboards\/charts\/[^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
      for (const chart of chartPaths) chartBytes += (await (await fetch(`${server.url}${chart}`, { headers: { cookie } })).arrayBuffer()).byteLength;
      await loadTest({ url: server.url, paths: [page], headers: { cookie }, connections: 5, seconds: 2 });
      loadAverage = loadavg()[0]!;
      dashboard = await loadTest({ url: server.url, paths: [page], headers: { cookie }, connections: 20, seconds: 15 });
      chartImages = chartPaths.length
        ? await loadTest({ url: server.url, paths: chartPaths, headers: { cookie }, connections: 20, seconds: 10 })
        : { requests: 0, non2xx: 0, errors: 0, requestsPerSecond: 0, p50Ms: Number.NaN, p95Ms: Number.NaN, p99Ms: Number.NaN };
    } finally {
      await server.stop();
    }
    const statsMs = median(statsRuns);
    const handSqlMs = median(handRuns);
    return {
      engine: 'postgres', statsMs, statsRows, handSqlMs, ratio: statsMs / handSqlMs,
      docxMs: median(docxRuns), pdfMs: median(pdfRuns), dashboardFirstMs, dashboardBytes: Buffer.byteLength(html), chartBytes,
      charts: chartPaths.length, dashboard, chartImages, loadAverage,
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
  const kB = (bytes: number) => `${Math.round(bytes / 1024)} kB`;
  const met = (value: number, target: number) => (value < target ? 'met' : 'missed');
  const pageMet = result.dashboard.p95Ms < reportingTargets.dashboardP95Ms;
  return [
    '# Reporting benchmarks',
    '',
    `Recorded ${when} by \`npm run bench\` (this part alone: \`node dist/bench/run.js reporting\`) ${machine}, on PostgreSQL with the demo authority (Glenmuir).`,
    `The machine's 1-minute load average just before the page's load test was ${result.loadAverage.toFixed(1)} (2 cores: above about 1, other work was competing with the server and the load generator).`,
    '',
    `Targets (issue 6): \`cairn stats --json\` for all years under ${reportingTargets.statsMs} ms; the board report in DOCX and PDF under ${reportingTargets.reportMs} ms each; the dashboards page p95 under ${reportingTargets.dashboardP95Ms} ms with 20 concurrent users.`,
    '',
    '| measure | PostgreSQL |',
    '|---|---:|',
    `| \`cairn stats\` all years, every figure worked out, median of 5 (ms) | ${ms(result.statsMs)} |`,
    `| rows it returns | ${result.statsRows.toLocaleString('en-GB')} |`,
    `| hand-written SQL for \`lac.count\` by year, median of 5 (ms) | ${result.handSqlMs.toFixed(1)} |`,
    `| ratio: every indicator ÷ one hand-written query | ${result.ratio.toFixed(1)} |`,
    `| board report DOCX, median of 3 (ms) | ${ms(result.docxMs)} |`,
    `| board report PDF, median of 3 (ms) | ${ms(result.pdfMs)} |`,
    `| dashboards page, first request (figures worked out, charts drawn, page rendered) (ms) | ${ms(result.dashboardFirstMs)} |`,
    `| dashboards page HTML / its ${result.charts} chart images together | ${kB(result.dashboardBytes)} / ${kB(result.chartBytes)} |`,
    `| dashboards page requests in 15 s, 20 users | ${result.dashboard.requests.toLocaleString('en-GB')} |`,
    `| non-2xx / errors | ${result.dashboard.non2xx} / ${result.dashboard.errors} |`,
    `| dashboards page throughput (req/s) | ${result.dashboard.requestsPerSecond} |`,
    `| dashboards page p50 (ms) | ${ms(result.dashboard.p50Ms)} |`,
    `| **dashboards page p95 (ms)** | **${ms(result.dashboard.p95Ms)}** |`,
    `| dashboards page p99 (ms) | ${ms(result.dashboard.p99Ms)} |`,
    `| chart images in 10 s, 20 users (non-2xx) | ${result.chartImages.requests.toLocaleString('en-GB')} (${result.chartImages.non2xx}) |`,
    `| chart image p50 / p95 (ms) | ${ms(result.chartImages.p50Ms)} / ${ms(result.chartImages.p95Ms)} |`,
    '',
    '`cairn stats` runs every indicator (26 of them, identical queries shared) in one read-only',
    'snapshot; the hand-written query computes only `lac.count`, so the ratio is the price of the whole set against',
    'its cheapest figure. The board report always works its figures out afresh.',
    '',
    'The dashboards keep computed figures and drawn charts for 30 seconds per choice of years, and with them the page',
    'rendered inside the layout, per choice as typed and the links the role may follow (never per person: the layout',
    "with the person's name, the CSRF token and the CSP nonce is rendered for each response). The charts are images",
    'of their own (`/dashboards/charts/<table>.svg`, same permission, `Cache-Control: private` for what is left of the',
    "figures' 30 s, and an ETag),",
    'their tables still on the page; the page test fetches the HTML only, as a browser that already holds the charts',
    'would, and the chart images are measured separately. The 15 s page test falls inside one 30 s keep, so it does',
    'not include the figures being worked out again: when they are, the requests for that choice wait once for them',
    '(about the first request\'s time). The load generator shares the machine with the server.',
    '',
    'Before the page was kept and the charts made images, the page p95 was 687 ms (the previous record, on an Intel Xeon,',
    'about 36 req/s) and 418 ms (this benchmark at that commit, run again on this machine at a load average of about 5,',
    '59 req/s).',
    '',
    `Against the targets: stats ${met(result.statsMs, reportingTargets.statsMs)}, DOCX ${met(result.docxMs, reportingTargets.reportMs)}, PDF ${met(result.pdfMs, reportingTargets.reportMs)}, dashboards p95 ${pageMet ? 'met' : 'missed'}.`,
    "Most of a report's time is drawing its eleven charts (Vega-Lite to SVG, then resvg to PNG).",
    '',
    'Where a dashboards request went before the page was kept (a CPU profile of the server under the same 20-user load,',
    'about 50 req/s then): about 60% rendering the page, most of it in two GOV.UK date inputs (Nunjucks 3\'s `trim` filter',
    'is a regular expression that takes quadratic time over the long runs of spaces the date input macro produces: 6 to',
    '10 ms per date input), about 17% presenting the tables (a new `Intl.NumberFormat` for every cell in',
    '`publishTable.ts`), and the rest the framework and sending 208 kB of HTML, 122 kB of it inline chart SVG. Now the',
    'page is rendered and encoded once per keep, without the indentation (67 kB), and what is left per request is the',
    'framework: reading and re-sealing the session cookie, looking up the signed-in user in the database, the layout',
    'with its nonce and CSRF token, security headers, and the kernel writing 67 kB to the socket (a quarter of the',
    'server\'s CPU in a profile under this load).',
    ...(pageMet ? [] : ['', 'The page target was missed in this run: see the load average above; on this shared 2-core machine the server, PostgreSQL and the load generator compete for the same CPUs.']),
    '',
].join('\n');
}
