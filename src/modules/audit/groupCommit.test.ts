/** @module The group commit: batching of events that arrive while a batch is written, and a refusal kept to its own event. */
import { describe, expect, it } from 'vitest';
import { groupCommit } from './groupCommit.js';

describe('a group commit of audit events', () => {
  it('writes the first at once and those arriving meanwhile together, in order, each caller answered once written', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const append = groupCommit<number>(async (items) => {
      batches.push([...items]);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = append(1);
    const later = [append(2), append(3), append(4)];
    expect(batches).toEqual([[1]]);
    release();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('refuses only the event that was refused, trying the others of its batch again on their own', async () => {
    const written: number[] = [];
    let release: () => void = () => undefined;
    let calls = 0;
    const append = groupCommit<number>(async (items) => {
      calls += 1;
      if (calls === 1) await new Promise<void>((resolve) => (release = resolve));
      if (items.includes(3)) throw new Error('refused');
      written.push(...items);
    });
    const first = append(1);
    const outcomes = Promise.allSettled([append(2), append(3), append(4)]);
    release();
    await first;
    expect((await outcomes).map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(written).toEqual([1, 2, 4]);
  });
});
