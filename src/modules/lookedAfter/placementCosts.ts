/**
 * @module Costs from dated rates (issue 13 item 10, ADR 0024): a placement in a provider's home costs the home's rate
 * on the placement's start date, unless someone overrides it with a reason. Pure rules; the service looks up the rate.
 */
import type { FieldErrors } from '../../platform/forms/fieldErrors.js';
import { longDateOf, moneyOf } from '../../platform/dates/formats.js';
import type { Placement, PlacementDetails, ProviderHome } from './lookedAfter.js';

/**
 * The weekly cost a placement in `home` takes: the rate when the cost is left blank or equals it; otherwise the cost
 * typed, which then needs a reason. Problems are keyed to the form's fields.
 * @example costFromRate({ weeklyCost: null, costOverrideReason: null, startDate: '2024-05-01' }, home, 4200) // { weeklyCost: 4200, costOverrideReason: null }
 */
export function costFromRate(
  typed: { weeklyCost: number | null; costOverrideReason?: string | null; startDate: string },
  home: ProviderHome,
  rate: number | null,
): { weeklyCost: number; costOverrideReason: string | null } | { problems: FieldErrors } {
  if (typed.weeklyCost === null) {
    if (rate === null) return { problems: { weeklyCost: `${home.name} has no weekly rate on ${longDateOf(typed.startDate)}. Enter the weekly cost, and why below.` } };
    return { weeklyCost: rate, costOverrideReason: null };
  }
  if (rate !== null && typed.weeklyCost === rate) return { weeklyCost: rate, costOverrideReason: null };
  const reason = typed.costOverrideReason?.trim();
  if (!reason) {
    const said = rate === null ? `${home.name} has no weekly rate on ${longDateOf(typed.startDate)}` : `${home.name}’s rate on ${longDateOf(typed.startDate)} is ${moneyOf(rate)}`;
    return { problems: { costOverrideReason: `Enter why the weekly cost is not the home’s rate (${said})` } };
  }
  return { weeklyCost: typed.weeklyCost, costOverrideReason: reason };
}

/**
 * A correction re-takes the rate when it moves a placement costed from a rate to another home or start date and
 * leaves the cost as it was: the cost is then blanked, so the new home's rate on the new date is used.
 * @example retakeRate(previous, { ...corrected, startDate: '2024-06-01' }).weeklyCost // null
 */
export function retakeRate<T extends PlacementDetails>(previous: Placement, corrected: T): T {
  const costedFromRate = previous.homeId !== null && previous.costOverrideReason === null;
  // Without a home there is no rate to take: the cost stays as typed.
  const moved = Boolean(corrected.homeId) && (corrected.homeId !== previous.homeId || corrected.startDate !== previous.startDate);
  if (costedFromRate && moved && corrected.weeklyCost === previous.weeklyCost) return { ...corrected, weeklyCost: null, costOverrideReason: null };
  return corrected;
}
