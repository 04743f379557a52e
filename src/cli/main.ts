/** @module The `cairn` command line: finds the command named and runs it. */
import type { Command, CommandIo } from './command.js';
import { UsageError } from './command.js';
import { ConfigError } from '../platform/config.js';
import { DataDirLockedError } from '../db/dataDirLock.js';
import { loadCommand, loadCommands } from './commands/index.js';

async function help(io: CommandIo): Promise<void> {
  io.stdout.write('Usage: cairn <command> [options]\n\nCommands:\n');
  for (const command of await loadCommands()) io.stdout.write(`  ${command.usage.padEnd(58)} ${command.summary}\n`);
}

/**
 * Run a command line and return the exit status.
 * @example await main(['import', './extract']) // 0 when imported, 1 when refused
 */
export async function main(argv: string[], io: CommandIo = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    await help(io);
    return name ? 0 : 2;
  }
  const command: Command | undefined = await loadCommand(name);
  if (!command) {
    io.stderr.write(`cairn: there is no command called "${name}". Run "cairn help" to see the commands.\n`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`cairn ${name}: ${error.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      io.stderr.write(`cairn ${name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
