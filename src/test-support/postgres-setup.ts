/**
 * Vitest global setup: find the PostgreSQL server the store tests also run on. An explicit
 * TEST_POSTGRES_URL wins; otherwise the machine's own server on 127.0.0.1:5432 is used when it
 * answers. In CI a missing server is an error (the suite must run on both engines there);
 * elsewhere the tests run on SQLite only, and say so.
 */
import pg from 'pg';

const LOCAL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of the server the tests may use, or the reason there is none. */
export async function findPostgres(): Promise<{ url: string } | { url?: undefined; reason: string; tried: string }> {
  const url = process.env.TEST_POSTGRES_URL ?? LOCAL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { url };
  } catch (error) {
    return { reason: (error as Error).message, tried: url };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export default async function setup(): Promise<void> {
  const found = await findPostgres();
  if (found.url !== undefined) {
    process.env.TEST_POSTGRES_URL = found.url;
    return;
  }
  if (process.env.CI) throw new Error(`PostgreSQL is required in CI (TEST_POSTGRES_URL=${found.tried}): ${found.reason}`);
  console.warn(`PostgreSQL not reachable at ${found.tried} (${found.reason}): store tests run on SQLite only`);
  delete process.env.TEST_POSTGRES_URL;
}
