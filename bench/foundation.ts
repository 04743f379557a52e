/**
 * @module Foundation benchmarks (issue 2): first page after `npm start` on an empty data folder, import rate
 * of the demo extract, and the child page's latency under 50 concurrent users — on PGlite and PostgreSQL.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { spawnSync } from 'node:child_process';
import { projectRoot } from '../src/platform/projectRoot.js';
import { demoSignIns, startServer } from './support/server.js';
import { signInOverHttp } from './support/httpSession.js';
import { loadTest, type LoadResult } from './support/load.js';
import { openPglite } from '../src/db/pgliteDatabase.js';
import { openPostgres } from '../src/db/postgresDatabase.js';
import { migrate } from '../src/db/migrate.js';
import { buildServices } from '../src/composition.js';
import { loadConfig } from '../src/platform/config.js';
import type { Database } from '../src/db/database.js';

export interface EngineResult {
  engine: 'pglite' | 'postgres';
  firstPageSeconds: number;
  importRows: number;
  importSeconds: number;
  importRowsPerSecond: number;
  childPage: LoadResult;
}

/** A new, empty database on the PostgreSQL server at `serverUrl`, and how to drop it. */
export async function newPostgresDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `cairn_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

function countRows(folder: string): number {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.csv'))
    .reduce((sum, f) => sum + readFileSync(join(folder, f), 'utf8').split('\n').filter((line) => line.trim()).length - 1, 0);
}

export async function childPaths(url: string, cookie: string): Promise<string[]> {
  const found = new Set<string>();
  for (const letter of 'abcdefghijklmnoprstw') {
    const html = await (await fetch(`${url}/children?name=${letter}`, { headers: { cookie } })).text();
    for (const match of html.matchAll(/href="(\/children\/[^"?]+)"/g)) found.add(match[1]!);
    if (found.size >= 200) break;
  }
  if (found.size === 0) throw new Error('The search found no children to load-test');
  return [...found];
}

async function timeImport(db: Database, folder: string): Promise<number> {
  await migrate(db);
  const services = buildServices(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', CAIRN_DEMO: 'false' }), db);
  const started = performance.now();
  const outcome = await services.extractImport.importFolder({ kind: 'system', name: 'bench' }, folder);
  const seconds = (performance.now() - started) / 1000;
  if (!outcome.ok) throw new Error(`The demo extract was refused: ${outcome.problems.slice(0, 5).map((p) => `${p.file}:${p.line}: ${p.column}: ${p.message}`).join('\n')}`);
  return seconds;
}

/** @example const result = await benchEngine('pglite') */
export async function benchEngine(engine: 'pglite' | 'postgres', log: (line: string) => void, serverUrl = 'postgres://root@127.0.0.1:5432/test'): Promise<EngineResult> {
  const work = mkdtempSync(join(tmpdir(), 'cairn-bench-'));
  const served = engine === 'postgres' ? await newPostgresDatabase(serverUrl) : undefined;
  const imported = engine === 'postgres' ? await newPostgresDatabase(serverUrl) : undefined;
  try {
    log(`${engine}: npm start on an empty database…`);
    const server = await startServer(served ? { DATABASE_URL: served.url, CAIRN_DATA_DIR: join(work, 'data') } : { CAIRN_DATA_DIR: join(work, 'data') });
    let childPage: LoadResult;
    try {
      log(`${engine}: first page after ${server.firstPageSeconds.toFixed(1)} s; loading the child page with 50 users…`);
      const { password, usernames } = demoSignIns(server.output());
      const username = usernames.service_manager;
      if (!username) throw new Error(`npm start printed no service manager sign-in:\n${server.output()}`);
      const cookie = await signInOverHttp(server.url, username, password);
      const paths = await childPaths(server.url, cookie);
      await loadTest({ url: server.url, paths, headers: { cookie }, connections: 10, seconds: 3 }); // warm up
      childPage = await loadTest({ url: server.url, paths, headers: { cookie }, connections: 50, seconds: 15 });
    } finally {
      await server.stop();
    }
    const folder = join(work, 'extract');
    const generated = spawnSync(process.execPath, [join(projectRoot, 'bin', 'cairn.js'), 'demo', '--no-import', '--out', folder], { encoding: 'utf8' });
    if (generated.status !== 0) throw new Error(`cairn demo failed: ${generated.stderr}`);
    const rows = countRows(folder);
    log(`${engine}: importing the demo extract (${rows} rows) into an empty database…`);
    const db = imported ? openPostgres(imported.url) : await openPglite({ dataDir: join(work, 'import') });
    let importSeconds: number;
    try {
      importSeconds = await timeImport(db, folder);
    } finally {
      await db.close();
    }
    return { engine, firstPageSeconds: server.firstPageSeconds, importRows: rows, importSeconds, importRowsPerSecond: Math.round(rows / importSeconds), childPage };
  } finally {
    await served?.drop();
    await imported?.drop();
    rmSync(work, { recursive: true, force: true });
  }
}
