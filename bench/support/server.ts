/** @module Starts `node dist/src/main.js` as a real process and waits until it serves its first page. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../../src/platform/projectRoot.js';

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** Seconds from spawning the process to the first 200 from /sign-in. */
  firstPageSeconds: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** @example const server = await startServer({ CAIRN_DATA_DIR: '/tmp/x' }) */
export async function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<RunningServer> {
  const port = await freePort();
  const started = performance.now();
  // CAIRN_BENCH_SERVER names another build's main.js, to measure an earlier commit side by side with this one.
  const main = process.env.CAIRN_BENCH_SERVER ?? join(projectRoot, 'dist', 'src', 'main.js');
  // The server never works the figures out on its own here (a day's quiet; ADR 0076): a "first request" stays the
  // first to work them out, however long the benchmark takes to reach it.
  const child = spawn(process.execPath, [main], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CAIRN_COOKIE_SECURE: 'false', LOG_LEVEL: 'warn', CAIRN_RATE_LIMIT_PER_MINUTE: '10000000', CAIRN_SIGN_IN_PER_MINUTE: '1000', CAIRN_FIGURES_QUIET_SECONDS: '86400', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Cairn exited with ${child.exitCode}:\n${output}`);
    if (performance.now() - started > timeoutMs) throw new Error(`Cairn did not serve a page in ${timeoutMs} ms:\n${output}`);
    try {
      const response = await fetch(`${url}/sign-in`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const firstPageSeconds = (performance.now() - started) / 1000;
  return {
    url,
    process: child,
    output: () => output,
    firstPageSeconds,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The demo sign-ins `npm start` prints: `  username  role  description` lines and `  password: …`. */
export function demoSignIns(output: string): { password: string; usernames: Record<string, string> } {
  const password = /password: (\S+)/.exec(output)?.[1] ?? '';
  const usernames: Record<string, string> = {};
  for (const match of output.matchAll(/^\s+(\S+)\s+(practitioner|team_manager|service_manager|analyst|admin)\s/gm)) {
    usernames[match[2]!] = match[1]!;
  }
  return { password, usernames };
}
