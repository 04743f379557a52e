/** @module SQL for the reference lists: entries, their other names, and every column that records an entry (its uses). */
import type { Queryable } from '../../db/database.js';
import type { ReferenceEntry, ReferenceList } from './referenceList.js';

/** Every column that records an entry of a list, by the entry's recorded value (a worker's ID, otherwise its name). */
/** `versioned`: the table carries a version (ADR 0020), bumped so a form opened before the change sees it. */
const uses: Record<ReferenceList, readonly { table: string; column: string; versioned?: boolean }[]> = {
  team: [
    { table: 'cases', column: 'team' },
    { table: 'users', column: 'team' },
    { table: 'referral_intake', column: 'team' },
    { table: 'training_staff', column: 'team' },
    { table: 'case_file_audit_files', column: 'team' },
  ],
  school_cluster: [
    { table: 'children', column: 'school_cluster', versioned: true },
    { table: 'referrals', column: 'school_cluster' },
    { table: 'referral_intake', column: 'school_cluster' },
  ],
  school: [{ table: 'children', column: 'school', versioned: true }],
  worker: [{ table: 'cases', column: 'worker_id' }],
  partner_agency: [{ table: 'key_people', column: 'agency' }],
  participant_role: [],
};

/** The same rule as matchKey() in referenceList.ts, in SQL. */
const keyOf = (column: string) => `lower(regexp_replace(${column}, '\\s', '', 'g'))`;

interface EntryRow {
  entry_id: number;
  list: ReferenceList;
  name: string;
  code: string | null;
  retired_on: string | null;
  same_as: number | null;
  match_key: string;
}

const columns = 'entry_id, list, name, code, retired_on, same_as, match_key';
const entryOf = (row: EntryRow): ReferenceEntry => ({ entryId: row.entry_id, list: row.list, name: row.name, code: row.code, retiredOn: row.retired_on });

/** An entry with the spellings merged into it. */
export interface ListedEntry extends ReferenceEntry {
  otherNames: string[];
  /** How many records hold it. */
  uses: number;
}

/** An entry or another name for one, as stored. */
export interface StoredEntry extends ReferenceEntry {
  sameAs: number | null;
  matchKey: string;
}

/** @example await referenceRepository().entries(db, 'school_cluster') */
export function referenceRepository() {
  return {
    /**
     * The entries of a list (not other names), each with its other names and how many records hold it. Counting the
     * uses reads every record that holds the list, so a form offering the choices asks without them (`uses: 0`).
     */
    async entries(db: Queryable, list: ReferenceList, options: { countUses: boolean } = { countUses: true }): Promise<ListedEntry[]> {
      const rows = await db.query<EntryRow>(`select ${columns} from reference_entries where list = $1 order by lower(name), entry_id`, [list]);
      const counts = new Map<string, number>();
      const recorded = uses[list];
      if (recorded.length && options.countUses) {
        const union = recorded.map(({ table, column }) => `select ${keyOf(column)} as match_key from ${table} where ${column} is not null`).join(' union all ');
        const counted = await db.query<{ match_key: string; n: number }>(`select match_key, count(*)::integer as n from (${union}) used group by match_key`);
        for (const row of counted) counts.set(row.match_key, row.n);
      }
      const byId = new Map<number, ListedEntry>();
      for (const row of rows) if (row.same_as === null) byId.set(row.entry_id, { ...entryOf(row), otherNames: [], uses: counts.get(row.match_key) ?? 0 });
      for (const row of rows) {
        if (row.same_as === null) continue;
        const target = byId.get(row.same_as);
        if (target) target.otherNames.push(row.name);
      }
      return [...byId.values()];
    },

    /** Every row of a list, other names included, for matching values against it. */
    async stored(db: Queryable, list: ReferenceList): Promise<StoredEntry[]> {
      const rows = await db.query<EntryRow>(`select ${columns} from reference_entries where list = $1`, [list]);
      return rows.map((row) => ({ ...entryOf(row), sameAs: row.same_as, matchKey: row.match_key }));
    },

    /** One entry, locked for the transaction's change. */
    async entry(db: Queryable, list: ReferenceList, entryId: number): Promise<StoredEntry | undefined> {
      const [row] = await db.query<EntryRow>(`select ${columns} from reference_entries where list = $1 and entry_id = $2 for update`, [list, entryId]);
      return row && { ...entryOf(row), sameAs: row.same_as, matchKey: row.match_key };
    },

    /** The entry (or other name) already holding a match key, if any. */
    async holding(db: Queryable, list: ReferenceList, key: string): Promise<StoredEntry | undefined> {
      const [row] = await db.query<EntryRow>(`select ${columns} from reference_entries where list = $1 and match_key = $2`, [list, key]);
      return row && { ...entryOf(row), sameAs: row.same_as, matchKey: row.match_key };
    },

    async add(db: Queryable, entry: { list: ReferenceList; name: string; code: string | null; matchKey: string; sameAs?: number }): Promise<number> {
      const [row] = await db.query<{ entry_id: number }>(
        'insert into reference_entries (list, name, code, match_key, same_as) values ($1, $2, $3, $4, $5) returning entry_id',
        [entry.list, entry.name, entry.code, entry.matchKey, entry.sameAs ?? null],
      );
      return row!.entry_id;
    },

    async rename(db: Queryable, entryId: number, change: { name: string; code: string | null; matchKey: string }): Promise<void> {
      await db.query('update reference_entries set name = $2, code = $3, match_key = $4 where entry_id = $1', [entryId, change.name, change.code, change.matchKey]);
    },

    /** Several new entries of one list in one statement (the importer's values on no list). */
    async addMany(db: Queryable, list: ReferenceList, entries: readonly { name: string; code: string | null; matchKey: string }[]): Promise<void> {
      if (!entries.length) return;
      await db.query(
        'insert into reference_entries (list, name, code, match_key) select $1, * from unnest($2::text[], $3::text[], $4::text[])',
        [list, entries.map((e) => e.name), entries.map((e) => e.code), entries.map((e) => e.matchKey)],
      );
    },

    async setRetired(db: Queryable, entryId: number, retiredOn: string | null): Promise<void> {
      await db.query('update reference_entries set retired_on = $2 where entry_id = $1', [entryId, retiredOn]);
    },

    /** Make an entry, and every other name it had, other names of `intoId`. */
    async makeSameAs(db: Queryable, entryId: number, intoId: number): Promise<void> {
      await db.query('update reference_entries set same_as = $2 where entry_id = $1 or same_as = $1', [entryId, intoId]);
    },

    /**
     * Every record holding a value with the match key `fromKey` is given `to` instead, in every column recording the list.
     * @returns how many records changed, by table
     */
    async moveUses(db: Queryable, list: ReferenceList, fromKey: string, to: string): Promise<Record<string, number>> {
      const moved: Record<string, number> = {};
      for (const { table, column, versioned } of uses[list]) {
        const bump = versioned ? ', version = version + 1' : '';
        const rows = await db.query<{ n: number }>(
          `with changed as (update ${table} set ${column} = $2${bump} where ${keyOf(column)} = $1 and ${column} is distinct from $2 returning 1) select count(*)::integer as n from changed`,
          [fromKey, to],
        );
        const count = rows[0]?.n ?? 0;
        if (count > 0) moved[`${table}.${column}`] = (moved[`${table}.${column}`] ?? 0) + count;
      }
      return moved;
    },
  };
}
export type ReferenceRepository = ReturnType<typeof referenceRepository>;
