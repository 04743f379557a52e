import { describe, expect, it } from 'vitest';
import { questionKey } from './caseFileAudit.js';
import { readModerationCount, readRound } from './caseFileAuditForms.js';

describe('case file audit forms', () => {
  it('reads how many files to moderate as a number or a percentage of the graded files, rounded up', () => {
    expect(readModerationCount('12', 120)).toEqual({ count: 12 });
    expect(readModerationCount(' 10% ', 120)).toEqual({ count: 12 });
    // 10% of 15 is 1.5: rounded up to 2, so moderation never falls short of the share asked for.
    expect(readModerationCount('10%', 15)).toEqual({ count: 2 });
    expect(readModerationCount('', 120).error).toBe('Enter how many files to moderate, like 12, or a percentage, like 10%');
    expect(readModerationCount('ten', 120).error).toBe('Enter a whole number, like 12, or a percentage, like 10%');
    expect(readModerationCount('0', 120).error).toBe('Enter at least 1 file to moderate');
    expect(readModerationCount('150%', 120).error).toBe('The percentage must be between 1% and 100%');
  });

  it('refuses a period that ends before it starts, and a seed that is not a whole number', () => {
    const body = {
      name: 'Spring', rubricId: '1', sampleSize: '120', stratified: 'no', seed: '1.5',
      'periodStart-day': '1', 'periodStart-month': '4', 'periodStart-year': '2026', 'periodEnd-day': '31', 'periodEnd-month': '3', 'periodEnd-year': '2026',
    };
    expect(readRound(body).problems).toEqual({ seed: 'The seed must be a whole number, or leave it blank' });
    expect(readRound({ ...body, seed: '' }).problems).toEqual({ periodEnd: 'The end of the period must be on or after its start' });
    expect(readRound({ ...body, seed: '', 'periodStart-month': '1' }).data).toEqual({
      name: 'Spring', rubricId: 1, periodStart: '2026-01-01', periodEnd: '2026-03-31', sampleSize: 120, stratified: false, seed: undefined,
    });
  });

  it('keys a new question by its words', () => {
    expect(questionKey('Is the child’s plan reviewed?')).toBe('is_the_child_s_plan_reviewed');
    expect(questionKey('Café visits recorded')).toBe('cafe_visits_recorded');
    expect(questionKey('???')).toBe('question');
  });
});
