import { describe, expect, it } from 'vitest';
import { addDays, addYears, daysBetween } from '../../platform/dates/isoDates.js';
import { endProblems, latestReview, nextReviewDate, orderProblems, reviewProblems, reviewStatus, reviewsDue, type SupervisionOrder } from './supervisionOrder.js';

const order = (fields: Partial<SupervisionOrder> = {}): SupervisionOrder => ({
  orderId: 'SO-1', childId: 'C1', kind: 'cso_home', madeDate: '2024-05-10', measures: 'Supervision by the council', residence: null,
  hearingId: null, reviewDueDate: '2025-05-10', endedDate: null, endReason: null, reviews: [], version: 1, ...fields,
});

describe('supervision order date rules (hand-computed)', () => {
  it('one year after a day is the same day next year; after 29 February it is 28 February', () => {
    expect(addYears('2024-05-10', 1)).toBe('2025-05-10');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2023-02-28', 1)).toBe('2024-02-28');
    expect(addYears('2023-03-01', 1)).toBe('2024-03-01');
    expect(addYears('2024-12-31', 1)).toBe('2025-12-31');
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-25', 21)).toBe('2025-01-15');
    expect(daysBetween('2024-12-30', '2025-01-02')).toBe(3);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });

  it('an interim order’s 22 days begin with the day it was made, so its last day is 21 days later', () => {
    expect(latestReview('interim_cso', '2024-05-10')).toBe('2024-05-31');
    expect(latestReview('interim_cso', '2024-02-20')).toBe('2024-03-12');
    expect(latestReview('cso_away', '2024-02-29')).toBe('2025-02-28');
  });
});

describe('a new order', () => {
  it('accepts a review on the last day of the year and refuses the day after, naming the last day', () => {
    expect(orderProblems({ kind: 'cso_home', madeDate: '2024-02-29', reviewDueDate: '2025-02-28', residence: null })).toEqual({});
    expect(orderProblems({ kind: 'cso_home', madeDate: '2024-02-29', reviewDueDate: '2025-03-01', residence: null })).toEqual({
      reviewDueDate: 'An order lapses unless it is reviewed within a year of the day it was made: review it on or before 28 February 2025',
    });
  });

  it('limits an interim order to 22 days counting the day it was made', () => {
    expect(orderProblems({ kind: 'interim_cso', madeDate: '2024-05-10', reviewDueDate: '2024-05-31', residence: null })).toEqual({});
    expect(orderProblems({ kind: 'interim_cso', madeDate: '2024-05-10', reviewDueDate: '2024-06-01', residence: 'Kinship carers' })).toEqual({
      reviewDueDate: 'An interim order lasts at most 22 days, counting the day it was made: the next hearing must be on or before 31 May 2024',
    });
  });

  it('needs a review after the day it was made, where the child must live for an order away from home, none for one at home, and the hearing’s date', () => {
    expect(orderProblems({ kind: 'cso_away', madeDate: '2024-05-10', reviewDueDate: '2024-05-10', residence: null, hearingDate: '2024-05-09' })).toEqual({
      madeDate: 'The order was made at the hearing on 9 May 2024: enter that date',
      reviewDueDate: 'The review must be due after the day the order was made',
      residence: 'Enter where the order says the child must live',
    });
    expect(orderProblems({ kind: 'cso_home', madeDate: '2024-05-10', reviewDueDate: '2024-11-10', residence: 'With grandparents' })).toEqual({
      residence: 'An order at home has no residence condition: leave this empty or choose the order with a residence condition',
    });
  });
});

describe('a review hearing', () => {
  it('continues an order for up to a year from the review, not from when it was made', () => {
    const made = order({ madeDate: '2023-02-28', reviewDueDate: '2024-02-28' });
    expect(reviewProblems(made, { reviewDate: '2024-02-29', outcome: 'continued', nextReviewDate: '2025-02-28', measures: null })).toEqual({});
    expect(reviewProblems(made, { reviewDate: '2024-02-29', outcome: 'continued', nextReviewDate: '2025-03-01', measures: null })).toEqual({
      nextReviewDate: 'An order lapses unless it is reviewed within a year of the day it was reviewed: review it on or before 28 February 2025',
    });
  });

  it('must come after the last review, needs a next date unless terminated, and a variation says what changed', () => {
    const reviewed = order({ reviews: [{ reviewId: 'R1', reviewDate: '2024-11-01', outcome: 'continued', nextReviewDate: '2025-10-01', measures: null, hearingId: null }] });
    expect(reviewProblems(reviewed, { reviewDate: '2024-11-01', outcome: 'varied', nextReviewDate: null, measures: null })).toEqual({
      reviewDate: 'The review must be after the last review (1 November 2024)',
      nextReviewDate: 'Enter the date the order must next be reviewed by',
      measures: 'Enter the measures and conditions as varied',
    });
    expect(reviewProblems(reviewed, { reviewDate: '2025-01-10', outcome: 'terminated', nextReviewDate: '2025-06-01', measures: null })).toEqual({
      nextReviewDate: 'A terminated order has no next review: leave this empty',
    });
    expect(reviewProblems(reviewed, { reviewDate: '2025-01-10', outcome: 'terminated', nextReviewDate: null, measures: null })).toEqual({});
    expect(nextReviewDate(reviewed)).toBe('2025-10-01');
    expect(nextReviewDate(order())).toBe('2025-05-10');
  });

  it('renews an interim order for at most 22 more days and refuses a review of an ended order', () => {
    const interim = order({ kind: 'interim_cso', madeDate: '2024-05-10', reviewDueDate: '2024-05-31' });
    expect(reviewProblems(interim, { reviewDate: '2024-05-31', outcome: 'continued', nextReviewDate: '2024-06-21', measures: null })).toEqual({});
    expect(reviewProblems(interim, { reviewDate: '2024-05-31', outcome: 'continued', nextReviewDate: '2024-06-22', measures: null })).toEqual({
      nextReviewDate: 'An interim order lasts at most 22 days, counting the day it was reviewed: the next hearing must be on or before 21 June 2024',
    });
    expect(reviewProblems(order({ endedDate: '2024-09-01', endReason: 'turned_18' }), { reviewDate: '2024-10-01', outcome: 'continued', nextReviewDate: '2025-01-01', measures: null }))
      .toEqual({ reviewDate: 'This order ended on 1 September 2024' });
  });
});

describe('ending an order and the reviews due list', () => {
  it('ends on or after the day it was made', () => {
    expect(endProblems(order(), { endedDate: '2024-05-09' })).toEqual({ endedDate: 'The order must end on or after the day it was made (10 May 2024)' });
    expect(endProblems(order(), { endedDate: '2024-05-10' })).toEqual({});
  });

  it('lists reviews overdue or due within 28 days, soonest first, and says how they stand', () => {
    const due = reviewsDue([
      { orderId: 'later', nextReviewDate: '2024-06-30' },
      { orderId: 'edge', nextReviewDate: '2024-06-29' },
      { orderId: 'overdue', nextReviewDate: '2024-05-29' },
      { orderId: 'today', nextReviewDate: '2024-06-01' },
    ], '2024-06-01');
    expect(due.map((o) => o.orderId)).toEqual(['overdue', 'today', 'edge']);
    expect(reviewStatus('2024-05-29', '2024-06-01')).toBe('Overdue by 3 days');
    expect(reviewStatus('2024-05-31', '2024-06-01')).toBe('Overdue by 1 day');
    expect(reviewStatus('2024-06-01', '2024-06-01')).toBe('Due today');
    expect(reviewStatus('2024-06-29', '2024-06-01')).toBe('Due in 28 days');
  });
});
