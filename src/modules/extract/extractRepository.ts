/** @module SQL for the extract importer: what the checks need to know of the database, and set-based upserts of each file's rows. */
import type { Queryable } from '../../db/database.js';
import { copyText } from '../../db/copyText.js';
import type { ExtractFileKind, ExtractRecords, FileSummary, RowBatches } from './extract.js';
import type { DatabaseQuestions, DatabaseState, StoredEpisode, StoredPlacement } from './validateExtract.js';

/** Rows per statement: big enough to keep round trips few, small enough to keep each statement's arrays modest. */
const rowsPerStatement = 5000;

/**
 * Rows per part of a COPY's text: small enough that each part's text (well under V8's 128 KB for an ordinary object)
 * is made and let go in the young generation, rather than piling up in the old one until a full collection (ADR 0065).
 */
const rowsPerCopyPart = 1000;

/** One value in one of a statement's parallel arrays. */
type ArrayValue = string | number | boolean | null;

/** One column of an upsert: its name in the table, its SQL array type, and its value from a record. */
interface UpsertColumn<R> {
  name: string;
  type: string;
  value(record: R): ArrayValue;
  /** What is selected from the unnested arrays, when not the column itself. */
  select?: string;
}

/**
 * How one file's records are written: inserted from parallel arrays, those whose key exists updated where their
 * values differ, one row back per record added or updated (`inserted` true when added). An unchanged record is not
 * touched at all, so a second import of the same folder changes nothing.
 */
interface Upsert<R> {
  table: string;
  /** The conflict target. */
  conflict: string;
  /** Columns the update never sets (the record's identity). */
  key: readonly string[];
  columns: readonly UpsertColumn<R>[];
  /** More `column = value` pairs for the update (a changed child's `updated_at`). */
  alsoSet?: string;
}

function column<R>(name: keyof R & string, type: string, select?: string): UpsertColumn<R> {
  return { name, type, value: (record) => record[name] as ArrayValue, select };
}

/**
 * The statement for one file. A column the extract's header left out (`absent`) is inserted as empty for a new
 * record but neither compared nor set for a stored one: leaving a column out leaves it as it is (issue 16).
 * Names come from the specs below, never from input.
 */
function upsertSql<R>(upsert: Upsert<R>, absent: ReadonlySet<string>): string {
  const names = upsert.columns.map((c) => c.name);
  const arrays = upsert.columns.map((c, index) => `$${index + 1}::${c.type}[]`);
  const selects = upsert.columns.map((c) => c.select ?? c.name);
  const updated = names.filter((name) => !upsert.key.includes(name) && !absent.has(name));
  const set = [...updated.map((name) => `${name} = excluded.${name}`), ...(upsert.alsoSet ? [upsert.alsoSet] : [])];
  return `insert into ${upsert.table} (${names.join(', ')})
      select ${selects.join(', ')} from unnest(${arrays.join(', ')}) as incoming (${names.join(', ')})
      on conflict (${upsert.conflict}) do update set ${set.join(', ')}
      where (${updated.map((name) => `${upsert.table}.${name}`).join(', ')}) is distinct from (${updated.map((name) => `excluded.${name}`).join(', ')})
      returning (xmax = 0) as inserted`;
}

/** A file whose new records can be copied straight into its table: one key column, and every value as it is. */
function copyable<R>(upsert: Upsert<R>): boolean {
  return upsert.key.length === 1 && upsert.conflict === upsert.key[0] && upsert.columns.every((c) => c.select === undefined);
}

/** Which of `keys` are already in the table (as text). Names come from the specs, never from input. */
async function storedKeys<R>(tx: Queryable, upsert: Upsert<R>, keys: readonly ArrayValue[]): Promise<Set<string>> {
  const key = upsert.columns.find((c) => c.name === upsert.key[0])!;
  const found = await tx.query<{ key: string }>(
    `select ${upsert.table}.${key.name}::text as key from unnest($1::${key.type}[]) as incoming (key) join ${upsert.table} on ${upsert.table}.${key.name} = incoming.key`,
    [keys],
  );
  return new Set(found.map((row) => row.key));
}

/** Families are only ever added, by their id (see addFamilies). */
const familyKey: Upsert<string> = { table: 'families', conflict: 'family_id', key: ['family_id'], columns: [{ name: 'family_id', type: 'text', value: (id) => id }] };

const upserts: { [K in ExtractFileKind]: Upsert<ExtractRecords[K]> } = {
  authority: {
    table: 'authority',
    conflict: 'singleton',
    key: [],
    columns: [column('authority_code', 'text'), column('authority_name', 'text')],
  },
  population: {
    table: 'population',
    conflict: 'year',
    key: ['year'],
    columns: [column('year', 'integer'), column('age_0_17', 'integer')],
  },
  children: {
    table: 'children',
    conflict: 'child_id',
    key: ['child_id'],
    alsoSet: 'updated_at = now()',
    columns: [
      column('child_id', 'text'),
      column('family_id', 'text'),
      column('forename', 'text'),
      column('surname', 'text'),
      column('date_of_birth', 'date'),
      column('sex', 'text'),
      column('ethnicity', 'text'),
      column('disability', 'text'),
      column('school_cluster', 'text'),
      column('locality', 'text'),
    ],
  },
  providers: {
    table: 'providers',
    conflict: 'provider_id',
    key: ['provider_id'],
    columns: [column('provider_id', 'text'), column('name', 'text'), column('provider_type', 'text')],
  },
  looked_after: {
    table: 'looked_after_episodes',
    conflict: 'episode_id',
    key: ['episode_id'],
    columns: [
      column('episode_id', 'text'),
      column('child_id', 'text'),
      column('start_date', 'date'),
      column('end_date', 'date'),
      column('legal_reason', 'text'),
      column('reason_ended', 'text'),
    ],
  },
  placements: {
    table: 'placements',
    conflict: 'placement_id',
    key: ['placement_id'],
    columns: [
      column('placement_id', 'text'),
      column('episode_id', 'text'),
      column('child_id', 'text'),
      column('start_date', 'date'),
      column('end_date', 'date'),
      column('placement_type', 'text'),
      column('provider_id', 'text'),
      // The column is "Y where the child lives outside the authority's area": empty means not.
      { name: 'out_of_authority', type: 'boolean', value: (r) => r.out_of_authority ?? false },
      column('weekly_cost', 'numeric'),
    ],
  },
  cases: {
    table: 'cases',
    conflict: 'case_id',
    key: ['case_id'],
    columns: [
      column('case_id', 'text'),
      column('child_id', 'text'),
      column('team', 'text'),
      column('worker_id', 'text'),
      column('opened_date', 'date'),
      column('closed_date', 'date'),
    ],
  },
  referrals: {
    table: 'referrals',
    conflict: 'referral_id',
    key: ['referral_id'],
    columns: [
      column('referral_id', 'text'),
      column('child_id', 'text'),
      column('received_date', 'date'),
      column('source', 'text'),
      column('reason', 'text'),
      column('school_cluster', 'text'),
      column('pathway', 'text'),
      column('closed_date', 'date'),
    ],
  },
  cp_registrations: {
    table: 'cp_registrations',
    conflict: 'registration_id',
    key: ['registration_id'],
    columns: [
      column('registration_id', 'text'),
      column('child_id', 'text'),
      column('registered_date', 'date'),
      column('deregistered_date', 'date'),
      // Concerns travel as one ';'-joined string per row: arrays of arrays cannot be unnested row by row.
      { name: 'concerns', type: 'text', value: (r) => r.concerns.join(';'), select: `string_to_array(concerns, ';')` },
      column('deregistration_reason', 'text'),
    ],
  },
  scra_referrals: {
    table: 'scra_referrals',
    conflict: 'scra_referral_id',
    key: ['scra_referral_id'],
    columns: [column('scra_referral_id', 'text'), column('child_id', 'text'), column('referral_date', 'date'), column('ground', 'text')],
  },
  benchmarks: {
    table: 'benchmarks',
    conflict: 'year, indicator, area',
    key: ['year', 'indicator', 'area'],
    columns: [column('year', 'integer'), column('indicator', 'text'), column('area', 'text'), column('value', 'numeric')],
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
     * Leave this transaction's placements to `checkPlacements` rather than two deferred triggers a row (migration 0051):
     * the same rules, one set-based statement instead of two PL/pgSQL calls per placement at commit.
     * @example await repository.checkPlacementsOnce(tx)
     */
    async checkPlacementsOnce(tx: Queryable): Promise<void> {
      await tx.query(`select set_config('cairn.placements_checked_by_import', 'on', true)`);
    },

    /**
     * The checks the placement triggers would have made at commit, for the placements written: each within its episode,
     * none overlapping another of its child's (the same errors as the triggers). Run last, just before commit.
     * @example await repository.checkPlacements(tx, ['P1', 'P2'])
     */
    async checkPlacements(tx: Queryable, placementIds: readonly string[]): Promise<void> {
      if (placementIds.length > 0) await tx.query('select check_imported_placements($1::text[])', [placementIds]);
    },

    /**
     * A first load: for each table the files of `kinds` write to that is empty and owned by this connection's role, drop its secondary
     * indexes (not unique ones, which keys and upserts rely on) and the foreign keys it holds, answering what
     * `restoreAfterFirstLoad` runs to put them back once its rows are in (ADR 0056). Building an index once over
     * all the rows, and checking a foreign key with one query, is several times less work than doing both row by
     * row. Only in this transaction: a rollback puts everything back as it was; until commit the tables are locked
     * (a first load has nothing to read yet). The server's role owns no table (ADR 0042), so its imports never
     * take this path; `cairn import` run as the owner, PGlite and a development database do. Statements are
     * built from the catalogue, never from input.
     * @example const restore = await repository.setAsideForFirstLoad(tx, ['children', 'cases']); await repository.restoreAfterFirstLoad(tx, restore)
     */
    async setAsideForFirstLoad(tx: Queryable, kinds: readonly ExtractFileKind[]): Promise<string[]> {
      const tables = [...new Set(kinds.flatMap((kind) => tablesOf[kind]))];
      const owned = await tx.query<{ table_name: string }>(
        `select c.oid::regclass::text as table_name from pg_class c
          where c.oid = any($1::regclass[]) and pg_has_role(current_user, c.relowner, 'USAGE')`,
        [tables],
      );
      const empty: string[] = [];
      for (const { table_name } of owned) {
        // One existence probe a table (names from the catalogue): a table with any row is loaded the ordinary way.
        const [{ has_rows }] = await tx.query<{ has_rows: boolean }>(`select exists (select 1 from ${table_name}) as has_rows`);
        if (!has_rows) empty.push(table_name);
      }
      if (empty.length === 0) return [];
      const steps = await tx.query<{ put_aside: string; put_back: string }>(
        `select format('drop index %s', i.indexrelid::regclass) as put_aside, pg_get_indexdef(i.indexrelid) as put_back
           from pg_index i
          where i.indrelid = any($1::regclass[]) and not i.indisunique
            and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
         union all
         select format('alter table %s drop constraint %I', k.conrelid::regclass, k.conname),
                format('alter table %s add constraint %I %s', k.conrelid::regclass, k.conname, pg_get_constraintdef(k.oid))
           from pg_constraint k
          where k.contype = 'f' and k.conrelid = any($1::regclass[])`,
        [empty],
      );
      for (const step of steps) await tx.exec(step.put_aside);
      return steps.map((step) => step.put_back);
    },

    /**
     * Put back what `setAsideForFirstLoad` dropped: each index built over every row at once, each foreign key
     * checked with one query (a row pointing nowhere fails here, and the import is refused).
     * @example await repository.restoreAfterFirstLoad(tx, restore)
     */
    async restoreAfterFirstLoad(tx: Queryable, putBack: readonly string[]): Promise<void> {
      for (const statement of putBack) await tx.exec(statement);
    },

    /**
     * Families are not a file: a `family_id` in children.csv brings its family into being.
     * @example await repository.addFamilies(tx, ['F1', 'F2'])
     */
    async addFamilies(tx: Queryable, familyIds: readonly string[]): Promise<void> {
      if (tx.copyIn) {
        // As for a file's records: families not yet stored are copied in.
        const stored = await storedKeys(tx, familyKey, familyIds);
        const fresh = familyIds.filter((id) => !stored.has(id));
        const parts = function* (): Generator<string> {
          for (let from = 0; from < fresh.length; from += rowsPerCopyPart) yield copyText(fresh.slice(from, from + rowsPerCopyPart).map((id) => [id]));
        };
        await tx.copyIn('families', ['family_id'], parts());
        return;
      }
      for (let from = 0; from < familyIds.length; from += rowsPerStatement) {
        await tx.query(
          'insert into families (family_id) select * from unnest($1::text[]) on conflict (family_id) do nothing',
          [familyIds.slice(from, from + rowsPerStatement)],
        );
      }
    },

    /**
     * Insert or update one file's rows, a few thousand to a statement, and count what changed; columns the file left
     * out are kept as stored.
     * @example const summary = await repository.write(tx, 'children', rows, (written) => undefined, ['locality'])
     */
    async write<K extends ExtractFileKind>(
      tx: Queryable,
      kind: K,
      rows: RowBatches<ExtractRecords[K]>,
      onStatement: (written: number) => void = () => undefined,
      absentColumns: readonly string[] = [],
    ): Promise<FileSummary> {
      type Row = ExtractRecords[K];
      const upsert: Upsert<Row> = upserts[kind];
      const sql = upsertSql(upsert, new Set(absentColumns));
      const summary: FileSummary = { added: 0, updated: 0, unchanged: 0 };
      const upsertBatch = async (batch: readonly Row[]) => {
        if (batch.length === 0) return;
        // Counted in the database: one row back per statement rather than one per record.
        const [counts] = await tx.query<{ added: number; updated: number }>(
          `with changed as (${sql})
           select count(*) filter (where inserted)::integer as added, count(*) filter (where not inserted)::integer as updated from changed`,
          upsert.columns.map((c) => batch.map(c.value)),
        );
        summary.added += counts.added;
        summary.updated += counts.updated;
        summary.unchanged += batch.length - counts.added - counts.updated;
      };
      // A batch at a time: the file's rows are held packed (ADR 0065) and only a batch is ever unpacked.
      function* batches(keep: (row: Row) => boolean = () => true, size = rowsPerStatement): Generator<Row[]> {
        for (let from = 0; from < rows.length; from += size) yield rows.slice(from, from + size).filter(keep);
      }
      const key = copyable(upsert) ? upsert.columns.find((c) => c.name === upsert.key[0]) : undefined;
      if (!tx.copyIn || !key) {
        for (const batch of batches()) {
          await upsertBatch(batch);
          onStatement(batch.length);
        }
        return summary;
      }
      // Records not yet stored are copied in (COPY: about 1.6 times the rate of the upsert on PGlite); the rest are
      // upserted, compared and counted. An id stored meanwhile by another writer fails the COPY with a unique
      // violation, which refuses the whole import (nothing is half-written).
      const keys: ArrayValue[] = [];
      rows.forEachValue(key.name as keyof Row & string, (value) => keys.push(value as ArrayValue));
      const stored = await storedKeys(tx, upsert, keys);
      const isStored = (row: Row) => stored.has(String(key.value(row)));
      if (stored.size < keys.length) {
        // One COPY for the file, each batch's text made ready as the one before is sent (ADR 0065).
        const freshText = function* (): Generator<string> {
          for (const fresh of batches((row) => !isStored(row), rowsPerCopyPart)) {
            yield copyText(fresh.map((row) => upsert.columns.map((c) => c.value(row))));
            onStatement(fresh.length);
          }
        };
        summary.added += await tx.copyIn(upsert.table, upsert.columns.map((c) => c.name), freshText());
      }
      if (stored.size > 0) {
        for (const batch of batches(isStored)) {
          await upsertBatch(batch);
          onStatement(batch.length);
        }
      }
      return summary;
    },
  };
}
export type ExtractRepository = ReturnType<typeof extractRepository>;
