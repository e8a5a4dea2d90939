/**
 * The only module that knows which database engine is behind the store. Everything else talks
 * to Kysely and to the few capabilities exported here, so adding PostgreSQL means filling in
 * the `postgres` branch, not touching the repositories.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { SqliteDialect, type ColumnDefinitionBuilder, type Dialect } from 'kysely';
import type { DatabaseLocation } from '../config.js';
import { RepertoireError } from '../errors.js';

export interface StoreDialect {
  readonly engine: 'sqlite' | 'postgres';
  readonly kysely: Dialect;
  /** Makes a column an auto-numbered integer primary key (SQL spells this differently per engine). */
  readonly identity: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
}

export function createDialect(location: DatabaseLocation): StoreDialect {
  if (location.kind === 'postgres') {
    throw new RepertoireError(
      'not-supported',
      'PostgreSQL is not supported yet: set DATABASE_URL to a SQLite file path (e.g. data/repertoire.db)',
    );
  }
  return {
    engine: 'sqlite',
    kysely: new SqliteDialect({ database: openSqlite(location.path) }),
    identity: (column) => column.primaryKey().autoIncrement(),
  };
}

function openSqlite(path: string): Sqlite.Database {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const database = new Sqlite(path);
    // WAL lets readers (an export, a report) run while an import writes.
    if (path !== ':memory:') database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    return database;
  } catch (error) {
    throw new RepertoireError('store', `cannot open the SQLite store ${path}: ${(error as Error).message}`, undefined, {
      cause: error,
    });
  }
}
