/** @module SQL for commissioning: providers, their homes and rates, and the external and out of authority placements open on a date. */
import type { Queryable } from '../../db/database.js';

export interface ProviderWithHomes {
  providerId: string;
  name: string;
  providerType: string;
  homes: HomeWithRates[];
}

/** A home with its dated rates, latest first: the rate on a day is the first whose from date is on or before it. */
export interface HomeWithRates {
  homeId: string;
  name: string;
  outOfAuthority: boolean;
  rates: { fromDate: string; weeklyRate: number }[];
}

export interface CommissionedPlacement {
  placementId: string;
  childId: string;
  childName: string;
  placementType: string;
  providerName: string | null;
  providerType: string | null;
  outOfAuthority: boolean;
  startDate: string;
  weeklyCost: number | null;
}

export function commissioningRepository() {
  return {
    async providers(db: Queryable): Promise<ProviderWithHomes[]> {
      const rows = await db.query<{ provider_id: string; name: string; provider_type: string; home_id: string | null; home_name: string | null; out_of_authority: boolean | null }>(
        `select p.provider_id, p.name, p.provider_type, h.home_id, h.name as home_name, h.out_of_authority
           from providers p left join provider_homes h on h.provider_id = p.provider_id
          order by p.name, p.provider_id, h.name`);
      const rates = await db.query<{ home_id: string; from_date: string; weekly_rate: string | number }>(
        'select home_id, from_date, weekly_rate from provider_home_rates order by home_id, from_date desc');
      const byId = new Map<string, ProviderWithHomes>();
      for (const r of rows) {
        let provider = byId.get(r.provider_id);
        if (!provider) {
          provider = { providerId: r.provider_id, name: r.name, providerType: r.provider_type, homes: [] };
          byId.set(r.provider_id, provider);
        }
        if (r.home_id && r.home_name) {
          const homeId = r.home_id;
          const dated = rates.filter((rate) => rate.home_id === homeId).map((rate) => ({ fromDate: rate.from_date, weeklyRate: Number(rate.weekly_rate) }));
          provider.homes.push({ homeId, name: r.home_name, outOfAuthority: !!r.out_of_authority, rates: dated });
        }
      }
      return [...byId.values()];
    },

    async insertProvider(db: Queryable, provider: { providerId: string; name: string; providerType: string }): Promise<void> {
      await db.query('insert into providers (provider_id, name, provider_type) values ($1, $2, $3)', [provider.providerId, provider.name, provider.providerType]);
    },

    async insertHome(db: Queryable, home: { homeId: string; providerId: string; name: string; outOfAuthority: boolean }): Promise<void> {
      await db.query('insert into provider_homes (home_id, provider_id, name, out_of_authority) values ($1, $2, $3, $4)',
        [home.homeId, home.providerId, home.name, home.outOfAuthority]);
    },

    /** Add a home's rate from a date; false when it already has a rate from that date. */
    async insertRate(db: Queryable, rate: { homeId: string; fromDate: string; weeklyRate: number; addedBy: string | null }): Promise<boolean> {
      const rows = await db.query<{ home_id: string }>(
        `insert into provider_home_rates (home_id, from_date, weekly_rate, added_by) values ($1, $2, $3, $4)
         on conflict (home_id, from_date) do nothing returning home_id`, [rate.homeId, rate.fromDate, rate.weeklyRate, rate.addedBy]);
      return rows.length > 0;
    },

    async providerNameTaken(db: Queryable, name: string): Promise<boolean> {
      return (await db.query('select 1 from providers where lower(name) = lower($1)', [name])).length > 0;
    },

    async homeNameTaken(db: Queryable, providerId: string, name: string): Promise<boolean> {
      return (await db.query('select 1 from provider_homes where provider_id = $1 and lower(name) = lower($2)', [providerId, name])).length > 0;
    },

    /** Placements open on `date` that are external (a provider not the council's own) or outside the council's area. */
    async externalOrOutOfAuthority(db: Queryable, date: string): Promise<CommissionedPlacement[]> {
      const rows = await db.query<{
        placement_id: string; child_id: string; forename: string | null; surname: string | null; placement_type: string;
        provider_name: string | null; provider_type: string | null; out_of_authority: boolean; start_date: string; weekly_cost: number | null;
      }>(
        `select p.placement_id, p.child_id, c.forename, c.surname, p.placement_type, pr.name as provider_name, pr.provider_type,
                p.out_of_authority, p.start_date, p.weekly_cost
           from placements p
           join children c on c.child_id = p.child_id
           left join providers pr on pr.provider_id = p.provider_id
          where p.start_date <= $1::date and (p.end_date is null or p.end_date > $1::date)
            and ((pr.provider_type is not null and pr.provider_type <> 'local_authority') or p.out_of_authority)
          order by p.weekly_cost desc nulls last, p.start_date, p.placement_id`, [date]);
      return rows.map((r) => ({
        placementId: r.placement_id, childId: r.child_id, childName: [r.forename, r.surname].filter(Boolean).join(' ') || 'Name not recorded',
        placementType: r.placement_type, providerName: r.provider_name, providerType: r.provider_type, outOfAuthority: r.out_of_authority,
        startDate: r.start_date, weeklyCost: r.weekly_cost === null ? null : Number(r.weekly_cost),
      }));
    },
  };
}
export type CommissioningRepository = ReturnType<typeof commissioningRepository>;
