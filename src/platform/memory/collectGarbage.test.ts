import { describe, expect, it } from 'vitest';
import { collectGarbage } from './collectGarbage.js';

/** A turn of the event loop: V8 keeps a WeakRef's target alive until the end of the job that made or read it. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('collectGarbage', () => {
  it('lets go of what nothing reaches any more, there and then', async () => {
    const letGo = new WeakRef({ rows: Array.from({ length: 10_000 }, (_, i) => `row ${i}`) });
    const held = { rows: ['still wanted'] };
    const stillHeld = new WeakRef(held);
    await nextTurn();
    collectGarbage();
    expect(letGo.deref()).toBeUndefined();
    expect(stillHeld.deref()).toBe(held);
  });

  it('can be asked again and again', async () => {
    for (let i = 0; i < 3; i++) {
      const letGo = new WeakRef({ round: i });
      await nextTurn();
      collectGarbage();
      expect(letGo.deref()).toBeUndefined();
    }
  });
});
