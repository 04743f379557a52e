import { describe, expect, it } from 'vitest';
import { readGroupDecision } from './referralGroup.js';
import { referralStage } from './referral.js';

const shown = { 'child1-ref': 'REF-A', 'child1-version': '1', 'child2-ref': 'REF-B', 'child2-version': '3' };
const decided = { 'decided-day': '3', 'decided-month': '3', 'decided-year': '2022' };

describe('reading the sibling group form', () => {
  it('applies the group’s pathway, reason and worker to every child not excepted, and the child’s own where excepted', () => {
    const read = readGroupDecision({
      ...shown, ...decided, pathway: 'family_first', decisionReason: 'Early help', workerId: 'W1', 'opened-day': '4', 'opened-month': '3', 'opened-year': '2022',
      'child2-except': 'yes', 'child2-pathway': 'signposted', 'child2-decisionReason': '',
    }, 2, '2022-03-10');
    expect(read.errors).toEqual({});
    expect(read.decision).toEqual({
      screeningNotes: null, decidedDate: '2022-03-03', openedDate: '2022-03-04',
      children: [
        { referralId: 'REF-A', version: 1, pathway: 'family_first', reason: 'Early help', workerId: 'W1' },
        { referralId: 'REF-B', version: 3, pathway: 'signposted', reason: 'Early help', workerId: null },
      ],
    });
  });

  it('needs the group’s pathway unless every child is excepted, an excepted child’s own pathway, and an opening date to allocate', () => {
    expect(readGroupDecision({ ...shown, ...decided, decisionReason: 'x' }, 2, '2022-03-10').errors).toEqual({ pathway: 'Select a pathway for the group' });
    const everyone = readGroupDecision({ ...shown, ...decided, 'child1-except': 'yes', 'child1-pathway': 'no_further_action', 'child1-decisionReason': 'Known', 'child2-except': 'yes', 'child2-decisionReason': 'Known' }, 2, '2022-03-10');
    expect(everyone.errors).toEqual({ 'child2-pathway': 'Select a pathway for this child' });
    const noDate = readGroupDecision({ ...shown, ...decided, pathway: 'family_first', decisionReason: 'x', workerId: 'W1' }, 2, '2022-03-10');
    expect(Object.keys(noDate.errors)).toEqual(['opened-day']);
    expect(readGroupDecision({ ...decided, pathway: 'signposted', decisionReason: 'x' }, 1, '2022-03-10').errors).toEqual({ 'child1-except': 'This form is out of date: open the group again' });
  });

  it('a withdrawn referral is in no other stage', () => {
    expect(referralStage({ screenedAt: null, pathway: 'signposted', caseId: null, caseClosedDate: null, withdrawnAt: new Date() })).toBe('withdrawn');
  });
});
