import { describe, expect, it } from 'vitest';
import { compareContents, mapElements, type MapContent } from './safetyMap.js';
import { pictureType } from './childVoice.js';

const empty: MapContent = { title: 'Map', items: [], pairs: [], network: [], rules: [] };
const full: MapContent = {
  title: 'Map',
  items: (['harm', 'complicating_factor', 'existing_strength', 'existing_safety', 'next_step'] as const).map((category, n) => ({ itemId: `i${n}`, category, words: category, saidBy: 'Mum', saidOn: '2026-01-01' })),
  pairs: [{ pairId: 'p1', dangerStatement: 'Worry', safetyGoal: 'Goal', saidBy: 'Worker', saidOn: '2026-01-01' }],
  network: [{ memberId: 'm1', name: 'Gran', relationship: 'Gran', agreedToDo: 'Visit' }],
  rules: [{ ruleId: 'r1', rule: 'Rule', whoDoesWhat: 'Gran', ifBroken: 'Call' }],
};

describe('map elements for audit', () => {
  it('reports every mandatory element of a complete map as present', () => {
    expect(mapElements(full, { scoredPairIds: ['p1'], childVoiceCount: 1 }).filter((e) => !e.present)).toEqual([]);
  });
  it('reports what an empty map is missing, and scaling as missing while any pair has no number', () => {
    expect(mapElements(empty, { scoredPairIds: [], childVoiceCount: 0 }).every((e) => !e.present)).toBe(true);
    const twoPairs = { ...full, pairs: [...full.pairs, { ...full.pairs[0]!, pairId: 'p2' }] };
    expect(mapElements(twoPairs, { scoredPairIds: ['p1'], childVoiceCount: 1 }).filter((e) => !e.present).map((e) => e.element)).toEqual(['safety_scaling']);
  });
});

describe('comparing versions', () => {
  it('lists additions, removals and changes by section', () => {
    const after: MapContent = { ...full, title: 'Renamed', rules: [{ ...full.rules[0]!, rule: 'New wording' }], network: [] };
    expect(compareContents(full, after)).toEqual([
      { section: 'Title', kind: 'changed', before: 'Map', after: 'Renamed' },
      { section: 'Safety network', kind: 'removed', before: 'Gran (Gran): Visit' },
      { section: 'Safety plan rules', kind: 'changed', before: 'Rule — Who does what: Gran — If broken: Call', after: 'New wording — Who does what: Gran — If broken: Call' },
    ]);
  });
});

describe('drawing types', () => {
  it('tells PNG and JPEG by their bytes and nothing else', () => {
    expect(pictureType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(pictureType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(pictureType(Buffer.from('GIF89a'))).toBeUndefined();
    expect(pictureType(Buffer.from('<svg/>'))).toBeUndefined();
  });
});
