/** @module SQL for looked after episodes, placements and providers. */
import type { Queryable } from '../../db/database.js';
import type { Episode, Placement, PlacementDetails, Provider } from './lookedAfter.js';

interface EpisodeRow { episode_id: string; child_id: string; start_date: string; end_date: string | null; legal_reason: string; reason_ended: string | null }
interface PlacementRow {
  placement_id: string; episode_id: string; child_id: string; start_date: string; end_date: string | null; placement_type: string;
  provider_id: string | null; provider_name: string | null; out_of_authority: boolean; weekly_cost: number | null; move_reason: string | null; version: number;
}

const toEpisode = (r: EpisodeRow): Episode => ({
  episodeId: r.episode_id, childId: r.child_id, startDate: r.start_date, endDate: r.end_date, legalReason: r.legal_reason, reasonEnded: r.reason_ended,
});
const toPlacement = (r: PlacementRow): Placement => ({
  placementId: r.placement_id, episodeId: r.episode_id, childId: r.child_id, startDate: r.start_date, endDate: r.end_date,
  placementType: r.placement_type, providerId: r.provider_id, providerName: r.provider_name, outOfAuthority: r.out_of_authority,
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
        'select episode_id, child_id, start_date, end_date, legal_reason, reason_ended from looked_after_episodes where child_id = $1 order by start_date, episode_id',
        [childId]);
      return rows.map(toEpisode);
    },

    async placements(db: Queryable, childId: string): Promise<Placement[]> {
      const rows = await db.query<PlacementRow>(
        `select p.placement_id, p.episode_id, p.child_id, p.start_date, p.end_date, p.placement_type, p.provider_id, pr.name as provider_name,
                p.out_of_authority, p.weekly_cost, p.move_reason, p.version
           from placements p left join providers pr on pr.provider_id = p.provider_id
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
        `insert into placements (placement_id, episode_id, child_id, start_date, placement_type, provider_id, out_of_authority, weekly_cost, move_reason)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [placement.placementId, placement.episodeId, placement.childId, placement.startDate, placement.placementType, placement.providerId,
          placement.outOfAuthority, placement.weeklyCost, placement.moveReason]);
    },

    /** Put a correction into a placement if it is still at `version`; false when someone else changed it first. */
    async correctPlacement(db: Queryable, placementId: string, corrected: PlacementDetails & { endDate: string | null }, version: number): Promise<boolean> {
      const rows = await db.query<{ placement_id: string }>(
        `update placements set start_date = $2, end_date = $3, placement_type = $4, provider_id = $5, out_of_authority = $6, weekly_cost = $7,
           version = version + 1
          where placement_id = $1 and version = $8 returning placement_id`,
        [placementId, corrected.startDate, corrected.endDate, corrected.placementType, corrected.providerId, corrected.outOfAuthority, corrected.weeklyCost, version]);
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

    async providerExists(db: Queryable, providerId: string): Promise<boolean> {
      return (await db.query('select 1 from providers where provider_id = $1', [providerId])).length > 0;
    },
  };
}
export type LookedAfterRepository = ReturnType<typeof lookedAfterRepository>;
