/** @module The server engine: PostgreSQL through a `pg` pool. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createHash } from 'node:crypto';
import type { Database, Queryable, QueryOptions, SqlValue } from './database.js';
import { valueParsers } from './database.js';

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return valueParsers[oid] ?? pg.types.getTypeParser(oid, format ?? 'text');
  },
};

/** How statements are run: as asked, or one at a time in order (a transaction's single connection). */
type Runner = <T>(statement: () => Promise<T>) => Promise<T>;
const asAsked: Runner = (statement) => statement();

/** A prepared statement's name: the same SQL always gets the same name, on every connection (ADR 0060). */
const statementNames = new Map<string, string>();
const statementName = (sql: string): string => {
  let name = statementNames.get(sql);
  if (!name) statementNames.set(sql, (name = `cairn_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`));
  return name;
};

function wrap(client: pg.Pool | pg.PoolClient, run: Runner = asAsked): Queryable {
  return {
    query: <Row>(sql: string, params: readonly SqlValue[] = [], options: QueryOptions = {}) =>
      run(async () => {
        const values = params as unknown[];
        const result = options.prepared && values.length > 0 ? await client.query({ name: statementName(sql), text: sql, values }) : await client.query(sql, values);
        return result.rows as Row[];
      }),
    exec: (sql: string) => run(async () => void (await client.query(sql))),
  };
}

function* asBuffers(parts: Iterable<string>): Generator<Buffer> {
  for (const part of parts) if (part.length > 0) yield Buffer.from(part);
}

/**
 * A transaction's connection, which can also COPY rows in from standard input. Its statements go one at a time in
 * the order asked: callers may ask several at once (the statistics run its indicators together in one snapshot), and
 * `pg` deprecates a second query on a connection that is still busy (it will refuse it from pg 9).
 */
function wrapTransaction(client: pg.PoolClient, pool?: pg.Pool): Queryable {
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn: Runner = (statement) => {
    const turn = previous.then(statement);
    previous = turn.catch(() => undefined);
    return turn;
  };
  const self = wrap(client, inTurn);
  return {
    ...self,
    ...(pool ? { inSharedSnapshot: <T>(setUp: readonly string[], work: (both: Queryable) => Promise<T>) => inSharedSnapshot(self, pool, setUp, work) } : {}),
    copyIn: (table: string, columns: readonly string[], text: string | Iterable<string>) =>
      inTurn(async () => {
        const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
        // One part asked for at a time: the next is made while the server takes in the one before.
        await pipeline(Readable.from(asBuffers(typeof text === 'string' ? [text] : text), { highWaterMark: 1 }), stream);
        return stream.rowCount;
      }),
  };
}

/** A snapshot's name as `pg_export_snapshot` gives it (hexadecimal parts joined by hyphens). */
const snapshotName = /^[0-9A-F]+(-[0-9A-F]+)+$/i;

/**
 * `Queryable.inSharedSnapshot` (ADR 0066): a second connection in `main`'s snapshot, and statements given to whichever
 * of the two comes free first, in the order asked. The helper's transaction is read only and ends with `work`.
 */
async function inSharedSnapshot<T>(main: Queryable, pool: pg.Pool, setUp: readonly string[], work: (both: Queryable) => Promise<T>): Promise<T> {
  const [exported] = await main.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot');
  const snapshot = exported?.snapshot ?? '';
  if (!snapshotName.test(snapshot)) throw new Error(`unexpected snapshot name ${JSON.stringify(snapshot)}`);
  return inTransaction(pool, 'begin isolation level repeatable read read only', async (client) => {
    await client.query(`set transaction snapshot '${snapshot}'`);
    for (const statement of setUp) await client.query(statement);
    return work(spreadOver([main, wrap(client)]));
  });
}

/** `work` in a transaction begun by `begin` on a connection of the pool: committed if it resolves, else rolled back. */
async function inTransaction<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Statements given one at a time to whichever connection is free, in the order asked; `exec` to the first. */
function spreadOver(connections: readonly Queryable[]): Queryable {
  const free = [...connections];
  const waiting: ((connection: Queryable) => void)[] = [];
  const next = () => {
    while (free.length > 0 && waiting.length > 0) waiting.shift()!(free.shift()!);
  };
  const onFree = <R>(run: (connection: Queryable) => Promise<R>): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      waiting.push((connection) => {
        run(connection)
          .then(resolve, reject)
          .finally(() => {
            free.push(connection);
            next();
          });
      });
      next();
    });
  return {
    query: <Row>(sql: string, params?: readonly SqlValue[], options?: QueryOptions) => onFree((connection) => connection.query<Row>(sql, params, options)),
    exec: (sql: string) => connections[0]!.exec(sql),
  };
}

/**
 * Open a pool on a PostgreSQL server.
 * @example const db = openPostgres('postgres://root@127.0.0.1:5432/test')
 */
export function openPostgres(connectionString: string, options: { max?: number } = {}): Database {
  // Idle connections are kept for ten minutes rather than pg's ten seconds: a new one costs a PostgreSQL process with
  // cold catalogue caches and its prepared statements made again, the long tail of a lightly loaded page (ADR 0060).
  // They do not keep a process alive on their own (`allowExitOnIdle`), as pg's short timeout let them go before.
  const pool = new pg.Pool({ connectionString, types, max: options.max ?? 10, idleTimeoutMillis: 600_000, allowExitOnIdle: true });
  // An idle connection dropped by the server (a restart, or a test dropping its database) must not crash
  // the process: the pool discards it and opens another when next needed.
  pool.on('error', () => undefined);
  const self = wrap(pool);
  return {
    engine: 'postgres',
    query: self.query,
    async transaction(work) {
      return inTransaction(pool, 'begin', (client) => work(wrapTransaction(client, pool)));
    },
    exec: self.exec,
    async close() {
      await pool.end();
    },
  };
}
