/**
 * @module The running server keeps the figures fresh (ADR 0076): once changes to the records the figures read have
 * gone quiet, it works the default figures out again and stores them (what `cairn import` keeps, ADR 0062), so the
 * next `cairn stats` and the dashboards' next request are given them instead of working them out while someone waits.
 */
import type { Queryable } from '../../db/database.js';
import { secondsSinceChangeTo } from '../../db/keptWhileUnchanged.js';
import { figuresKeptAfterImport, tablesTheFiguresRead, type StatsService } from './statsService.js';

/** What the server gives: the database, its statistics service (whose keep the dashboards share) and its log. */
export interface FiguresKeptFreshNeeds {
  db: Queryable;
  stats: Pick<StatsService, 'compute'>;
  log: (error: unknown) => void;
  /**
   * Seconds with no change to a counted record before the figures are worked out again (`CAIRN_FIGURES_QUIET_SECONDS`,
   * 30 unless set): a social worker saving one form after another keeps the records "changing", so the work — on the
   * embedded database it holds the one connection for up to a second at a large authority — waits for a pause.
   */
  quietSeconds: number;
  /** How often to look (`lookEverySeconds` of the pause when not said). */
  everySeconds?: number;
}

/**
 * How often the server looks for a given pause: half of it, every 15 s at most and every second at least.
 * @example lookEverySeconds(30) // 15
 */
export const lookEverySeconds = (quietSeconds: number) => Math.min(15, Math.max(1, quietSeconds / 2));

/**
 * Look once: when the records the figures read have not changed for `quietSeconds` (or have no noted change), ask
 * for the default figures — given from the keep when they still hold (one short query), else worked out and stored.
 * Answers whether it asked.
 * @example await refreshFiguresIfQuiet({ db, stats, log, quietSeconds: 30 }) // true
 */
export async function refreshFiguresIfQuiet(needs: FiguresKeptFreshNeeds): Promise<boolean> {
  const { db, stats, quietSeconds } = needs;
  const since = await secondsSinceChangeTo(db, tablesTheFiguresRead);
  if (since !== null && since < quietSeconds) return false;
  await stats.compute(figuresKeptAfterImport);
  return true;
}

/**
 * Look at once, then every `everySeconds` until stopped; a look that fails is logged and the next still happens. One
 * look at a time. The first look is the server's as it starts (ADR 0077): after a stop without a last look (a crash),
 * figures made untrue by its last changes are worked out again before anyone asks, not a quarter of a minute later;
 * after a clean stop it finds them kept (one short query). Returns a stop function, which settles once a look under
 * way has ended (so the database can then be closed); the timer does not keep the process alive.
 * @example const stop = keepFiguresFresh({ db, stats: services.stats, quietSeconds: config.figuresQuietSeconds, log: (error) => app.log.warn({ err: error }) })
 */
export function keepFiguresFresh(needs: FiguresKeptFreshNeeds): () => Promise<void> {
  const everyMs = (needs.everySeconds ?? lookEverySeconds(needs.quietSeconds)) * 1000;
  let timer: NodeJS.Timeout | undefined;
  let looking: Promise<void> | undefined;
  let stopped = false;
  const schedule = (afterMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      looking = refreshFiguresIfQuiet(needs).then(() => undefined, needs.log).finally(() => {
        looking = undefined;
        schedule(everyMs);
      });
    }, afterMs);
    timer.unref();
  };
  schedule(0);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await looking;
  };
}

/**
 * The server's last look as it stops, after its last request and before the database closes: the default figures,
 * given if still kept, else worked out and stored whatever the quiet — so the first `cairn stats` after a stop or a
 * restart finds them, the changes of the last half minute included. Given at most `withinMs` (10 s); a look that
 * fails or runs longer is logged and the stop goes on.
 * @example await lastLookBeforeClosing({ db, stats: services.stats, log })
 */
export async function lastLookBeforeClosing(needs: Pick<FiguresKeptFreshNeeds, 'stats' | 'log'>, withinMs = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const tooLong = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      needs.log(new Error(`The figures were not worked out within ${withinMs / 1000} s of stopping`));
      resolve();
    }, withinMs);
  });
  const look = needs.stats.compute(figuresKeptAfterImport).then(() => undefined, needs.log);
  try {
    await Promise.race([look, tooLong]);
  } finally {
    clearTimeout(timer);
  }
}
