import { describe, expect, it } from 'vitest';
import { drawSample, proportionalAllocation, shuffleTake } from './sampleDraw.js';

/** A `next` that returns the given numbers in turn. */
const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++]!;
};

const cases = (team: string, count: number, from = 1) => Array.from({ length: count }, (_, i) => ({ caseId: `${team}${String(from + i).padStart(3, '0')}`, team }));

describe('drawing an audit sample', () => {
  it('takes a partial Fisher–Yates shuffle, worked by hand', () => {
    // [a, b, c, d]: i = 0, j = 0 + ⌊0.5 × 4⌋ = 2 → swap a and c → [c, b, a, d];
    // i = 1, j = 1 + ⌊0 × 3⌋ = 1 → no swap; i = 2, j = 2 + ⌊0.99 × 2⌋ = 3 → [c, b, d, a]. The first three: c, b, d.
    expect(shuffleTake(['a', 'b', 'c', 'd'], 3, sequence(0.5, 0, 0.99))).toEqual(['c', 'b', 'd']);
    expect(shuffleTake(['a', 'b'], 5, sequence(0.9, 0))).toEqual(['b', 'a']);
  });

  it('allocates a stratified sample in proportion, largest remainders first, worked by hand', () => {
    // 10 open cases: A 5, B 3, C 2; a sample of 4. Quotas 2.0, 1.2, 0.8 → whole parts 2, 1, 0 (3 of 4);
    // remainders 0, 0.2, 0.8 → the one left goes to C. A 2, B 1, C 1.
    expect(proportionalAllocation([{ key: 'B', count: 3 }, { key: 'A', count: 5 }, { key: 'C', count: 2 }], 4)).toEqual(new Map([['A', 2], ['B', 1], ['C', 1]]));
    // 3 teams of 1 and a sample of 2: quotas ⅔ each, remainders tie → to the first in name order (A, B).
    expect(proportionalAllocation([{ key: 'C', count: 1 }, { key: 'B', count: 1 }, { key: 'A', count: 1 }], 2)).toEqual(new Map([['A', 1], ['B', 1], ['C', 0]]));
    // 120 from 300 (North 150, South 90, East 60): exactly 60, 36, 24.
    expect(proportionalAllocation([{ key: 'North', count: 150 }, { key: 'South', count: 90 }, { key: 'East', count: 60 }], 120)).toEqual(new Map([['East', 24], ['North', 60], ['South', 36]]));
  });

  it('draws the same files from the same seed whatever order the cases come in, and different files from another seed', () => {
    const open = [...cases('North', 150), ...cases('South', 90), ...cases('East', 60)];
    const first = drawSample(open, 120, 20260401, false);
    const again = drawSample([...open].reverse(), 120, 20260401, false);
    const other = drawSample(open, 120, 7, false);
    expect(first.drawn).toHaveLength(120);
    expect(new Set(first.drawn.map((c) => c.caseId)).size).toBe(120);
    expect(again.drawn.map((c) => c.caseId)).toEqual(first.drawn.map((c) => c.caseId));
    expect(other.drawn.map((c) => c.caseId)).not.toEqual(first.drawn.map((c) => c.caseId));
    expect(first.tookAll).toBe(false);
  });

  it('stratified by team, draws each team’s proportional share', () => {
    const open = [...cases('North', 150), ...cases('South', 90), ...cases('East', 60)];
    const draw = drawSample(open, 120, 99, true);
    expect(draw.perTeam).toEqual([{ team: 'East', open: 60, drawn: 24 }, { team: 'North', open: 150, drawn: 60 }, { team: 'South', open: 90, drawn: 36 }]);
    expect(draw.drawn.map((c) => c.caseId)).toEqual(drawSample([...open].reverse(), 120, 99, true).drawn.map((c) => c.caseId));
  });

  it('takes every open case, and says so, when there are no more than the sample size', () => {
    const open = cases('North', 7);
    const draw = drawSample(open, 120, 1, true);
    expect(draw.tookAll).toBe(true);
    expect(draw.drawn.map((c) => c.caseId).sort()).toEqual(open.map((c) => c.caseId));
    expect(drawSample(open, 7, 1, false).tookAll).toBe(true);
    expect(drawSample(open, 6, 1, false).tookAll).toBe(false);
  });
});

describe('a fixed audit sample (ADR 0011: a round is kept as its seed, so its draw must never change)', () => {
  const cases = Array.from({ length: 40 }, (_, i) => ({ caseId: `K${String(i + 1).padStart(2, '0')}`, team: i % 3 === 0 ? 'Duty' : 'Family First' }));

  it('draws exactly the same files from a fixed seed, stratified by team', () => {
    const draw = drawSample(cases, 8, 20221031, true);
    expect(draw.drawn.map((c) => c.caseId)).toEqual(['K34', 'K22', 'K19', 'K33', 'K14', 'K03', 'K20', 'K24']);
    expect(draw.perTeam).toEqual([{ team: 'Duty', open: 14, drawn: 3 }, { team: 'Family First', open: 26, drawn: 5 }]);
  });

  it('draws exactly the same files from a fixed seed without strata, whatever order the cases arrive in', () => {
    const expected = ['K33', 'K22', 'K15', 'K34', 'K03', 'K05', 'K21', 'K25'];
    expect(drawSample(cases, 8, 20221031, false).drawn.map((c) => c.caseId)).toEqual(expected);
    expect(drawSample([...cases].reverse(), 8, 20221031, false).drawn.map((c) => c.caseId)).toEqual(expected);
  });
});
