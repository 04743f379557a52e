import { describe, expect, it } from 'vitest';
import { newSubmissionToken, sentFields, sentToken } from './submissionToken.js';

describe('a form’s submission token and what it sent', () => {
  it('draws a new token of the right shape each time, and reads back only one of that shape', () => {
    const [a, b] = [newSubmissionToken(), newSubmissionToken()];
    expect(a).not.toBe(b);
    expect(sentToken({ _submission: a })).toBe(a);
    expect(sentToken({ _submission: 'short' })).toBeUndefined();
    expect(sentToken({ _submission: [a, b] })).toBeUndefined();
    expect(sentToken(undefined)).toBeUndefined();
  });

  it('hashes the same fields alike whatever their order and tokens, and other words or bytes otherwise', () => {
    const sent = sentFields({ _csrf: 'x', _submission: 'y', title: 'Visit', day: '3' });
    expect(sentFields({ day: '3', title: 'Visit', _csrf: 'z' })).toBe(sent);
    expect(sentFields({ day: '3', title: 'Visit.' })).not.toBe(sent);
    expect(sentFields({ day: '3', title: 'Visit', more: '' })).not.toBe(sent);
    expect(sentFields({ ab: 'c' })).not.toBe(sentFields({ a: 'bc' }));
    expect(sentFields({ tick: ['a', 'b'] })).not.toBe(sentFields({ tick: ['b', 'a'] }));
    expect(sentFields({ picture: Buffer.from([1, 2]) })).not.toBe(sentFields({ picture: Buffer.from([1, 3]) }));
  });
});
