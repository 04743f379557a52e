import { describe, expect, it } from 'vitest';
import { demoTimeline, familyFirstStart, shiftDemoExtract, storyYear } from './demoTimeline.js';
import { generateDemoStory } from './demoStory.js';
import { generateDemoExtract } from './generateDemoExtract.js';
import { lastCensusYear } from './boardPaperDraft.js';

describe('the demo story told today', () => {
  it('generates the story within its own year and moves it by whole years to today', () => {
    expect(demoTimeline('2022-10-31')).toEqual({ storyToday: '2022-10-31', years: 0 });
    expect(demoTimeline('2026-12-02')).toEqual({ storyToday: '2022-12-02', years: 4 });
    expect(demoTimeline('2027-03-01')).toEqual({ storyToday: '2023-03-01', years: 4 });
    expect(demoTimeline('2027-05-01')).toEqual({ storyToday: '2022-05-01', years: 5 });
    expect(demoTimeline('2028-02-29')).toEqual({ storyToday: '2023-02-28', years: 5 });
    expect(demoTimeline('2020-01-01')).toEqual({ storyToday: '2022-05-01', years: 0 });
    expect(storyYear(2016, '2026-12-02')).toBe(2020);
    expect(familyFirstStart('2026-12-02')).toBe('2025-07-01');
  });

  it('runs the history to today, with last year the latest complete census year and nothing after today', () => {
    const today = '2026-12-02';
    const extract = generateDemoStory({ seed: 2021, today });
    expect(extract.today).toBe(today);
    expect(lastCensusYear(today)).toBe(2026);
    const dates = [
      ...extract.cases.flatMap((c) => [c.opened_date, c.closed_date]),
      ...extract.referrals.map((r) => r.received_date),
      ...extract.lookedAfter.flatMap((e) => [e.start_date, e.end_date]),
      ...extract.cpRegistrations.map((r) => r.registered_date),
    ].filter((d): d is string => d !== null);
    expect(dates.every((d) => d <= today)).toBe(true);
    // Recent work: referrals in the last three months, so the trays hold new, due and overdue work.
    expect(extract.referrals.filter((r) => r.received_date > '2026-09-01').length).toBeGreaterThan(10);
    expect(Math.max(...extract.population.map((p) => p.year))).toBe(2027);
    expect(Math.max(...extract.benchmarks.map((b) => b.year))).toBe(2026);
  });

  it('keeps every interval: a moved extract is the generated one with every date a whole number of years on', () => {
    const generated = generateDemoExtract({ seed: 7, today: '2022-12-02' });
    const moved = shiftDemoExtract(generated, 4);
    expect(moved.children.length).toBe(generated.children.length);
    expect(moved.children[0]!.date_of_birth.slice(4)).toBe(generated.children[0]!.date_of_birth.slice(4));
    expect(Number(moved.lookedAfter[0]!.start_date.slice(0, 4))).toBe(Number(generated.lookedAfter[0]!.start_date.slice(0, 4)) + 4);
    expect(moved.placements.map((p) => p.weekly_cost)).toEqual(generated.placements.map((p) => p.weekly_cost));
    expect(moved.population.map((p) => p.year - 4)).toEqual(generated.population.map((p) => p.year));
    expect(shiftDemoExtract(generated, 0)).toBe(generated);
  });
});
