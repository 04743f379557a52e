/** @module The indicator registry: every indicator of indicators.md, in the spec's order, for stats, dashboards and reports alike. */
import type { Indicator, IndicatorKind } from '../statsTypes.js';
import { caseloadOpen } from './caseloadOpen.js';
import { caseloadStatutory } from './caseloadStatutory.js';
import { caseloadStatutoryPct } from './caseloadStatutoryPct.js';
import { clustersCpRegistrations } from './clustersCpRegistrations.js';
import { clustersExternalPlacementsStarted } from './clustersExternalPlacementsStarted.js';
import { clustersLacStarted } from './clustersLacStarted.js';
import { clustersSecureStarted } from './clustersSecureStarted.js';
import { cpRegistered } from './cpRegistered.js';
import { cpRegistrations } from './cpRegistrations.js';
import { cpReregistrations18mPct } from './cpReregistrations18mPct.js';
import { familyFirstOutcomes } from './familyFirstOutcomes.js';
import { lacByPlacementType } from './lacByPlacementType.js';
import { lacChangeFromBaselinePct } from './lacChangeFromBaselinePct.js';
import { lacCommunityPct } from './lacCommunityPct.js';
import { lacCount } from './lacCount.js';
import { lacRatePer1000 } from './lacRatePer1000.js';
import { lacStarted } from './lacStarted.js';
import { placementsCostAvoidanceGbp } from './placementsCostAvoidanceGbp.js';
import { placementsExternal } from './placementsExternal.js';
import { placementsExternalSpendGbp } from './placementsExternalSpendGbp.js';
import { placementsOutOfAuthority } from './placementsOutOfAuthority.js';
import { placementsSecureStarted } from './placementsSecureStarted.js';
import { referralsChildren } from './referralsChildren.js';
import { referralsFamilies } from './referralsFamilies.js';
import { scraChildren } from './scraChildren.js';
import { scraOffenceChildren } from './scraOffenceChildren.js';

export const indicators: readonly Indicator[] = [
  lacCount,
  lacRatePer1000,
  lacChangeFromBaselinePct,
  lacByPlacementType,
  lacCommunityPct,
  placementsOutOfAuthority,
  placementsExternal,
  cpRegistered,
  caseloadOpen,
  caseloadStatutory,
  caseloadStatutoryPct,
  placementsCostAvoidanceGbp,
  lacStarted,
  placementsSecureStarted,
  placementsExternalSpendGbp,
  cpRegistrations,
  cpReregistrations18mPct,
  scraChildren,
  scraOffenceChildren,
  referralsChildren,
  referralsFamilies,
  clustersLacStarted,
  clustersCpRegistrations,
  clustersExternalPlacementsStarted,
  clustersSecureStarted,
  familyFirstOutcomes,
];

/**
 * The indicator with this id, or undefined.
 * @example indicatorById('lac.count')?.places // 0
 */
export function indicatorById(id: string): Indicator | undefined {
  return indicators.find((indicator) => indicator.id === id);
}

/**
 * The indicators of one kind, in the registry's order.
 * @example indicatorsOfKind('window').map((i) => i.id) // ['referrals.children', …, 'family_first.outcomes']
 */
export function indicatorsOfKind(kind: IndicatorKind): Indicator[] {
  return indicators.filter((indicator) => indicator.kind === kind);
}
