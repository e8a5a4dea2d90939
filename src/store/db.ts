/** Opening the store: connect with the configured dialect, bring the schema up to date. */
import { Kysely, sql } from 'kysely';
import { RepertoireError } from '../errors.js';
import type { Config } from '../config.js';
import { createDialect } from './dialect.js';
import { migrateToLatest, missingMigrations } from './migrations/index.js';
import { markReadOnly } from './read-only.js';
import type { Database } from './tables.js';

export interface Store {
  readonly db: Kysely<Database>;
  readonly engine: 'sqlite' | 'postgres';
  /** the migrations this opening ran (empty when the schema was current) */
  readonly migrated: readonly string[];
  close(): Promise<void>;
}

export interface StoreOptions {
  /**
   * SQLite's page cache for this connection, in MB (default SQLite's build: 16). The server keeps
   * a small one: its reads are indexed lookups of a file the OS keeps cached, and the pages it
   * held after the counts stayed in its memory for good.
   */
  readonly cacheMb?: number;
}

export async function openStore(config: Config, options: StoreOptions = {}): Promise<Store> {
  const readOnly = config.readOnly === true;
  const dialect = createDialect(config.database, { ...options, readOnly });
  const db = new Kysely<Database>({ dialect: dialect.kysely });
  try {
    if (dialect.engine === 'postgres') await reach(db, config);
    if (readOnly) {
      // a replica's schema is the writer's, replicated: it is checked, never changed
      await requireCurrentSchema(db, dialect);
      markReadOnly(db);
      return { db, engine: dialect.engine, migrated: [], close: () => db.destroy() };
    }
    const migrated = await migrateToLatest(db, dialect);
    return { db, engine: dialect.engine, migrated, close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/** A read-only store must already have every migration this code knows: it cannot run them. */
async function requireCurrentSchema(db: Kysely<Database>, dialect: ReturnType<typeof createDialect>): Promise<void> {
  const missing = await missingMigrations(db, dialect);
  if (missing.length > 0) {
    throw new RepertoireError(
      'store',
      `the read-only store lacks ${missing.length} migration(s) (${missing.join(', ')}): run \`repertoire migrate\` (or start a writer) on the primary, then start this instance again`,
    );
  }
}

/** A PostgreSQL store is a server: say plainly when it does not answer, without the password. */
async function reach(db: Kysely<Database>, config: Config): Promise<void> {
  try {
    await sql`SELECT 1`.execute(db);
  } catch (error) {
    const url = config.database.kind === 'postgres' ? new URL(config.database.url) : undefined;
    if (url) url.password = url.password ? '***' : '';
    throw new RepertoireError('store', `cannot open the PostgreSQL store ${url?.toString() ?? ''}: ${(error as Error).message}`, undefined, { cause: error });
  }
}
