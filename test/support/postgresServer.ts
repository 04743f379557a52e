/** @module The PostgreSQL server under test: one statement on its maintenance connection, and a database's address on it. */
import pg from 'pg';

/** One statement on the server's maintenance connection (create or drop a database). */
export async function serverQuery(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** The connection string of database `name` on the server `serverUrl` names. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
