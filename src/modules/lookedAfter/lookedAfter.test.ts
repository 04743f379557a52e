import { describe, expect, it } from 'vitest';
import { placementStartProblems, type Episode, type Placement } from './lookedAfter.js';
import { placementMovesInLastYear } from '../children/child.js';

const placement = (startDate: string, endDate: string | null): Placement => ({
  placementId: `P${startDate}`, episodeId: 'E1', childId: 'C1', startDate, endDate, placementType: 'foster_la',
  providerId: null, providerName: null, homeId: null, homeName: null, costOverrideReason: null, outOfAuthority: false, weeklyCost: null, moveReason: null, version: 1,
});
const episode: Episode = { episodeId: 'E1', childId: 'C1', startDate: '2023-01-01', endDate: null, legalReason: 'cso_away', reasonEnded: null, version: 1 };

describe('placement rules', () => {
  it('counts as moves only placements that began the day another ended, within the last 12 months', () => {
    const placements = [placement('2023-01-01', '2023-05-01'), placement('2023-05-01', '2024-02-01'), placement('2024-03-01', '2024-06-01'), placement('2024-06-01', null)];
    // 2023-05-01 is more than a year before; 2024-03-01 followed a gap (not a move); 2024-06-01 is a move.
    expect(placementMovesInLastYear(placements, '2024-06-30')).toBe(1);
    expect(placementMovesInLastYear(placements, '2024-05-31')).toBe(0);
  });

  it('refuses a second placement while one is open, and a move on or before the current placement began', () => {
    const open = placement('2023-02-01', null);
    expect(placementStartProblems({ startDate: '2023-03-01', openEpisode: episode, placements: [open] }).startDate).toContain('already has a placement');
    expect(placementStartProblems({ startDate: '2023-02-01', openEpisode: episode, placements: [open], moving: open }).startDate).toBe('The move must be after the current placement started (1 February 2023)');
    expect(placementStartProblems({ startDate: '2023-02-02', openEpisode: episode, placements: [open], moving: open })).toEqual({});
  });
});
