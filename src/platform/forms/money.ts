/** @module Amounts of money typed into a form: pounds and pence, as people write them (`£4,200.50`, `4200.5`, `850`). */
import { moneyOf } from '../dates/formats.js';
import { z } from 'zod';

/**
 * Pounds from what was typed: a leading £ and thousands commas are allowed, at most two decimals.
 * @example readMoney('£4,200.50') // { amount: 4200.5 }
 * @example readMoney('') // { amount: null }
 * @example readMoney('12.345', 'Weekly cost') // { error: 'Weekly cost must be an amount in pounds and pence, like 850 or £1,068.38' }
 */
export function readMoney(typed: string | undefined, label = 'Amount', max = 9_999_999.99): { amount?: number | null; error?: string } {
  const trimmed = (typed ?? '').trim();
  if (trimmed === '') return { amount: null };
  const text = trimmed.replace(/^£\s*/, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(text)) return { error: `${label} must be an amount in pounds and pence, like 850 or £1,068.38` };
  const amount = Number(text.replace(/,/g, ''));
  if (amount > max) return { error: `${label} must be ${moneyOf(max)} or less` };
  return { amount };
}

/**
 * A form field for an optional amount of money: `null` when left empty.
 * @example z.object({ weeklyCost: optionalMoney('Weekly cost') }).parse({ weeklyCost: '£1,068.38' }) // { weeklyCost: 1068.38 }
 */
export const optionalMoney = (label: string) =>
  z.string().transform((typed, context): number | null => {
    const read = readMoney(typed, label);
    if (read.error) {
      context.addIssue({ code: 'custom', message: read.error });
      return z.NEVER;
    }
    return read.amount ?? null;
  });

/**
 * A form field for a required amount of money.
 * @example z.object({ weeklyRate: requiredMoney('Weekly rate') }).safeParse({ weeklyRate: '' }).success // false: 'Enter the weekly rate'
 */
export const requiredMoney = (label: string) =>
  optionalMoney(label).transform((amount, context): number => {
    if (amount === null) {
      context.addIssue({ code: 'custom', message: `Enter the ${label.toLowerCase()}` });
      return z.NEVER;
    }
    return amount;
  });
