/** @module `cairn migrate`: apply pending database migrations, as the tables' owner when DATABASE_OWNER_URL is set (ADR 0042). */
import type { Command } from '../command.js';
import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../db/openDatabase.js';
import { migrate } from '../../db/migrate.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply any database migrations not yet applied',
  usage: 'cairn migrate',
  async run(_args, io) {
    const config = loadConfig(io.env);
    const db = await openDatabase({ ...config, databaseUrl: config.databaseOwnerUrl ?? config.databaseUrl });
    try {
      const applied = await migrate(db);
      io.stdout.write(applied.length ? `Applied ${applied.join(', ')}\n` : 'The database is up to date\n');
      return 0;
    } finally {
      await db.close();
    }
  },
};
