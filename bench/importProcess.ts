/**
 * @module One import as its own process, as `cairn import` runs it (same settings: DATABASE_URL or CAIRN_DATA_DIR; the importer alone, withImporter),
 * printing the rows, the import's own time and the process's peak resident memory as JSON, for bench/scale.ts.
 *
 *     node dist/bench/importProcess.js FOLDER
 */
import { withImporter } from '../src/cli/openServices.js';

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: node dist/bench/importProcess.js FOLDER\n');
  process.exit(2);
}
withImporter(process.env, async (importer) => {
  const outcome = await importer.extractImport.importFolder({ kind: 'system', name: 'bench' }, folder);
  if (!outcome.ok) throw new Error(`refused: ${outcome.problems.slice(0, 3).map((p) => `${p.file}:${p.line}: ${p.column}: ${p.message}`).join('; ')}`);
  return outcome;
})
  .then((outcome) => {
    // maxRSS is in kilobytes: the most this process ever held, reading, checking and writing included.
    process.stdout.write(`${JSON.stringify({ rows: outcome.rows, milliseconds: outcome.milliseconds, peakMemoryMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
