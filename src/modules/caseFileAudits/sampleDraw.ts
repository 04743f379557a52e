/**
 * @module Drawing an audit round's sample of open cases: reproducible from a stored seed (a seeded PRNG over cases
 * in a stable order), optionally stratified by team with proportional allocation and largest-remainder rounding.
 */
import { createRandom } from '../../platform/random/seededRandom.js';

export interface CaseToSample {
  caseId: string;
  team: string;
}

export interface SampleDraw<T extends CaseToSample> {
  /** The files drawn, in draw order (grouped by team when stratified). */
  drawn: T[];
  /** True when there were no more open cases than the sample size, so every one was taken. */
  tookAll: boolean;
  /** Files drawn from each team. */
  perTeam: { team: string; open: number; drawn: number }[];
}

/** Plain code-unit order, the same on every machine (no locale). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The first `count` items of a partial Fisher–Yates shuffle driven by `next` (a float in [0, 1)): at step i,
 * swap item i with item i + ⌊next() × (n − i)⌋.
 * @example shuffleTake(['a', 'b', 'c', 'd'], 2, sequence(0.5, 0)) // ['c', 'b']
 */
export function shuffleTake<T>(items: readonly T[], count: number, next: () => number): T[] {
  const pool = [...items];
  const take = Math.min(count, pool.length);
  for (let i = 0; i < take; i += 1) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take);
}

/**
 * How many of `size` each stratum gets, in proportion to its count: the whole parts first, then one more to the
 * largest remainders (ties to the stratum first in name order) until the total is `size`.
 * @example proportionalAllocation([{ key: 'A', count: 5 }, { key: 'B', count: 3 }, { key: 'C', count: 2 }], 4) // Map { A → 2, B → 1, C → 1 }
 */
export function proportionalAllocation(strata: readonly { key: string; count: number }[], size: number): Map<string, number> {
  const total = strata.reduce((sum, s) => sum + s.count, 0);
  const ordered = [...strata].sort((a, b) => byText(a.key, b.key));
  const allocation = new Map<string, number>();
  if (total === 0) return allocation;
  const target = Math.min(size, total);
  // Integer arithmetic: quota = target × count / total, as a whole part and a remainder over `total`.
  const parts = ordered.map((s) => ({ key: s.key, whole: Math.floor((target * s.count) / total), remainder: (target * s.count) % total }));
  for (const p of parts) allocation.set(p.key, p.whole);
  let left = target - parts.reduce((sum, p) => sum + p.whole, 0);
  for (const p of [...parts].sort((a, b) => b.remainder - a.remainder || byText(a.key, b.key))) {
    if (left === 0) break;
    allocation.set(p.key, p.whole + 1);
    left -= 1;
  }
  return allocation;
}

/**
 * Draw `size` of `cases` reproducibly from `seed`. Cases are first put in case id order, so the draw does not
 * depend on the order the database returned them. Stratified: each team's share is proportional to its open
 * cases (largest-remainder rounding), drawn team by team in name order from one seeded stream.
 * @example drawSample(cases, 120, 48213, true).drawn.length // 120, or every case when there are fewer
 */
export function drawSample<T extends CaseToSample>(cases: readonly T[], size: number, seed: number, stratified: boolean): SampleDraw<T> {
  const sorted = [...cases].sort((a, b) => byText(a.caseId, b.caseId));
  const random = createRandom(seed, 'case-file-audit-sample');
  const teams = [...new Set(sorted.map((c) => c.team))].sort(byText);
  const inTeam = (team: string) => sorted.filter((c) => c.team === team);
  let drawn: T[];
  if (!stratified) {
    drawn = shuffleTake(sorted, size, random.next);
  } else {
    const quotas = proportionalAllocation(teams.map((team) => ({ key: team, count: inTeam(team).length })), size);
    drawn = teams.flatMap((team) => shuffleTake(inTeam(team), quotas.get(team) ?? 0, random.next));
  }
  return {
    drawn,
    tookAll: sorted.length <= size,
    perTeam: teams.map((team) => ({ team, open: inTeam(team).length, drawn: drawn.filter((c) => c.team === team).length })),
  };
}
