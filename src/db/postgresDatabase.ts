/** @module The server engine: PostgreSQL through a `pg` pool. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Queryable, SqlValue } from './database.js';
import { typeOids } from './database.js';

const parsers: Record<number, (value: string) => unknown> = {
  [typeOids.int8]: (value) => Number(value),
  [typeOids.numeric]: (value) => Number(value),
  [typeOids.date]: (value) => value,
};

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return parsers[oid] ?? pg.types.getTypeParser(oid, format ?? 'text');
  },
};

/** How statements are run: as asked, or one at a time in order (a transaction's single connection). */
type Runner = <T>(statement: () => Promise<T>) => Promise<T>;
const asAsked: Runner = (statement) => statement();

function wrap(client: pg.Pool | pg.PoolClient, run: Runner = asAsked): Queryable {
  return {
    query: <Row>(sql: string, params: readonly SqlValue[] = []) => run(async () => (await client.query(sql, params as unknown[])).rows as Row[]),
    exec: (sql: string) => run(async () => void (await client.query(sql))),
  };
}

/**
 * A transaction's connection, which can also COPY rows in from standard input. Its statements go one at a time in
 * the order asked: callers may ask several at once (the statistics run its indicators together in one snapshot), and
 * `pg` deprecates a second query on a connection that is still busy (it will refuse it from pg 9).
 */
function wrapTransaction(client: pg.PoolClient): Queryable {
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn: Runner = (statement) => {
    const turn = previous.then(statement);
    previous = turn.catch(() => undefined);
    return turn;
  };
  return {
    ...wrap(client, inTurn),
    copyIn: (table: string, columns: readonly string[], text: string) =>
      inTurn(async () => {
        const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
        await pipeline(Readable.from([Buffer.from(text)]), stream);
        return stream.rowCount;
      }),
  };
}

/**
 * Open a pool on a PostgreSQL server.
 * @example const db = openPostgres('postgres://root@127.0.0.1:5432/test')
 */
export function openPostgres(connectionString: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString, types, max: options.max ?? 10 });
  // An idle connection dropped by the server (a restart, or a test dropping its database) must not crash
  // the process: the pool discards it and opens another when next needed.
  pool.on('error', () => undefined);
  const self = wrap(pool);
  return {
    engine: 'postgres',
    query: self.query,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(wrapTransaction(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: self.exec,
    async close() {
      await pool.end();
    },
  };
}
