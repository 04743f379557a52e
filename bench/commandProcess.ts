/**
 * @module A `cairn` command as its own process, run as bin/cairn.js runs it, that then writes its exit status, time and
 * the process's peak resident memory as JSON on the last line of stderr: for bench/scale.ts, which measures the whole
 * `cairn import` command (the import, then the returns check and the figures kept) as an analyst runs it.
 *
 *     node dist/bench/commandProcess.js import FOLDER
 */
import { main } from '../src/cli/main.js';

const started = performance.now();
const status = await main(process.argv.slice(2));
// maxRSS is in kilobytes: the most this process ever held, from its start to here.
const measured = { status, milliseconds: Math.round(performance.now() - started), peakMemoryMb: Math.round(process.resourceUsage().maxRSS / 1024) };
process.stderr.write(`\n${JSON.stringify(measured)}\n`);
process.exitCode = status;
