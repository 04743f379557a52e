/**
 * @module How a running Cairn lets the `cairn` command in: on PGlite a second process may not open the data
 * folder, so the server writes `<data>/cairn.cli.json` (its address and a random token, readable by its owner
 * only) and the command sends its work to the server instead (ADR 0017).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the server leaves for the command line. */
export interface CliHandoff {
  /** The server's process, which holds the data folder's lock. */
  pid: number;
  /** Where it listens, on the loopback interface. */
  url: string;
  token: string;
}

const fileName = 'cairn.cli.json';

/**
 * 32 random bytes, base64url: the secret a command shows to the server.
 * @example const token = newCliToken()
 */
export function newCliToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Whether `given` is `expected`, in time that does not depend on where they differ (both are hashed first, so
 * their lengths do not show either).
 * @example sameToken(request.headers.authorization?.slice(7), token)
 */
export function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Whether a request came from this machine's loopback interface (IPv4 127.0.0.0/8, IPv6 ::1, or IPv4 on an IPv6 socket).
 * @example isLoopback('::ffff:127.0.0.1') // true
 */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const ipv4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return ipv4.startsWith('127.') || address === '::1';
}

/**
 * Write the handoff for a server listening at `url`: to a new file, readable and writable by its owner only,
 * then renamed into place, so a command never reads half of one. Returns a function that takes it back.
 * @example const withdraw = publishCliHandoff('./data', { pid: process.pid, url, token })
 */
export function publishCliHandoff(dataDir: string, handoff: CliHandoff): () => void {
  const file = join(dataDir, fileName);
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, JSON.stringify(handoff), { mode: 0o600 });
  chmodSync(partial, 0o600); // whatever the umask, and whoever made the file
  renameSync(partial, file);
  return () => {
    try {
      if (readCliHandoff(dataDir)?.pid === handoff.pid) rmSync(file);
    } catch {
      // already gone
    }
  };
}

/**
 * The handoff in `dataDir`, or undefined when there is none (or it cannot be read).
 * @example readCliHandoff('./data')?.url // 'http://127.0.0.1:3000'
 */
export function readCliHandoff(dataDir: string): CliHandoff | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, fileName), 'utf8')) as Partial<CliHandoff>;
    if (typeof parsed.pid !== 'number' || typeof parsed.url !== 'string' || typeof parsed.token !== 'string') return undefined;
    return { pid: parsed.pid, url: parsed.url, token: parsed.token };
  } catch {
    return undefined;
  }
}
