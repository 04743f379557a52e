/** @module The shape of a `cairn` command, and what each is given to run with. */
import type { Readable, Writable } from 'node:stream';

export interface CommandIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Input for commands that read it (e.g. `cairn users add --password-stdin`); process.stdin when absent. */
  stdin?: Readable;
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
