/** The nightly run's setting and timing: when the next run is, and that the scheduler calls the run and carries on after a failure. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextRunAfter, readNightlySetting, startNightlyCheck } from './nightlyCheck.js';

describe('the nightly returns check', () => {
  afterEach(() => vi.useRealTimers());

  it('reads the time of day, off, or 02:00 by default, and refuses anything else', () => {
    expect(readNightlySetting(undefined)).toEqual({ hour: 2, minute: 0 });
    expect(readNightlySetting('23:45')).toEqual({ hour: 23, minute: 45 });
    expect(readNightlySetting('off')).toBe('off');
    expect(() => readNightlySetting('25:00')).toThrow('CAIRN_NIGHTLY_CHECK_AT must be a time such as 02:00, or off');
    expect(() => readNightlySetting('2am')).toThrow();
  });

  it('runs next at today’s time when it is still to come, else tomorrow’s, across a month’s end', () => {
    expect(nextRunAfter(new Date(2026, 11, 2, 1, 59), { hour: 2, minute: 0 })).toEqual(new Date(2026, 11, 2, 2, 0));
    expect(nextRunAfter(new Date(2026, 11, 2, 2, 0), { hour: 2, minute: 0 })).toEqual(new Date(2026, 11, 3, 2, 0));
    expect(nextRunAfter(new Date(2026, 11, 31, 18, 20), { hour: 2, minute: 0 })).toEqual(new Date(2027, 0, 1, 2, 0));
  });

  it('calls the run at the time, logs a failure, and runs again the next night; stops when asked', async () => {
    vi.useFakeTimers({ now: new Date(2026, 11, 2, 1, 0) });
    const lines: string[] = [];
    let runs = 0;
    const stop = startNightlyCheck({ hour: 2, minute: 0 }, {
      run: async () => {
        runs += 1;
        if (runs === 1) throw new Error('database away');
        return `run ${runs}`;
      },
      log: (line) => lines.push(line),
    });
    await vi.advanceTimersByTimeAsync(59 * 60_000);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
    expect(runs).toBe(2);
    expect(lines).toEqual(['Nightly returns check failed: database away', 'run 2']);
    stop();
    await vi.advanceTimersByTimeAsync(48 * 60 * 60_000);
    expect(runs).toBe(2);
  });

  it('does nothing when off', () => {
    expect(startNightlyCheck('off', { run: () => Promise.reject(new Error('never')), log: () => undefined })()).toBeUndefined();
  });
});
