/**
 * @module The layering rule of ADR 0013, read from the code's own imports: the foundation (src/platform, src/db) at the
 * bottom importing no module; modules above it, importing the foundation and other modules' services and domain files
 * but never another module's repositories, routes, presenters or forms, and never in a cycle; the web application,
 * the command line and the composition root on top. Role names appear only in the access rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/platform/projectRoot.js';

const src = join(projectRoot, 'src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Which room a file is in: `platform` (with db), `module:<name>`, or the top (`app`, `cli`, `composition`, `importComposition`, `main`). */
function roomOf(file: string): string {
  const [first, second] = relative(src, file).split(sep);
  if (first === 'platform' || first === 'db') return 'platform';
  if (first === 'modules') return `module:${second}`;
  if (first === 'app' || first === 'cli') return first;
  return first!.replace(/\.ts$/, '');
}

interface Import { from: string; to: string }

const imports: Import[] = sourceFiles(src).flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => ({
    from: file,
    to: normalize(join(dirname(file), match[1]!.replace(/\.js$/, '.ts'))),
  }));
});

const show = (list: Import[]) => list.map((i) => `${relative(src, i.from)} → ${relative(src, i.to)}`);
const top = new Set(['app', 'cli', 'composition', 'importComposition', 'main']);

describe('the layers (ADR 0013)', () => {
  it('has a foundation that imports no module and nothing above it', () => {
    const upward = imports.filter((i) => roomOf(i.from) === 'platform' && roomOf(i.to) !== 'platform');
    expect(show(upward)).toEqual([]);
  });

  it('has modules that never import the web application, the command line or the composition root', () => {
    const upward = imports.filter((i) => roomOf(i.from).startsWith('module:') && top.has(roomOf(i.to)));
    expect(show(upward)).toEqual([]);
  });

  it('lets a module use another module only through its services and domain files, never its repositories, routes, presenters or forms', () => {
    const reaching = imports.filter((i) => {
      const [from, to] = [roomOf(i.from), roomOf(i.to)];
      return from.startsWith('module:') && to.startsWith('module:') && from !== to && /(Repository|Routes|Presenter|Forms?)\.ts$/.test(i.to);
    });
    expect(show(reaching)).toEqual([]);
  });

  it('has no cycle between modules', () => {
    const edges = new Map<string, Set<string>>();
    for (const i of imports) {
      const [from, to] = [roomOf(i.from), roomOf(i.to)];
      if (from !== to && from.startsWith('module:') && to.startsWith('module:')) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
    const cycles: string[] = [];
    const visit = (room: string, path: string[]) => {
      for (const next of edges.get(room) ?? []) {
        if (path.includes(next)) cycles.push([...path.slice(path.indexOf(next)), next].join(' → '));
        else if (path.length < 40) visit(next, [...path, next]);
      }
    };
    for (const room of edges.keys()) visit(room, [room]);
    expect([...new Set(cycles)]).toEqual([]);
  });

  it('names roles only in the access rules (and the demo, which makes one account per role)', () => {
    // 'admin' is also a staff group's code (training), so it counts only where a role is compared with it.
    const roleNames = /'(practitioner|team_manager|service_manager|analyst)'|role\s*[!=]==?\s*'\w+'/;
    const naming = sourceFiles(src)
      .filter((file) => !relative(src, file).startsWith(join('platform', 'access')) && !relative(src, file).startsWith(join('modules', 'demo')))
      .filter((file) => roleNames.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file));
    expect(naming).toEqual([]);
  });
});
