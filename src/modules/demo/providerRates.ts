/**
 * @module The demo's provider homes with dated rates (issue 14: "dated provider rates used by placements"): one home
 * for each residential provider, its rate from before the records and two April uplifts, added through the
 * commissioning service; then the demo's placements there name the home and cost its rate on their start date.
 */
import type { CommissioningService } from '../lookedAfter/commissioningService.js';
import type { Database } from '../../db/database.js';
import type { Actor } from '../../platform/access/user.js';
import { demoRepository } from './demoRepository.js';
import { demoTimeline } from './demoTimeline.js';
import { addYears } from '../../platform/dates/isoDates.js';

/** What recordProviderRates needs from the composition root. */
export interface RecordProviderRatesNeeds {
  commissioning: CommissioningService;
  db: Database;
}

/** A demo home: whose, which placements it takes, and its weekly rates from each date (the first from before the records). */
export interface DemoHome {
  providerId: string;
  name: string;
  placementType: string;
  rates: readonly (readonly [string, number])[];
}

export const demoHomes: readonly DemoHome[] = [
  { providerId: 'LOCHSIDE', name: 'Lochside House', placementType: 'voluntary_home', rates: [['2000-01-01', 3300], ['2019-04-01', 3500], ['2021-04-01', 3650]] },
  { providerId: 'HEATHERLEA', name: 'Heatherlea Lodge', placementType: 'voluntary_home', rates: [['2000-01-01', 3500], ['2019-04-01', 3700], ['2021-04-01', 3900]] },
  { providerId: 'THISTLEBANK', name: 'Thistlebank School', placementType: 'residential_school', rates: [['2000-01-01', 4200], ['2019-04-01', 4500], ['2021-04-01', 4700]] },
  { providerId: 'ASHGROVE', name: 'Ashgrove School', placementType: 'residential_school', rates: [['2000-01-01', 4600], ['2019-04-01', 4900], ['2021-04-01', 5200]] },
  { providerId: 'GREYSTANES', name: 'Greystanes Secure Unit', placementType: 'secure', rates: [['2000-01-01', 5900], ['2019-04-01', 6100], ['2021-04-01', 6300]] },
];

/**
 * Add the demo's homes and their dated rates, then cost the demo's placements there from them. Returns how many
 * placements now take a home's rate.
 * @example await recordProviderRates(services, { kind: 'system', name: 'demo' }, extract.today) // 212
 */
export async function recordProviderRates(services: RecordProviderRatesNeeds, actor: Actor, today: string): Promise<number> {
  // The uplifts move with the story (demoTimeline.ts); the rate from before the records stays where it is.
  const years = demoTimeline(today).years;
  const told = (date: string): string => (date > '2000-01-01' ? addYears(date, years) : date);
  let placed = 0;
  for (const home of demoHomes) {
    const [[firstFrom, firstRate], ...later] = home.rates as [readonly [string, number], ...(readonly [string, number])[]];
    const added = await services.commissioning.addHome(actor, { providerId: home.providerId, name: home.name, outOfAuthority: false, weeklyRate: firstRate, rateFrom: firstFrom });
    if (added.outcome !== 'done') continue;
    const homeId = (await services.commissioning.providers()).find((p) => p.providerId === home.providerId)?.homes.find((h) => h.name === home.name)?.homeId;
    if (!homeId) continue;
    for (const [fromDate, weeklyRate] of later) await services.commissioning.addRate(actor, homeId, { fromDate: told(fromDate), weeklyRate });
    placed += await demoRepository().costFromHomeRates(services.db, { providerId: home.providerId, placementType: home.placementType, homeId });
  }
  return placed;
}
