import { describe, expect, it } from 'vitest';
import { occupancy } from './resource.js';
import { addDays } from '../../platform/dates/isoDates.js';

describe('occupancy', () => {
  it('counts only the nights inside the period, and placements avoided by stays that start in it', () => {
    const bookings = [
      { startDate: '2024-02-27', endDate: '2024-03-03', avoidedOutOfAuthority: true }, // 2 nights in March, started before
      { startDate: '2024-03-30', endDate: '2024-04-05', avoidedOutOfAuthority: true }, // 2 nights (30, 31)
    ];
    expect(occupancy(bookings, 1, '2024-03-01', '2024-03-31')).toEqual({ nightsUsed: 4, nightsAvailable: 31, occupancyPct: 12.9, placementsAvoided: 1 });
    expect(occupancy([], 0, '2024-03-01', '2024-03-31').occupancyPct).toBeNull();
  });

  it('adds days across month and leap-year ends', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
  });
});
