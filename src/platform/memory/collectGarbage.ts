/**
 * @module Asks V8 to collect its garbage now. For a command that holds a large extract and exits (`cairn import`):
 * V8 grows its heap rather than collect while a long piece of work allocates quickly, and a process's peak memory
 * counts the garbage it has not yet collected (issue 15 item 5, ADR 0073). Never for the server, where a full
 * collection would hold up every request.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * Collect every object no longer reachable, and give the emptied heap pages back to the operating system.
 * The first call exposes V8's `gc` to a new context (`--expose-gc`, as Jest does for its heap figures).
 * @example collectGarbage() // between one file's rows written and the next's
 */
export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
