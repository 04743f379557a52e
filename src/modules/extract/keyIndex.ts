/**
 * @module Which row of a file holds each id, without holding the ids again (ADR 0065): a hash table of row numbers,
 * each id read back from its packed row when a look-up lands on it. A Map from id to line held every id of a large
 * extract a second time, about 30 MB for 567,089 rows; this holds two numbers a slot, about 5 MB.
 */

/** FNV-1a over the id's UTF-16 code units: quick, and spread well enough for ids that differ in a digit or two. */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < id.length; at++) hash = Math.imul(hash ^ id.charCodeAt(at), 0x01000193);
  return hash | 0;
}

/**
 * Ids of rows, each found again by its row number. `idOf(row)` must answer the id `add` was given for that row.
 * @example
 * const index = new KeyIndex((row) => ids[row]!)
 * index.add('C1', 0) // -1: new
 * index.add('C1', 5) // 0: already row 0's
 */
export class KeyIndex {
  /** Row number + 1 in each slot, 0 for an empty one; open addressing, probed one slot on at a time. */
  private rows = new Int32Array(1024);
  /** Each slot's id hash, so that growing never reads an id back. */
  private hashes = new Int32Array(1024);
  private count = 0;

  constructor(private readonly idOf: (row: number) => string) {}

  get size(): number {
    return this.count;
  }

  /** The row holding `id`, or -1. */
  find(id: string): number {
    const hash = hashOf(id);
    const mask = this.rows.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.rows[slot]!;
      if (held === 0) return -1;
      if (this.hashes[slot] === hash && this.idOf(held - 1) === id) return held - 1;
    }
  }

  has(id: string): boolean {
    return this.find(id) !== -1;
  }

  /** Add `id` as row `row`'s, unless a row already holds it: then that row, and nothing is added. Else -1. */
  add(id: string, row: number): number {
    const earlier = this.find(id);
    if (earlier !== -1) return earlier;
    if ((this.count + 1) * 2 > this.rows.length) this.grow();
    this.place(hashOf(id), row + 1);
    this.count++;
    return -1;
  }

  private place(hash: number, held: number): void {
    const mask = this.rows.length - 1;
    let slot = hash & mask;
    while (this.rows[slot] !== 0) slot = (slot + 1) & mask;
    this.rows[slot] = held;
    this.hashes[slot] = hash;
  }

  private grow(): void {
    const { rows, hashes } = this;
    this.rows = new Int32Array(rows.length * 2);
    this.hashes = new Int32Array(rows.length * 2);
    for (let slot = 0; slot < rows.length; slot++) if (rows[slot] !== 0) this.place(hashes[slot]!, rows[slot]!);
  }
}
