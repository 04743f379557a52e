/** @module Load with autocannon, keeping every response time so p50 and p95 are exact, not read off buckets. */
import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  non2xx: number;
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** @example await loadTest({ url, paths: ['/children/A1'], headers: { cookie }, connections: 50, seconds: 10 }) */
export function loadTest(options: { url: string; paths: string[]; headers: Record<string, string>; connections: number; seconds: number }): Promise<LoadResult> {
  let next = 0;
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        headers: options.headers,
        requests: [{ setupRequest: (request) => ({ ...request, path: options.paths[next++ % options.paths.length]! }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        resolve({
          requests: result.requests.total,
          non2xx: result.non2xx,
          errors: result.errors,
          requestsPerSecond: Math.round(result.requests.average),
          p50Ms: percentile(times, 50),
          p95Ms: percentile(times, 95),
          p99Ms: percentile(times, 99),
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}

/**
 * People reading pages: each of `cookies` is one signed-in person who opens a page, reads it for a think time drawn
 * at random (exponentially distributed, `thinkSeconds` on average), then opens the next — the usual model of
 * "concurrent users" (ADR 0059). Unlike `loadTest`'s connections, which ask again the moment an answer arrives, these
 * people's p95 is the wait a person sees, not the server's capacity. Each person starts at a random moment within
 * one think time, and requests still in flight when `seconds` are up are counted.
 * @example await peopleReading({ url, paths, cookies, thinkSeconds: 5, seconds: 30 })
 */
export async function peopleReading(options: { url: string; paths: string[]; cookies: string[]; thinkSeconds: number; seconds: number }): Promise<LoadResult> {
  const times: number[] = [];
  let next = 0;
  let non2xx = 0;
  let errors = 0;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const thinkTime = () => -Math.log(1 - Math.random()) * options.thinkSeconds * 1000;
  const started = performance.now();
  const ends = started + options.seconds * 1000;
  await Promise.all(
    options.cookies.map(async (cookie) => {
      await pause(Math.random() * options.thinkSeconds * 1000);
      while (performance.now() < ends) {
        const path = options.paths[next++ % options.paths.length]!;
        const asked = performance.now();
        try {
          const response = await fetch(`${options.url}${path}`, { headers: { cookie }, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
          await response.arrayBuffer();
          if (response.status < 200 || response.status > 299) non2xx++;
        } catch {
          errors++;
        }
        times.push(performance.now() - asked);
        await pause(thinkTime());
      }
    }),
  );
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    non2xx,
    errors,
    requestsPerSecond: Math.round(times.length / ((performance.now() - started) / 1000)),
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    p99Ms: percentile(times, 99),
  };
}
