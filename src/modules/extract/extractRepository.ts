/** @module SQL for the extract importer: what the checks need to know of the database, and set-based upserts of each file's rows. */
import type { Queryable, SqlValue } from '../../db/database.js';
import type { ExtractFileKind, ExtractRecords, FileSummary } from './extract.js';
import type { DatabaseQuestions, DatabaseState, StoredEpisode, StoredPlacement } from './validateExtract.js';

/** Rows per statement: big enough to keep round trips few, small enough to keep each statement's arrays modest. */
const rowsPerStatement = 5000;

interface Upsert<R> {
  /**
   * Inserts the rows given as parallel arrays, updates those whose id exists and whose values differ,
   * and returns one row per record added or updated (`inserted` true when added). An unchanged
   * record is not touched at all, so a second import of the same folder changes nothing.
   */
  sql: string;
  parameters(rows: readonly R[]): SqlValue[];
}

const upserts: { [K in ExtractFileKind]: Upsert<ExtractRecords[K]> } = {
  authority: {
    sql: `insert into authority (authority_code, authority_name)
      select * from unnest($1::text[], $2::text[])
      on conflict (singleton) do update set authority_code = excluded.authority_code, authority_name = excluded.authority_name
      where (authority.authority_code, authority.authority_name) is distinct from (excluded.authority_code, excluded.authority_name)
      returning (xmax = 0) as inserted`,
    parameters: (rows) => [rows.map((r) => r.authority_code), rows.map((r) => r.authority_name)],
  },
  population: {
    sql: `insert into population (year, age_0_17)
      select * from unnest($1::integer[], $2::integer[])
      on conflict (year) do update set age_0_17 = excluded.age_0_17
      where population.age_0_17 is distinct from excluded.age_0_17
      returning (xmax = 0) as inserted`,
    parameters: (rows) => [rows.map((r) => r.year), rows.map((r) => r.age_0_17)],
  },
  children: {
    sql: `insert into children (child_id, family_id, forename, surname, date_of_birth, sex, ethnicity, disability, school_cluster, locality)
      select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
      on conflict (child_id) do update set
        family_id = excluded.family_id, forename = excluded.forename, surname = excluded.surname,
        date_of_birth = excluded.date_of_birth, sex = excluded.sex, ethnicity = excluded.ethnicity,
        disability = excluded.disability, school_cluster = excluded.school_cluster, locality = excluded.locality,
        updated_at = now()
      where (children.family_id, children.forename, children.surname, children.date_of_birth, children.sex,
             children.ethnicity, children.disability, children.school_cluster, children.locality)
        is distinct from (excluded.family_id, excluded.forename, excluded.surname, excluded.date_of_birth, excluded.sex,
             excluded.ethnicity, excluded.disability, excluded.school_cluster, excluded.locality)
      returning (xmax = 0) as inserted`,
    parameters: (rows) => [
      rows.map((r) => r.child_id),
      rows.map((r) => r.family_id),
      rows.map((r) => r.forename),
      rows.map((r) => r.surname),
      rows.map((r) => r.date_of_birth),
      rows.map((r) => r.sex),
      rows.map((r) => r.ethnicity),
      rows.map((r) => r.disability),
      rows.map((r) => r.school_cluster),
      rows.map((r) => r.locality),
    ],
  },
  providers: {
    sql: `insert into providers (provider_id, name, provider_type)
      select * from unnest($1::text[], $2::text[], $3::text[])
      on conflict (provider_id) do update set name = excluded.name, provider_type = excluded.provider_type
      where (providers.name, providers.provider_type) is distinct from (excluded.name, excluded.provider_type)
      returning (xmax = 0) as inserted`,
    parameters: (rows) => [rows.map((r) => r.provider_id), rows.map((r) => r.name), rows.map((r) => r.provider_type)],
  },
  looked_after: {
    sql: `insert into looked_after_episodes (episode_id, child_id, start_date, end_date, legal_reason, reason_ended)
      select * from unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::text[], $6::text[])
      on conflict (episode_id) do update set
        child_id = excluded.child_id, start_date = excluded.start_date, end_date = excluded.end_date,
        legal_reason = excluded.legal_reason, reason_ended = excluded.reason_ended
      where (looked_after_episodes.child_id, looked_after_episodes.start_date, looked_after_episodes.end_date,
             looked_after_episodes.legal_reason, looked_after_episodes.reason_ended)
        is distinct from (excluded.child_id, excluded.start_date, excluded.end_date, excluded.legal_reason, excluded.reason_ended)
      returning (xmax = 0) as inserted`,
    parameters: (rows) => [
      rows.map((r) => r.episode_id),
      rows.map((r) => r.child_id),
      rows.map((r) => r.start_date),
      rows.map((r) => r.end_date),
      rows.map((r) => r.legal_reason),
      rows.map((r) => r.reason_ended),
    ],
  },
  placements: {
    sql: `insert into placements (placement_id, episode_id, child_id, start_date, end_date, placement_type, provider_id, out_of_authority, weekly_cost)
      select * from unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[], $6::text[], $7::text[], $8::boolean[], $9::numeric[])
      on conflict (placement_id) do update set
        episode_id = excluded.episode_id, child_id = excluded.child_id, start_date = excluded.start_date,
        end_date = excluded.end_date, placement_type = excluded.placement_type, provider_id = excluded.provider_id,
        out_of_authority = excluded.out_of_authority, weekly_cost = excluded.weekly_cost
      where (placements.episode_id, placements.child_id, placements.start_date, placements.end_date, placements.placement_type,
             placements.provider_id, placements.out_of_authority, placements.weekly_cost)
        is distinct from (excluded.episode_id, excluded.child_id, excluded.start_date, excluded.end_date, excluded.placement_type,
             excluded.provider_id, excluded.out_of_authority, excluded.weekly_cost)
      returning (xmax = 0) as inserted`,
    parameters: (rows) => [
      rows.map((r) => r.placement_id),
      rows.map((r) => r.episode_id),
      rows.map((r) => r.child_id),
      rows.map((r) => r.start_date),
      rows.map((r) => r.end_date),
      rows.map((r) => r.placement_type),
      rows.map((r) => r.provider_id),
      // The column is "Y where the child lives outside the authority's area": empty means not.
      rows.map((r) => r.out_of_authority ?? false),
      rows.map((r) => r.weekly_cost),
    ],
  },
  cases: {
    sql: `insert into cases (case_id, child_id, team, worker_id, opened_date, closed_date)
      select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[])
      on conflict (case_id) do update set
        child_id = excluded.child_id, team = excluded.team, worker_id = excluded.worker_id,
        opened_date = excluded.opened_date, closed_date = excluded.closed_date
      where (cases.child_id, cases.team, cases.worker_id, cases.opened_date, cases.closed_date)
        is distinct from (excluded.child_id, excluded.team, excluded.worker_id, excluded.opened_date, excluded.closed_date)
      returning (xmax = 0) as inserted`,
    parameters: (rows) => [
      rows.map((r) => r.case_id),
      rows.map((r) => r.child_id),
      rows.map((r) => r.team),
      rows.map((r) => r.worker_id),
      rows.map((r) => r.opened_date),
      rows.map((r) => r.closed_date),
    ],
  },
  referrals: {
    sql: `insert into referrals (referral_id, child_id, received_date, source, reason, school_cluster, pathway, closed_date)
      select * from unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[])
      on conflict (referral_id) do update set
        child_id = excluded.child_id, received_date = excluded.received_date, source = excluded.source,
        reason = excluded.reason, school_cluster = excluded.school_cluster, pathway = excluded.pathway,
        closed_date = excluded.closed_date
      where (referrals.child_id, referrals.received_date, referrals.source, referrals.reason, referrals.school_cluster,
             referrals.pathway, referrals.closed_date)
        is distinct from (excluded.child_id, excluded.received_date, excluded.source, excluded.reason, excluded.school_cluster,
             excluded.pathway, excluded.closed_date)
      returning (xmax = 0) as inserted`,
    parameters: (rows) => [
      rows.map((r) => r.referral_id),
      rows.map((r) => r.child_id),
      rows.map((r) => r.received_date),
      rows.map((r) => r.source),
      rows.map((r) => r.reason),
      rows.map((r) => r.school_cluster),
      rows.map((r) => r.pathway),
      rows.map((r) => r.closed_date),
    ],
  },
  cp_registrations: {
    // Concerns travel as one ';'-joined string per row: arrays of arrays cannot be unnested row by row.
    sql: `insert into cp_registrations (registration_id, child_id, registered_date, deregistered_date, concerns, deregistration_reason)
      select registration_id, child_id, registered_date, deregistered_date, string_to_array(concerns, ';'), deregistration_reason
      from unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::text[], $6::text[])
        as incoming (registration_id, child_id, registered_date, deregistered_date, concerns, deregistration_reason)
      on conflict (registration_id) do update set
        child_id = excluded.child_id, registered_date = excluded.registered_date, deregistered_date = excluded.deregistered_date,
        concerns = excluded.concerns, deregistration_reason = excluded.deregistration_reason
      where (cp_registrations.child_id, cp_registrations.registered_date, cp_registrations.deregistered_date,
             cp_registrations.concerns, cp_registrations.deregistration_reason)
        is distinct from (excluded.child_id, excluded.registered_date, excluded.deregistered_date, excluded.concerns,
             excluded.deregistration_reason)
      returning (xmax = 0) as inserted`,
    parameters: (rows) => [
      rows.map((r) => r.registration_id),
      rows.map((r) => r.child_id),
      rows.map((r) => r.registered_date),
      rows.map((r) => r.deregistered_date),
      rows.map((r) => r.concerns.join(';')),
      rows.map((r) => r.deregistration_reason),
    ],
  },
  scra_referrals: {
    sql: `insert into scra_referrals (scra_referral_id, child_id, referral_date, ground)
      select * from unnest($1::text[], $2::text[], $3::date[], $4::text[])
      on conflict (scra_referral_id) do update set
        child_id = excluded.child_id, referral_date = excluded.referral_date, ground = excluded.ground
      where (scra_referrals.child_id, scra_referrals.referral_date, scra_referrals.ground)
        is distinct from (excluded.child_id, excluded.referral_date, excluded.ground)
      returning (xmax = 0) as inserted`,
    parameters: (rows) => [rows.map((r) => r.scra_referral_id), rows.map((r) => r.child_id), rows.map((r) => r.referral_date), rows.map((r) => r.ground)],
  },
  benchmarks: {
    sql: `insert into benchmarks (year, indicator, area, value)
      select * from unnest($1::integer[], $2::text[], $3::text[], $4::numeric[])
      on conflict (year, indicator, area) do update set value = excluded.value
      where benchmarks.value is distinct from excluded.value
      returning (xmax = 0) as inserted`,
    parameters: (rows) => [rows.map((r) => r.year), rows.map((r) => r.indicator), rows.map((r) => r.area), rows.map((r) => r.value)],
  },
};

/** The tables each file's rows go into (names written here, never taken from input). */
const tablesOf: Record<ExtractFileKind, readonly string[]> = {
  authority: ['authority'],
  population: ['population'],
  children: ['families', 'children'],
  cases: ['cases'],
  referrals: ['referrals'],
  looked_after: ['looked_after_episodes'],
  placements: ['placements'],
  providers: ['providers'],
  cp_registrations: ['cp_registrations'],
  scra_referrals: ['scra_referrals'],
  benchmarks: ['benchmarks'],
};

/**
 * The importer's SQL, every statement parameterised.
 * @example const repository = extractRepository(); await repository.lockImports(tx)
 */
export function extractRepository() {
  return {
    /**
     * Hold the import lock until the transaction ends, so two imports cannot check against each
     * other's half-written rows.
     * @example await repository.lockImports(tx)
     */
    async lockImports(tx: Queryable): Promise<void> {
      await tx.query(`select pg_advisory_xact_lock(hashtext('cairn.extract-import'))`);
    },

    /**
     * What the checks need to know of the database, for the ids the extract mentions.
     * @example const state = await repository.databaseState(tx, databaseQuestions(extract))
     */
    async databaseState(tx: Queryable, questions: DatabaseQuestions): Promise<DatabaseState> {
      const [authority] = await tx.query<{ authority_code: string; authority_name: string }>('select authority_code, authority_name from authority');
      const children = await tx.query<{ child_id: string }>('select child_id from children where child_id = any($1::text[])', [questions.childIds]);
      const providers = await tx.query<{ provider_id: string }>('select provider_id from providers where provider_id = any($1::text[])', [questions.providerIds]);
      const episodes = await tx.query<StoredEpisode>(
        'select episode_id, child_id, start_date, end_date from looked_after_episodes where episode_id = any($1::text[])',
        [questions.episodeIds],
      );
      const placements = await tx.query<StoredPlacement>(
        `select placement_id, episode_id, child_id, start_date, end_date from placements
         where child_id = any($1::text[]) or episode_id = any($2::text[])`,
        [questions.placedChildIds, questions.episodeIds],
      );
      return {
        authority: authority && { code: authority.authority_code, name: authority.authority_name },
        childIds: new Set(children.map((row) => row.child_id)),
        providerIds: new Set(providers.map((row) => row.provider_id)),
        episodes: new Map(episodes.map((row) => [row.episode_id, row])),
        placements,
      };
    },

    /**
     * Bring the planner's statistics up to date for the tables an import changed, after it commits, so the next
     * query plans for the rows now there rather than for the empty tables of a first import (PGlite has no
     * autovacuum to do it later; PostgreSQL's would, but only after a while).
     * @example await repository.refreshStatistics(db, ['children', 'placements'])
     */
    async refreshStatistics(db: Queryable, changed: readonly ExtractFileKind[]): Promise<void> {
      const tables = [...new Set(changed.flatMap((kind) => tablesOf[kind]))];
      if (tables.length > 0) await db.exec(`analyze ${tables.join(', ')}`);
    },

    /**
     * Families are not a file: a `family_id` in children.csv brings its family into being.
     * @example await repository.addFamilies(tx, ['F1', 'F2'])
     */
    async addFamilies(tx: Queryable, familyIds: readonly string[]): Promise<void> {
      for (let from = 0; from < familyIds.length; from += rowsPerStatement) {
        await tx.query(
          'insert into families (family_id) select * from unnest($1::text[]) on conflict (family_id) do nothing',
          [familyIds.slice(from, from + rowsPerStatement)],
        );
      }
    },

    /**
     * Insert or update one file's rows, a few thousand to a statement, and count what changed.
     * @example const summary = await repository.write(tx, 'children', rows, (written) => undefined)
     */
    async write<K extends ExtractFileKind>(
      tx: Queryable,
      kind: K,
      rows: readonly ExtractRecords[K][],
      onStatement: (written: number) => void = () => undefined,
    ): Promise<FileSummary> {
      const upsert: Upsert<ExtractRecords[K]> = upserts[kind];
      const summary: FileSummary = { added: 0, updated: 0, unchanged: 0 };
      for (let from = 0; from < rows.length; from += rowsPerStatement) {
        const chunk = rows.slice(from, from + rowsPerStatement);
        // Counted in the database: one row back per statement rather than one per record.
        const [counts] = await tx.query<{ added: number; updated: number }>(
          `with changed as (${upsert.sql})
           select count(*) filter (where inserted)::integer as added, count(*) filter (where not inserted)::integer as updated from changed`,
          upsert.parameters(chunk),
        );
        summary.added += counts.added;
        summary.updated += counts.updated;
        summary.unchanged += chunk.length - counts.added - counts.updated;
        onStatement(chunk.length);
      }
      return summary;
    },
  };
}
export type ExtractRepository = ReturnType<typeof extractRepository>;
