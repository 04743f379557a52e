/** @module PLACEHOLDER for `cairn users` — being written. */
import type { Command } from '../command.js';

export const usersCommand: Command = {
  name: 'users',
  summary: 'being written',
  usage: 'cairn users',
  async run() {
    return 1;
  },
};
