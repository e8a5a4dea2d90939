/**
 * The only module that knows which database engine is behind the store. Everything else talks
 * to Kysely and to the few capabilities exported here, so adding PostgreSQL means filling in
 * the `postgres` branch, not touching the repositories.
 */
import { mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { PostgresDialect, SqliteDialect, type ColumnDefinitionBuilder, type Dialect, type SqliteDatabase } from 'kysely';
import type * as Pg from 'pg';
import type { DatabaseLocation } from '../config.js';
import { RepertoireError } from '../errors.js';
import { fileFailure } from '../files.js';
import { statementKeeper } from './statements.js';

export interface StoreDialect {
  readonly engine: 'sqlite' | 'postgres';
  readonly kysely: Dialect;
  /** Makes a column an auto-numbered integer primary key (SQL spells this differently per engine). */
  readonly identity: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
}

/** `readOnly`: a replica's connection, which never writes (see config.ts `readOnly`). */
export function createDialect(location: DatabaseLocation, options: { cacheMb?: number; readOnly?: boolean } = {}): StoreDialect {
  if (location.kind === 'postgres') {
    return {
      engine: 'postgres',
      kysely: new PostgresDialect({ pool: postgresPool(location.url, options.readOnly === true) }),
      identity: (column) => column.primaryKey().generatedByDefaultAsIdentity(),
    };
  }
  return {
    engine: 'sqlite',
    kysely: new SqliteDialect({ database: keepingStatements(options.readOnly === true ? openSqliteReadOnly(location.path, options.cacheMb) : openSqlite(location.path, options.cacheMb)) }),
    identity: (column) => column.primaryKey().autoIncrement(),
  };
}

/**
 * Whether a failure only means that another writer holds the store for now (an import on SQLite
 * past the busy timeout; a lock PostgreSQL gave up waiting for, a deadlock or a serialisation
 * failure): the same request can succeed in a moment, so callers say "try again", not "failed".
 */
export function isStoreBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || POSTGRES_BUSY.has(code);
}

/** lock_not_available, serialization_failure, deadlock_detected */
const POSTGRES_BUSY: ReadonlySet<string> = new Set(['55P03', '40001', '40P01']);

/**
 * PostgreSQL returns 64-bit integers (`count(*)`, bigint) as strings so as not to lose
 * precision; the store's counts fit a JS number, so this pool reads them as numbers. The parser
 * is set on this pool only, not on the pg module for the whole process.
 */
function postgresPool(url: string, readOnly: boolean): Pg.Pool {
  // loaded here, not at the top: a server on SQLite need not hold the driver (3 MB)
  const pg = createRequire(import.meta.url)('pg') as typeof Pg;
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)),
  };
  // read-only: every transaction is, as on a hot standby, so that a write the code did not mean
  // to make is refused by the server on the primary too, not only where the replica refuses it
  const readOnlyOption = readOnly ? { options: '-c default_transaction_read_only=on' } : {};
  return new pg.Pool({ connectionString: url, max: 10, types: types as Pg.CustomTypesConfig, ...readOnlyOption });
}

function openSqlite(path: string, cacheMb: number | undefined): Sqlite.Database {
  try {
    if (path !== ':memory:') {
      mkdirSync(dirname(path), { recursive: true });
      // SQLite would only say "unable to open database file"
      if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new RepertoireError('store', `cannot open the SQLite store ${path}: it is a folder, not a file`);
    }
    const database = new Sqlite(path);
    // WAL lets readers (an export, a report) run while an import writes.
    if (path !== ':memory:') database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    // Statistics for the query planner, gathered where missing or stale (cheap with the limit):
    // without them SQLite joins a collectivity's partnerships by scanning every party. Gathering
    // them writes, so it waits for no one: while another process writes (an import), this opening
    // goes without them rather than failing once the busy timeout is spent; the next one gathers them.
    database.pragma('analysis_limit = 1000');
    gatherStatistics(database);
    database.pragma('busy_timeout = 5000');
    if (cacheMb !== undefined) database.pragma(`cache_size = ${-Math.max(1, Math.round(cacheMb * 1024))}`);
    return database;
  } catch (error) {
    if (error instanceof RepertoireError) throw error;
    throw new RepertoireError('store', `cannot open the SQLite store ${path}: ${fileFailure(error, 'create') ?? (error as Error).message}`, undefined, {
      cause: error,
    });
  }
}

/**
 * A replica's SQLite file (another process writes it): opened read-only, so no statistics are
 * gathered and the journal mode is left as the writer set it (WAL lets it read while that one writes).
 */
function openSqliteReadOnly(path: string, cacheMb: number | undefined): Sqlite.Database {
  // SQLite would only say "unable to open database file"
  const file = statSync(path, { throwIfNoEntry: false });
  if (file === undefined || file.isDirectory()) throw new RepertoireError('store', `cannot open the SQLite store ${path} read-only: ${file === undefined ? 'no such file' : 'it is a folder, not a file'}`);
  try {
    const database = new Sqlite(path, { readonly: true, fileMustExist: true });
    database.pragma('busy_timeout = 5000');
    if (cacheMb !== undefined) database.pragma(`cache_size = ${-Math.max(1, Math.round(cacheMb * 1024))}`);
    return database;
  } catch (error) {
    throw new RepertoireError('store', `cannot open the SQLite store ${path} read-only: ${fileFailure(error, 'read') ?? (error as Error).message}`, undefined, { cause: error });
  }
}

function gatherStatistics(database: Sqlite.Database): void {
  try {
    database.pragma('busy_timeout = 0');
    database.pragma('optimize = 0x10002');
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') throw error;
  }
}

/**
 * The connection as Kysely sees it, keeping its prepared statements (see `statementKeeper`).
 */
function keepingStatements(database: Sqlite.Database): SqliteDatabase {
  return { close: () => database.close(), prepare: statementKeeper(database) };
}
