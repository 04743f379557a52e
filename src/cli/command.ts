/** @module The shape of a `cairn` command, and what each is given to run with. */
import type { Writable } from 'node:stream';

export interface CommandIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  /** One line for `cairn help`. */
  summary: string;
  usage: string;
  /** Returns the process exit status. */
  run(args: string[], io: CommandIo): Promise<number>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}
