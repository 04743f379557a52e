/** @module The reference-list field kit (ADR 0029): current entries offered, the record's own value kept, others refused. */
import { describe, expect, it } from 'vitest';
import { listField, notOnList, type ListChoice } from './chooseFromList.js';

const clusters: ListChoice[] = [
  { value: 'Belmont', text: 'Belmont', retired: false },
  { value: 'Old Town', text: 'Old Town', retired: true },
];

describe('choosing from a reference list', () => {
  it('offers current entries only, with "none" first', () => {
    expect(listField(clusters, { id: 'schoolCluster', label: 'School cluster', value: '' }).items).toEqual([
      { value: '', text: 'Not recorded', selected: true },
      { value: 'Belmont', text: 'Belmont', selected: false },
    ]);
  });

  it('keeps a retired value, or one never on the list, that the record already holds', () => {
    expect(listField(clusters, { id: 'c', label: 'C', value: 'Old Town', kept: 'Old Town' }).items.map((item) => item.text)).toEqual(['Not recorded', 'Belmont', 'Old Town (retired)']);
    expect(listField(clusters, { id: 'c', label: 'C', value: 'Belmnot', kept: 'Belmnot' }).items.at(-1)).toEqual({ value: 'Belmnot', text: 'Belmnot (not on the list)', selected: true });
  });

  it('accepts a current entry, the kept value or nothing; refuses anything else in plain words', () => {
    expect(notOnList(clusters, 'Belmont', { label: 'school cluster' })).toBeUndefined();
    expect(notOnList(clusters, '', { label: 'school cluster' })).toBeUndefined();
    expect(notOnList(clusters, 'Old Town', { kept: 'Old Town', label: 'school cluster' })).toBeUndefined();
    expect(notOnList(clusters, 'Old Town', { label: 'school cluster' })).toBe('Select a school cluster from the list');
    expect(notOnList(clusters, 'belmont', { label: 'school cluster' })).toBe('Select a school cluster from the list');
    expect(notOnList(clusters, '', { label: 'school cluster', required: true })).toBe('Select a school cluster');
  });
});
