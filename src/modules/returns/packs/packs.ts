/** @module Every rule pack, and which one checks a collection year. */
import type { RulePack } from './rulePack.js';
import { pack2020to21 } from './pack2020-21.js';
import { pack2021to22 } from './pack2021-22.js';

/** Oldest first. A new year's pack is added here, made from the last one with `nextPack`. */
export const rulePacks: readonly RulePack[] = [pack2020to21, pack2021to22];

/**
 * The pack for a collection year: the year's own, or the latest one before it (a year with no changes has no pack
 * of its own); years before the first pack use the first.
 * @example packFor('2023-24').year // '2021-22'
 */
export function packFor(year: string): RulePack {
  return [...rulePacks].reverse().find((pack) => pack.year <= year) ?? rulePacks[0]!;
}
