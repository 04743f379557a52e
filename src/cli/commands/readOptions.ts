/** @module Reads a command's options: flags that stand alone, and options that take a value (`--year 2021-22` or `--year=2021-22`). */
import { UsageError } from '../command.js';

/**
 * The flags and values given; throws `UsageError` on an unknown option, a missing value or an option given twice.
 * @example readOptions(['--json', '--year', '2021-22'], { flags: ['--json'], values: ['--year'] })
 */
export function readOptions(args: readonly string[], known: { flags: readonly string[]; values: readonly string[] }): { flags: Set<string>; values: Map<string, string> } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (known.flags.includes(arg)) {
      flags.add(arg);
      continue;
    }
    const [option, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!known.values.includes(option)) throw new UsageError(`unknown option ${arg}`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError(`${option} needs a value`);
    if (values.has(option)) throw new UsageError(`${option} is given twice`);
    values.set(option, value);
  }
  return { flags, values };
}
