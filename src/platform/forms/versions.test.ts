/** @module The three-way merge of a form saved against a newer version: each field settled on its own. */
import { describe, expect, it } from 'vitest';
import { mergedNotice, reconcile, startedFrom } from './versions.js';

const labels = { statement: 'Danger statement', goal: 'Safety goal' };
const started = { version: 3, values: { statement: 'Dad drinks', goal: 'Kids safe' } };
const posted = (values: Record<string, string>) => ({ ...values, ...startedFrom(started) });

describe('reconcile', () => {
  it('takes the form as posted when it was started from the current version', () => {
    expect(reconcile(posted({ statement: 'New', goal: 'Kids safe' }), labels, started)).toMatchObject({ outcome: 'current', values: { statement: 'New', goal: 'Kids safe' } });
  });

  it('keeps their change and mine when we changed different fields', () => {
    const theirs = { version: 4, values: { statement: 'Dad drinks', goal: 'Kids safe at night' } };
    const result = reconcile(posted({ statement: 'Dad drinks every weekend', goal: 'Kids safe' }), labels, theirs);
    expect(result).toEqual({ outcome: 'merged', values: expect.objectContaining({ statement: 'Dad drinks every weekend', goal: 'Kids safe at night' }), theirs: ['Safety goal'] });
  });

  it('shows both values when we both changed the same field differently, started afresh from theirs', () => {
    const theirs = { version: 5, values: { statement: 'Mum worries', goal: 'Kids safe' } };
    const result = reconcile(posted({ statement: 'Dad drinks at night', goal: 'Kids safe' }), labels, theirs);
    expect(result.outcome).toBe('clash');
    if (result.outcome !== 'clash') return;
    expect(result.clashes).toEqual([{ field: 'statement', label: 'Danger statement', mine: 'Dad drinks at night', theirs: 'Mum worries' }]);
    expect(result.values).toMatchObject({ statement: 'Dad drinks at night', _version: '5' });
    // Choosing theirs on the form shown again saves their value.
    const chosen = reconcile({ ...result.values, '_keep-statement': 'theirs' }, labels, theirs);
    expect(chosen).toMatchObject({ outcome: 'current', values: { statement: 'Mum worries' } });
    const mine = reconcile({ ...result.values, '_keep-statement': 'mine' }, labels, theirs);
    expect(mine).toMatchObject({ outcome: 'current', values: { statement: 'Dad drinks at night' } });
  });

  it('is no clash when both made the same change', () => {
    const theirs = { version: 4, values: { statement: 'Same', goal: 'Kids safe' } };
    expect(reconcile(posted({ statement: 'Same', goal: 'Kids safe' }), labels, theirs)).toMatchObject({ outcome: 'merged', theirs: [] });
  });

  it('says whose changes were kept', () => {
    expect(mergedNotice('Saved', ['Safety goal'])).toBe('Saved. Someone else changed Safety goal meanwhile: their change is kept too.');
    expect(mergedNotice('Saved', [])).toBe('Saved');
  });
});
