/** @module PLACEHOLDER for `cairn import` — being written. */
import type { Command } from '../command.js';

export const importCommand: Command = {
  name: 'import',
  summary: 'being written',
  usage: 'cairn import',
  async run() {
    return 1;
  },
};
