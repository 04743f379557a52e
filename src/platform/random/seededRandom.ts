/** @module A seeded pseudo-random generator (sfc32) with the draws the demo needs, so the same seed always gives the same authority. */

/** Draws from one seeded stream. Nothing here reads the clock or `Math.random`. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number;
  /** A float from `min` (included) to `max` (excluded). */
  between(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A key of `weights`, drawn in proportion to its weight (keys with weight 0 never). */
  weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K;
  /** An index of `weights`, drawn in proportion to its weight. */
  weightedIndex(weights: readonly number[]): number;
  /** A Poisson-distributed count with the given mean. */
  poisson(mean: number): number;
}

/** Weight tables as arrays, kept per weights object (most are constants drawn from thousands of times). */
const tables = new WeakMap<object, { keys: string[]; values: number[] }>();

/** Mixes a string into 32 bits (FNV-1a), so each generator stage can have a stream of its own. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** splitmix32: spreads one 32-bit seed over the four words of sfc32's state. */
function splitmix(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A generator for one stage of the demo: `stream` names the stage, so changing one stage's draws
 * leaves every other stage's data as it was.
 * @example const random = createRandom(2021, 'children'); random.int(1, 6)
 */
export function createRandom(seed: number, stream: string): Random {
  const mix = splitmix((Math.trunc(seed) ^ hashString(stream)) >>> 0);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i += 1) next();

  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K {
      let table = tables.get(weights);
      if (!table) {
        const keys = Object.keys(weights);
        table = { keys, values: keys.map((key) => (weights as Record<string, number>)[key] ?? 0) };
        tables.set(weights, table);
      }
      return table.keys[random.weightedIndex(table.values)] as K;
    },
    weightedIndex(weights) {
      let total = 0;
      for (const weight of weights) total += weight > 0 ? weight : 0;
      if (total <= 0) throw new RangeError('every weight is zero');
      let remaining = next() * total;
      for (let i = 0; i < weights.length; i += 1) {
        const weight = weights[i]! > 0 ? weights[i]! : 0;
        if (remaining < weight) return i;
        remaining -= weight;
      }
      let last = weights.length - 1;
      while (!(weights[last]! > 0)) last -= 1;
      return last;
    },
    poisson(mean) {
      if (mean <= 0) return 0;
      if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(next)));
      const limit = Math.exp(-mean);
      let count = 0;
      let product = next();
      while (product > limit) {
        count += 1;
        product *= next();
      }
      return count;
    },
  };
  return random;
}

/** A standard normal draw (Box–Muller). */
function normal(next: () => number): number {
  const u = 1 - next();
  const v = next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
