/** @module Looked after episodes and placements: their shapes, codes and the pure rules a placement must keep. */
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { longDateOf } from '../../platform/dates/formats.js';
import { PlacementType } from '../../platform/codes/careCodes.js';
import { legalReasonLabels, placementTypeLabels } from '../../platform/codes/careCodes.js';

export { legalReasonLabels, placementTypeLabels };

export interface Episode {
  episodeId: string;
  childId: string;
  startDate: string;
  endDate: string | null;
  legalReason: string;
  reasonEnded: string | null;
  /** Bumped by every correction, like a placement's. */
  version: number;
}

/** What an episode says, as a correction may change it. */
export interface EpisodeDetails {
  startDate: string;
  endDate: string | null;
  legalReason: string;
  reasonEnded: string | null;
}

export interface Placement {
  placementId: string;
  episodeId: string;
  childId: string;
  startDate: string;
  endDate: string | null;
  placementType: string;
  providerId: string | null;
  providerName: string | null;
  /** The provider's home the child lives in, whose rate on the start date gives the weekly cost unless overridden. */
  homeId: string | null;
  homeName: string | null;
  /** Why the weekly cost differs from the home's rate; null when it is the rate (or there is no home). */
  costOverrideReason: string | null;
  outOfAuthority: boolean;
  weeklyCost: number | null;
  moveReason: string | null;
  /** Bumped by every correction: a correction started from an older one is merged (platform/forms/versions.ts). */
  version: number;
}

export interface Provider {
  providerId: string;
  name: string;
  providerType: string;
}

/** A child's looked after history, as the care page shows it. */
export interface CareHistory {
  childId: string;
  name: string;
  episodes: Episode[];
  placements: Placement[];
}

/** What a new placement is: where, with whom, at what cost, from when. */
export interface PlacementDetails {
  placementType: PlacementType;
  providerId: string | null;
  outOfAuthority: boolean;
  weeklyCost: number | null;
  startDate: string;
  /** A provider's home: a blank weekly cost then means its rate on the start date. */
  homeId?: string | null;
  /** Why the weekly cost is not the home's rate (needed when it differs). */
  costOverrideReason?: string | null;
}

/** One of a provider's homes, as a placement form offers it. */
export interface ProviderHome {
  homeId: string;
  name: string;
  providerId: string;
  providerName: string;
}

/**
 * Where a new placement starting on `startDate` breaks the rules: it must lie inside an open episode, and
 * the child may have one placement at a time (so a child with a current placement is moved, not placed).
 * @example placementStartProblems({ startDate: '2024-01-01', openEpisode: undefined, placements: [] }) // { startDate: 'Start a looked after episode before placing …' }
 */
export function placementStartProblems(input: { startDate: string; openEpisode: Episode | undefined; placements: readonly Placement[]; moving?: Placement }): FieldErrors {
  const { startDate, openEpisode, placements, moving } = input;
  if (!openEpisode) return { startDate: 'This child is not looked after. Start a looked after episode before placing them.' };
  if (startDate < openEpisode.startDate) {
    return { startDate: `The placement must start on or after the day the looked after episode started (${longDateOf(openEpisode.startDate)})` };
  }
  if (moving) {
    if (startDate <= moving.startDate) return { startDate: `The move must be after the current placement started (${longDateOf(moving.startDate)})` };
    return {};
  }
  const current = placements.find((p) => p.endDate === null);
  if (current) return { startDate: 'This child already has a placement. Use "Place / move" to move them, or end the current placement first.' };
  const clash = placements.find((p) => p.endDate !== null && p.endDate > startDate);
  if (clash) return { startDate: `The child was in another placement until ${longDateOf(clash.endDate!)}. A placement must start on or after that day.` };
  return {};
}

