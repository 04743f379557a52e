/** @module SQL for looked after episodes, placements and providers. */
import type { Queryable } from '../../db/database.js';
import type { Episode, EpisodeDetails, Placement, PlacementDetails, Provider, ProviderHome } from './lookedAfter.js';

interface EpisodeRow { episode_id: string; child_id: string; start_date: string; end_date: string | null; legal_reason: string; reason_ended: string | null; version: number }
interface PlacementRow {
  placement_id: string; episode_id: string; child_id: string; start_date: string; end_date: string | null; placement_type: string;
  provider_id: string | null; provider_name: string | null; home_id: string | null; home_name: string | null; cost_override_reason: string | null; out_of_authority: boolean; weekly_cost: number | null; move_reason: string | null; version: number;
}

const toEpisode = (r: EpisodeRow): Episode => ({
  episodeId: r.episode_id, childId: r.child_id, startDate: r.start_date, endDate: r.end_date, legalReason: r.legal_reason, reasonEnded: r.reason_ended, version: r.version,
});
const toPlacement = (r: PlacementRow): Placement => ({
  placementId: r.placement_id, episodeId: r.episode_id, childId: r.child_id, startDate: r.start_date, endDate: r.end_date,
  placementType: r.placement_type, providerId: r.provider_id, providerName: r.provider_name,
  homeId: r.home_id, homeName: r.home_name, costOverrideReason: r.cost_override_reason, outOfAuthority: r.out_of_authority,
  weeklyCost: r.weekly_cost === null ? null : Number(r.weekly_cost), moveReason: r.move_reason, version: r.version,
});

export function lookedAfterRepository() {
  return {
    /** The child's name, locking their row so two changes to one child's care run one after the other. */
    async lockChild(db: Queryable, childId: string): Promise<{ name: string } | undefined> {
      const rows = await db.query<{ forename: string | null; surname: string | null }>(
        'select forename, surname from children where child_id = $1 for update', [childId]);
      const row = rows[0];
      return row ? { name: [row.forename, row.surname].filter(Boolean).join(' ') || 'Name not recorded' } : undefined;
    },

    async childName(db: Queryable, childId: string): Promise<string | undefined> {
      const rows = await db.query<{ forename: string | null; surname: string | null }>('select forename, surname from children where child_id = $1', [childId]);
      const row = rows[0];
      return row ? [row.forename, row.surname].filter(Boolean).join(' ') || 'Name not recorded' : undefined;
    },

    async episodes(db: Queryable, childId: string): Promise<Episode[]> {
      const rows = await db.query<EpisodeRow>(
        'select episode_id, child_id, start_date, end_date, legal_reason, reason_ended, version from looked_after_episodes where child_id = $1 order by start_date, episode_id',
        [childId]);
      return rows.map(toEpisode);
    },

    async placements(db: Queryable, childId: string): Promise<Placement[]> {
      const rows = await db.query<PlacementRow>(
        `select p.placement_id, p.episode_id, p.child_id, p.start_date, p.end_date, p.placement_type, p.provider_id, pr.name as provider_name,
                p.home_id, h.name as home_name, p.cost_override_reason, p.out_of_authority, p.weekly_cost, p.move_reason, p.version
           from placements p left join providers pr on pr.provider_id = p.provider_id left join provider_homes h on h.home_id = p.home_id
          where p.child_id = $1 order by p.start_date, p.placement_id`,
        [childId]);
      return rows.map(toPlacement);
    },

    async insertEpisode(db: Queryable, episode: { episodeId: string; childId: string; startDate: string; legalReason: string }): Promise<void> {
      await db.query('insert into looked_after_episodes (episode_id, child_id, start_date, legal_reason) values ($1, $2, $3, $4)',
        [episode.episodeId, episode.childId, episode.startDate, episode.legalReason]);
    },

    async changeLegalReason(db: Queryable, episodeId: string, legalReason: string): Promise<void> {
      await db.query('update looked_after_episodes set legal_reason = $2 where episode_id = $1', [episodeId, legalReason]);
    },

    async endEpisode(db: Queryable, episodeId: string, endDate: string, reasonEnded: string): Promise<void> {
      await db.query('update looked_after_episodes set end_date = $2, reason_ended = $3 where episode_id = $1', [episodeId, endDate, reasonEnded]);
    },

    async insertPlacement(db: Queryable, placement: PlacementDetails & { placementId: string; episodeId: string; childId: string; moveReason: string | null }): Promise<void> {
      await db.query(
        `insert into placements (placement_id, episode_id, child_id, start_date, placement_type, provider_id, out_of_authority, weekly_cost, move_reason, home_id, cost_override_reason)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [placement.placementId, placement.episodeId, placement.childId, placement.startDate, placement.placementType, placement.providerId,
          placement.outOfAuthority, placement.weeklyCost, placement.moveReason, placement.homeId ?? null, placement.costOverrideReason ?? null]);
    },

    /** Put a correction into a placement if it is still at `version`; false when someone else changed it first. */
    async correctPlacement(db: Queryable, placementId: string, corrected: PlacementDetails & { endDate: string | null }, version: number): Promise<boolean> {
      const rows = await db.query<{ placement_id: string }>(
        `update placements set start_date = $2, end_date = $3, placement_type = $4, provider_id = $5, out_of_authority = $6, weekly_cost = $7,
           home_id = $9, cost_override_reason = $10, version = version + 1
          where placement_id = $1 and version = $8 returning placement_id`,
        [placementId, corrected.startDate, corrected.endDate, corrected.placementType, corrected.providerId, corrected.outOfAuthority, corrected.weeklyCost, version,
          corrected.homeId ?? null, corrected.costOverrideReason ?? null]);
      return rows.length > 0;
    },

    async endPlacement(db: Queryable, placementId: string, endDate: string): Promise<void> {
      await db.query('update placements set end_date = $2 where placement_id = $1', [placementId, endDate]);
    },

    async providers(db: Queryable): Promise<Provider[]> {
      const rows = await db.query<{ provider_id: string; name: string; provider_type: string }>(
        'select provider_id, name, provider_type from providers order by name, provider_id');
      return rows.map((r) => ({ providerId: r.provider_id, name: r.name, providerType: r.provider_type }));
    },

    /** Put a correction into an episode if it is still at `version`; false when someone else changed it first. */
    async correctEpisode(db: Queryable, episodeId: string, corrected: EpisodeDetails, version: number): Promise<boolean> {
      const rows = await db.query<{ episode_id: string }>(
        `update looked_after_episodes set start_date = $2, end_date = $3, legal_reason = $4, reason_ended = $5, version = version + 1
          where episode_id = $1 and version = $6 returning episode_id`,
        [episodeId, corrected.startDate, corrected.endDate, corrected.legalReason, corrected.reasonEnded, version]);
      return rows.length > 0;
    },

    /** Take an episode recorded in error, and its placements, out of the record (the amendment keeps what they said). */
    async deleteEpisode(db: Queryable, episodeId: string): Promise<void> {
      await db.query('delete from placements where episode_id = $1', [episodeId]);
      await db.query('delete from looked_after_episodes where episode_id = $1', [episodeId]);
    },

    /** Every provider's homes, by provider then home. */
    async homes(db: Queryable): Promise<ProviderHome[]> {
      const rows = await db.query<{ home_id: string; name: string; provider_id: string; provider_name: string }>(
        `select h.home_id, h.name, h.provider_id, p.name as provider_name
           from provider_homes h join providers p on p.provider_id = h.provider_id order by p.name, h.name, h.home_id`);
      return rows.map((r) => ({ homeId: r.home_id, name: r.name, providerId: r.provider_id, providerName: r.provider_name }));
    },

    /** A home and its rate on `date` (the latest from on or before it), or undefined when there is no such home. */
    async homeOn(db: Queryable, homeId: string, date: string): Promise<{ home: ProviderHome; rate: number | null } | undefined> {
      const rows = await db.query<{ home_id: string; name: string; provider_id: string; provider_name: string; weekly_rate: string | number | null }>(
        `select h.home_id, h.name, h.provider_id, p.name as provider_name,
                (select r.weekly_rate from provider_home_rates r where r.home_id = h.home_id and r.from_date <= $2::date order by r.from_date desc limit 1) as weekly_rate
           from provider_homes h join providers p on p.provider_id = h.provider_id where h.home_id = $1`, [homeId, date]);
      const r = rows[0];
      if (!r) return undefined;
      return { home: { homeId: r.home_id, name: r.name, providerId: r.provider_id, providerName: r.provider_name }, rate: r.weekly_rate === null ? null : Number(r.weekly_rate) };
    },

    async providerExists(db: Queryable, providerId: string): Promise<boolean> {
      return (await db.query('select 1 from providers where provider_id = $1', [providerId])).length > 0;
    },
  };
}
export type LookedAfterRepository = ReturnType<typeof lookedAfterRepository>;
