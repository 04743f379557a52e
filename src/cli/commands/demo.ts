/** @module PLACEHOLDER for `cairn demo` — being written. */
import type { Command } from '../command.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'being written',
  usage: 'cairn demo',
  async run() {
    return 1;
  },
};
