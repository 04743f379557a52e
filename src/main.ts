/** @module Entry point: config → database → migrations → demo (if empty) → services → web app → listen. */
import { loadConfig, ConfigError } from './platform/config.js';
import { openDatabase } from './db/openDatabase.js';
import { migrate } from './db/migrate.js';
import { DataDirLockedError } from './db/dataDirLock.js';
import { buildServices } from './composition.js';
import { buildApp } from './app/app.js';
import { warmUpCharts } from './platform/documents/charts.js';
import { forgetOldDataChanges } from './db/keptWhileUnchanged.js';
import { serveTheCommandLine } from './app/commandLineRoutes.js';
import { nightlyRun, readNightlySetting, startNightlyCheck } from './modules/returns/dataQuality/nightlyCheck.js';
import { keepFiguresFresh, lastLookBeforeClosing } from './modules/reporting/figuresKeptFresh.js';

async function start(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  const nightly = readNightlySetting(process.env.CAIRN_NIGHTLY_CHECK_AT);
  const db = await openDatabase(config);
  await migrate(db);
  const services = buildServices(config, db);
  // The demo (and faker, which names its people) is loaded only where it may be: never in production (ADR 0046).
  const demo = config.loadDemo
    ? await (await import('./modules/demo/loadDemoIfEmpty.js')).loadDemoIfEmpty(services, { onProgress: (line) => process.stderr.write(`${line}\n`) })
    : undefined;
  const app = await buildApp(services);
  // PGlite admits one process: `cairn stats`, `report` and `import` then ask this one (ADR 0017).
  const commandLine = db.engine === 'pglite' ? await serveTheCommandLine(app, services, db) : undefined;
  let withdrawHandoff = () => undefined as void;
  // The returns' rules run every night as well as after imports, keeping their counts for the data quality page.
  const stopNightly = startNightlyCheck(nightly, {
    run: nightlyRun(services.returns),
    log: (line) => app.log.info(line),
  });
  // Notes of changes older than two days are forgotten every few hours: no kept result is that old (ADR 0055, 0071).
  const forgetChanges = () => void forgetOldDataChanges(db).catch((error: unknown) => app.log.warn({ err: error }, 'Could not forget old notes of changes'));
  const forgetting = setInterval(forgetChanges, 6 * 60 * 60 * 1000);
  forgetting.unref();
  forgetChanges();
  // Once changes to counted records go quiet, the default figures are worked out again and stored (ADR 0076).
  const figuresNeeds = { db, stats: services.stats, quietSeconds: config.figuresQuietSeconds, log: (error: unknown) => app.log.warn({ err: error }, 'Could not work the figures out again') };
  const stopFreshFigures = keepFiguresFresh(figuresNeeds);
  const shutdown = async () => {
    stopNightly();
    await stopFreshFigures();
    clearInterval(forgetting);
    withdrawHandoff();
    await app.close();
    // No request is left to change a record: the figures as they stand are kept for the next process (ADR 0076).
    await lastLookBeforeClosing(figuresNeeds);
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // Ready means ready: the first dashboards after a start are not kept waiting while the chart library warms up.
  await warmUpCharts();
  const address = await app.listen({ host: config.host, port: config.port });
  const listening = app.server.address();
  if (commandLine && typeof listening === 'object' && listening) {
    withdrawHandoff = commandLine.publish(config.dataDir, `http://127.0.0.1:${listening.port}`);
    process.once('exit', withdrawHandoff);
  }
  const url = address.replace('://127.0.0.1', '://localhost');
  const lines = [
    '',
    `Cairn is running at ${url} (${db.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'}), ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
  ];
  if (demo?.signIns.length) {
    lines.push('', `Demo sign-ins for ${demo.authorityName} (fictional data; the password is the same for each):`);
    for (const signIn of demo.signIns) lines.push(`  ${signIn.username.padEnd(16)} ${signIn.role.padEnd(16)} ${signIn.description}`);
    lines.push(`  password: ${demo.password}`);
  }
  lines.push('', 'Press Ctrl+C to stop.', '');
  process.stdout.write(lines.join('\n'));
}

start().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || (error instanceof Error && error.message.startsWith('CAIRN_NIGHTLY_CHECK_AT'))) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Cairn could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
