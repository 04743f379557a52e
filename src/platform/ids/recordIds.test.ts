import { describe, expect, it } from 'vitest';
import { newRecordId, nextNumberedId, shortCode } from './recordIds.js';

describe('record ids', () => {
  it('are a prefix and eight readable characters, never the same twice', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newRecordId('REF')));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(/^REF-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(shortCode(4)).toHaveLength(4);
    expect(() => newRecordId('ref-')).toThrow();
  });

  it('continue the numbered style already in use, or start one', () => {
    expect(nextNumberedId({ prefix: 'C', digits: 6, highest: 12987 })).toBe('C012988');
    expect(nextNumberedId({ prefix: 'CH', digits: 3, highest: 999 })).toBe('CH1000');
    expect(nextNumberedId(undefined)).toBe('C000001');
  });
});
