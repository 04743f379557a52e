/**
 * @module How fast a large extract imports, and re-imports. Opt-in (it takes a while): CAIRN_IMPORT_RATE=1, and
 * DATABASE_URL to measure PostgreSQL rather than PGlite. The target is 20,000 rows/s on PostgreSQL. On a
 * busy machine wall-clock time says little, so the CPU time spent (by Node, and by the PostgreSQL backends
 * when the server is on this machine) is reported too: rows per CPU-second is what an idle machine would see.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { auditRepository } from '../../src/modules/audit/auditRepository.js';
import { auditService } from '../../src/modules/audit/auditService.js';
import { extractImportService } from '../../src/modules/extract/extractImportService.js';
import { formatProblem } from '../../src/modules/extract/extractProblem.js';
import { createTestDatabase, engineUnderTest } from '../support/testDatabase.js';
import { generateExtract } from './support/generateExtract.js';

const children = Number(process.env.CAIRN_IMPORT_RATE_CHILDREN ?? 20_000);
const clockTicksPerSecond = 100;

/** CPU milliseconds used so far by this database's server processes, when they run on this machine (else 0). */
async function serverCpuMilliseconds(db: Database): Promise<number> {
  if (db.engine !== 'postgres') return 0;
  const backends = await db.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()');
  let ticks = 0;
  for (const { pid } of backends) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / clockTicksPerSecond;
}

function nodeCpuMilliseconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

describe.skipIf(!process.env.CAIRN_IMPORT_RATE)('import rate', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let folder: string;
  let rows: number;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase());
    folder = await mkdtemp(join(tmpdir(), 'cairn-import-rate-'));
    rows = await generateExtract(folder, children);
  });
  afterAll(async () => {
    await drop();
    await rm(folder, { recursive: true, force: true });
  });

  it(`imports about ${children * 5} rows, then re-imports them unchanged`, { timeout: 600_000 }, async () => {
    const importer = extractImportService(db, auditService(db, auditRepository()));
    for (const pass of ['first import', 're-import']) {
      const started = performance.now();
      const marks: string[] = [];
      let last = '';
      const nodeCpu = nodeCpuMilliseconds();
      const serverCpu = await serverCpuMilliseconds(db);
      const outcome = await importer.importFolder({ kind: 'system', name: 'rate' }, folder, {
        onProgress: (progress) => {
          const key = `${progress.stage} ${progress.file}`;
          if (key !== last) marks.push(`${Math.round(performance.now() - started)}ms ${key}`);
          last = key;
        },
      });
      const nodeUsed = nodeCpuMilliseconds() - nodeCpu;
      const serverUsed = (await serverCpuMilliseconds(db)) - serverCpu;
      const cpu = nodeUsed + serverUsed;
      if (!outcome.ok) throw new Error(outcome.problems.slice(0, 20).map(formatProblem).join('\n'));
      expect(outcome.rows).toBe(rows);
      if (process.env.CAIRN_IMPORT_RATE === 'stages') console.log(marks.join('\n'));
      console.log(
        `${engineUnderTest} ${pass}: ${rows} rows in ${outcome.milliseconds} ms = ${Math.round(rows / (outcome.milliseconds / 1000))} rows/s; ` +
          `${Math.round(cpu)} ms of CPU (Node ${Math.round(nodeUsed)}, server ${Math.round(serverUsed)}) = ${Math.round(rows / (cpu / 1000))} rows per CPU-second`,
      );
    }
  });
});
