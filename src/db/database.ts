/** @module One database interface for both engines: PGlite (embedded) and PostgreSQL (`pg`). */

/** A value that may be bound to a `$n` placeholder. */
export type SqlValue = string | number | boolean | null | Date | readonly (string | number | boolean | null)[] | Record<string, unknown>;

/**
 * How a statement is run. `prepared`: PostgreSQL keeps it parsed and planned on each pooled connection (a named
 * statement), for the few short look-ups every page asks (issue 15 item 4, ADR 0060). Only for fixed SQL from code,
 * with parameters, naming its columns (no `*`, whose result would change with the table); PGlite ignores it.
 */
export interface QueryOptions {
  prepared?: boolean;
}

/** Anything that can run a parameterised statement: the database itself or an open transaction. */
export interface Queryable {
  /**
   * Run one parameterised statement and return its rows.
   * @example await db.query<{ id: string }>('select id from children where surname = $1', ['Boyd'])
   */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[], options?: QueryOptions): Promise<Row[]>;
  /** Run several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * In a transaction only: `COPY table (columns) FROM` rows in COPY's text format (tab-separated, `\N` for null,
   * one row a line; see `copyText`), answering how many went in. Names come from code, never from input. PostgreSQL
   * streams them from standard input (pg-copy-streams), PGlite reads them as a blob (`/dev/blob`). ADR 0033.
   * The text may come in parts, each made ready only as the one before it is sent (ADR 0065): PostgreSQL then takes
   * in one part while the next is made, in one COPY; PGlite, on the caller's thread, copies each part in turn.
   * @example await tx.copyIn?.('families', ['family_id'], 'F1\nF2\n')
   */
  copyIn?(table: string, columns: readonly string[], text: string | Iterable<string>): Promise<number>;
  /**
   * In a repeatable-read transaction on PostgreSQL only: run `work` with statements spread over this transaction's
   * connection and one more, opened in this transaction's snapshot (`pg_export_snapshot`, `SET TRANSACTION SNAPSHOT`)
   * and set up by `setUp`, each taking the next statement asked as it comes free: independent reads run on two server
   * processes at once and see exactly what this transaction sees (ADR 0066). PGlite has one connection and no such thing.
   * @example await tx.inSharedSnapshot?.([`set local work_mem = '64MB'`], (both) => computeOn(both, options))
   */
  inSharedSnapshot?<T>(setUp: readonly string[], work: (both: Queryable) => Promise<T>): Promise<T>;
}

export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Run `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * PGlite only: the whole data folder as a gzipped tarball, taken between two statements (no statement runs
   * while it is read), so it opens as the database stood at that instant (ADR 0046). PostgreSQL has pg_dump.
   */
  snapshot?(): Promise<Uint8Array>;
}

/** Type OIDs we parse the same way on both engines so rows look identical. */
export const typeOids = { int8: 20, numeric: 1700, date: 1082 } as const;

/**
 * Each date read, once: a date is one of a few tens of thousands of days, and a large authority reads millions. Begun
 * again past `mostDatesKept` (three centuries of days), so no run of odd dates can make it grow without end.
 */
const datesRead = new Map<string, string>();
const mostDatesKept = 110_000;

/**
 * How both engines give the values they read: bigint and numeric as numbers, a date as its `YYYY-MM-DD` text, the
 * same string for the same day (a read of every record holds one string a day, not one a field; ADR 0067).
 */
export const valueParsers: Record<number, (value: string) => unknown> = {
  [typeOids.int8]: (value) => Number(value),
  [typeOids.numeric]: (value) => Number(value),
  [typeOids.date]: (value) => {
    const known = datesRead.get(value);
    if (known !== undefined) return known;
    if (datesRead.size >= mostDatesKept) datesRead.clear();
    datesRead.set(value, value);
    return value;
  },
};

