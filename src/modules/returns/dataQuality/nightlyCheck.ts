/**
 * @module The nightly run of the returns' rules: an in-process timer started with the server, at a local time of day
 * (`CAIRN_NIGHTLY_CHECK_AT`, `02:00` unless set; `off` for none). Each run keeps its counts as any other does.
 */

import type { ReturnsService } from '../returnsService.js';

/** When the nightly run happens: a time of day, or never. */
export type NightlySetting = { hour: number; minute: number } | 'off';

/**
 * Read `CAIRN_NIGHTLY_CHECK_AT`: `HH:MM` (24-hour, local time), or `off`; `02:00` when unset.
 * @example readNightlySetting('23:30') // { hour: 23, minute: 30 }
 */
export function readNightlySetting(value: string | undefined): NightlySetting {
  if (value === undefined || value.trim() === '') return { hour: 2, minute: 0 };
  if (value.trim().toLowerCase() === 'off') return 'off';
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!match) throw new Error(`CAIRN_NIGHTLY_CHECK_AT must be a time such as 02:00, or off (it is ${value})`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/**
 * The next moment after `now` at the setting's local time of day: today's if it is still to come, else tomorrow's.
 * Local time follows the clock (a day of a clock change is 23 or 25 hours long).
 * @example nextRunAfter(new Date(2026, 11, 2, 1, 0), { hour: 2, minute: 0 }) // 2 December 2026 02:00 local
 */
export function nextRunAfter(now: Date, at: { hour: number; minute: number }): Date {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), at.hour, at.minute, 0, 0);
  return today > now ? today : new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, at.hour, at.minute, 0, 0);
}

/** What the scheduler is given: the run, where to say how it went, and the clock (tests pass their own). */
export interface NightlyNeeds {
  run: () => Promise<string>;
  log: (line: string) => void;
  now?: () => Date;
}

/**
 * Start the nightly run: it waits for the next time of day, runs, and waits again. A run that fails is logged and the
 * next night's still happens. Returns a stop function (the timer does not keep the process alive).
 * @example const stop = startNightlyCheck(readNightlySetting(process.env.CAIRN_NIGHTLY_CHECK_AT), { run, log })
 */
export function startNightlyCheck(setting: NightlySetting, needs: NightlyNeeds): () => void {
  if (setting === 'off') return () => undefined;
  const now = needs.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    const wait = Math.max(1_000, nextRunAfter(now(), setting).getTime() - now().getTime());
    timer = setTimeout(() => {
      needs.run().then(needs.log, (error: unknown) => needs.log(`Nightly returns check failed: ${error instanceof Error ? error.message : String(error)}`)).finally(schedule);
    }, wait);
    timer.unref();
  };
  schedule();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

/**
 * What the nightly timer runs: the current year's check, its counts kept as a nightly run; the line to log.
 * @example await nightlyRun(services.returns)() // 'Nightly returns check for 2026-27: 0 errors, 3 queries, 0 rules failed'
 */
export function nightlyRun(returns: Pick<ReturnsService, 'check'>, options: { year?: string; today?: string } = {}): () => Promise<string> {
  return async () => {
    const run = await returns.check({ ...options, trigger: 'nightly' });
    const errors = run.findings.filter((finding) => finding.kind === 'error').length;
    return `Nightly returns check for ${run.year}: ${errors} errors, ${run.findings.length - errors} queries, ${run.failed.length} rules failed`;
  };
}
