import { describe, expect, it } from 'vitest';
import { copyText } from './copyText.js';

describe('copyText', () => {
  it('writes a row a line, tab-separated, with \\N for null and t/f for booleans', () => {
    expect(copyText([['C1', null, true, 700.5], ['C2', '', false, 0]])).toBe('C1\t\\N\tt\t700.5\nC2\t\tf\t0\n');
  });

  it('escapes backslashes, tabs and line breaks inside a value, so a value never ends its row early', () => {
    expect(copyText([['a\\b', 'c\td', 'e\nf\r']])).toBe('a\\\\b\tc\\td\te\\nf\\r\n');
  });
});
