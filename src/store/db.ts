/** Opening the store: connect with the configured dialect, bring the schema up to date. */
import { Kysely } from 'kysely';
import type { Config } from '../config.js';
import { createDialect } from './dialect.js';
import { migrateToLatest } from './migrations/index.js';
import type { Database } from './tables.js';

export interface Store {
  readonly db: Kysely<Database>;
  close(): Promise<void>;
}

export async function openStore(config: Config): Promise<Store> {
  const dialect = createDialect(config.database);
  const db = new Kysely<Database>({ dialect: dialect.kysely });
  try {
    await migrateToLatest(db, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, close: () => db.destroy() };
}
