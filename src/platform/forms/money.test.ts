import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { optionalMoney, readMoney, requiredMoney } from './money.js';

describe('money typed into a form', () => {
  it('accepts pounds as people write them', () => {
    expect(readMoney('4,200.50')).toEqual({ amount: 4200.5 });
    expect(readMoney('£4,200.50')).toEqual({ amount: 4200.5 });
    expect(readMoney(' £ 850 ')).toEqual({ amount: 850 });
    expect(readMoney('1068.38')).toEqual({ amount: 1068.38 });
    expect(readMoney('')).toEqual({ amount: null });
  });

  it('refuses what is not an amount of pounds and pence, saying how to write one', () => {
    for (const typed of ['12.345', '4,20.50', '£-5', 'ten pounds', '1,2345', '£']) {
      expect(readMoney(typed, 'Weekly cost').error, typed).toMatch(/^Weekly cost must be an amount in pounds and pence/);
    }
    expect(readMoney('99999999', 'Weekly cost').error).toBe('Weekly cost must be £9,999,999.99 or less');
  });

  it('gives zod fields that report the problem against the field', () => {
    const form = z.object({ weeklyCost: optionalMoney('Weekly cost'), weeklyRate: requiredMoney('Weekly rate') });
    expect(form.parse({ weeklyCost: '', weeklyRate: '£3,850.50' })).toEqual({ weeklyCost: null, weeklyRate: 3850.5 });
    const refused = form.safeParse({ weeklyCost: 'x', weeklyRate: '' });
    expect(refused.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ['weeklyCost', 'Weekly cost must be an amount in pounds and pence, like 850 or £1,068.38'],
      ['weeklyRate', 'Enter the weekly rate'],
    ]);
  });
});
