/**
 * The store's engines under test. SQLite always; PostgreSQL when `TEST_POSTGRES_URL` names a
 * server whose user may create databases (the global setup finds the machine's own server).
 * Each test gets a database of its own, created for it and dropped after it.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { onTestFinished } from 'vitest';
import { loadConfig } from '../config.js';
import { openStore, type Store } from '../store/db.js';
import { tempDir } from './temp-store.js';

export type Engine = 'sqlite' | 'postgres';

export const ENGINES: readonly Engine[] = process.env.TEST_POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** An empty database of the engine and the way to drop it. */
async function tempDatabase(engine: Engine, onFinished: typeof onTestFinished): Promise<{ url: string; drop: () => Promise<void> }> {
  if (engine === 'sqlite') return { url: join(tempDir(onFinished), 'store.db'), drop: async () => undefined };
  return createPostgresDatabase();
}

/**
 * An empty PostgreSQL database of its own on the test server, and the way to drop it: for fixtures
 * built once per file (beforeAll), where no test's end can drop it.
 */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_POSTGRES_URL;
  if (!admin) throw new Error('TEST_POSTGRES_URL is not set: PostgreSQL tests need a server (see src/test-support/postgres-setup.ts)');
  const name = `repertoire_test_${randomBytes(6).toString('hex')}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => dropDatabase(admin, name),
  };
}

/** A DATABASE_URL of an empty database of the engine, dropped when the test ends. */
export async function tempDatabaseUrl(engine: Engine, onFinished: typeof onTestFinished = onTestFinished): Promise<string> {
  const { url, drop } = await tempDatabase(engine, onFinished);
  onFinished(drop);
  return url;
}

/** A store on an empty database of the engine: closed, then dropped, when the test ends. */
export async function openEngineStore(engine: Engine): Promise<Store & { url: string }> {
  const { url, drop } = await tempDatabase(engine, onTestFinished);
  const store = await openStore(loadConfig({ DATABASE_URL: url }));
  onTestFinished(async () => {
    await store.close();
    await drop();
  });
  return { ...store, url };
}

/**
 * Drops a test database once its last connection has gone. Forcing the drop at once would kill
 * connections still closing, and pg reports that as an unhandled error in the test run.
 */
async function dropDatabase(admin: string, name: string): Promise<void> {
  await withClient(admin, async (c) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006') throw error; // object in use: wait
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
