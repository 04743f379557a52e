/**
 * @module Every `cairn` command, in the order `cairn help` lists them, each loaded only when it runs: `cairn stats`
 * should not pay for loading the web app, the report renderers and every module's services before it starts.
 */
import type { Command } from '../command.js';

export const commandNames = ['migrate', 'import', 'demo', 'users', 'stats', 'report', 'returns', 'audit', 'backup', 'restore'] as const;

const loaders: Record<(typeof commandNames)[number], () => Promise<Command>> = {
  migrate: async () => (await import('./migrate.js')).migrateCommand,
  import: async () => (await import('./import.js')).importCommand,
  demo: async () => (await import('./demo.js')).demoCommand,
  users: async () => (await import('./users.js')).usersCommand,
  stats: async () => (await import('./stats.js')).statsCommand,
  report: async () => (await import('./report.js')).reportCommand,
  returns: async () => (await import('./returns.js')).returnsCommand,
  audit: async () => (await import('./audit.js')).auditCommand,
  backup: async () => (await import('./backup.js')).backupCommand,
  restore: async () => (await import('./restore.js')).restoreCommand,
};

/**
 * The command called `name`, or undefined when there is none.
 * @example await loadCommand('stats')
 */
export async function loadCommand(name: string): Promise<Command | undefined> {
  return (commandNames as readonly string[]).includes(name) ? loaders[name as (typeof commandNames)[number]]() : undefined;
}

/** Every command, for `cairn help`. */
export async function loadCommands(): Promise<Command[]> {
  return Promise.all(commandNames.map((name) => loaders[name]()));
}
