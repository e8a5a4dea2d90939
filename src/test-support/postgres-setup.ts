/**
 * Vitest global setup: find the PostgreSQL server the store tests also run on. An explicit
 * TEST_POSTGRES_URL wins; otherwise the machine's own server on 127.0.0.1:5432 is used when it
 * answers. In CI a missing server is an error (the suite must run on both engines there);
 * elsewhere the tests run on SQLite only, and say so.
 */
import pg from 'pg';

const LOCAL = 'postgres://postgres@127.0.0.1:5432/postgres';

export default async function setup(): Promise<void> {
  const url = process.env.TEST_POSTGRES_URL ?? LOCAL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    process.env.TEST_POSTGRES_URL = url;
  } catch (error) {
    if (process.env.CI) throw new Error(`PostgreSQL is required in CI (TEST_POSTGRES_URL=${url}): ${(error as Error).message}`);
    console.warn(`PostgreSQL not reachable at ${url} (${(error as Error).message}): store tests run on SQLite only`);
    delete process.env.TEST_POSTGRES_URL;
  } finally {
    await client.end().catch(() => undefined);
  }
}
