/** @module Every `cairn` command, in the order `cairn help` lists them. */
import type { Command } from '../command.js';
import { migrateCommand } from './migrate.js';
import { importCommand } from './import.js';
import { demoCommand } from './demo.js';
import { usersCommand } from './users.js';
import { statsCommand } from './stats.js';
import { reportCommand } from './report.js';

export const commands: Command[] = [migrateCommand, importCommand, demoCommand, usersCommand, statsCommand, reportCommand];
