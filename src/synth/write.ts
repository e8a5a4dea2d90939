/**
 * Writing a synthetic directory straight into a SQLite store: prepared statements, large
 * transactions, foreign-key checks off while loading (the generator emits consistent rows).
 * An earlier directory with the same id is replaced.
 */
import Sqlite from 'better-sqlite3';
import { RepertoireError } from '../errors.js';
import { PARTNER_CACHE_TABLES } from '../store/partner-cache.js';
import { STAMPED_CACHE_TABLES } from '../store/stamped-cache.js';
import { synthesize, synthDirectoryId, type Row, type SynthOptions, type SynthTable } from './generate.js';

const ROWS_PER_TRANSACTION = 50_000;

export interface SynthWriteResult {
  directoryId: string;
  counts: Record<string, number>;
  ms: number;
}

export function writeSynthetic(path: string, options: SynthOptions, onProgress?: (done: number, total: number) => void): SynthWriteResult {
  const started = performance.now();
  const db = new Sqlite(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    const directoryId = synthDirectoryId(options);
    removeDirectory(db, directoryId);
    db.pragma('foreign_keys = OFF');
    db.pragma('synchronous = OFF');
    const statements = new Map<SynthTable, { run(...values: unknown[]): unknown; columns: string[] }>();
    const statement = (table: SynthTable, row: Row) => {
      let s = statements.get(table);
      if (s === undefined) {
        const columns = Object.keys(row);
        const prepared = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        s = { run: (...values: unknown[]) => prepared.run(...values), columns };
        statements.set(table, s);
      }
      return s;
    };
    let pending = 0;
    db.exec('BEGIN');
    try {
      const result = synthesize(
        options,
        (table, row) => {
          const s = statement(table, row);
          s.run(...s.columns.map((c) => row[c] ?? null));
          if (++pending >= ROWS_PER_TRANSACTION) {
            db.exec('COMMIT');
            db.exec('BEGIN');
            pending = 0;
          }
        },
        onProgress,
      );
      db.exec('COMMIT');
      return { ...result, ms: performance.now() - started };
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  } catch (error) {
    if (error instanceof RepertoireError) throw error;
    throw new RepertoireError('store', `could not write the synthetic directory into ${path}: ${(error as Error).message}`, 500, { cause: error });
  } finally {
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.close();
  }
}

/** The same directory written before: its rows go (the store's own tables cascade from `directories`). */
function removeDirectory(db: Sqlite.Database, directoryId: string): void {
  db.pragma('foreign_keys = ON');
  // the search index's tables, and the cache tables (a new directory under the same id does not move the store's stamp)
  const cacheTables = [...STAMPED_CACHE_TABLES, ...PARTNER_CACHE_TABLES];
  const caches = cacheTables.map(() => '?').join(', ');
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'search\\_%' ESCAPE '\\' OR name IN (${caches}))`)
    .pluck()
    .all(...cacheTables) as string[];
  db.transaction(() => {
    for (const table of tables) db.prepare(`DELETE FROM ${table} WHERE directory_id = ?`).run(directoryId);
    db.prepare('DELETE FROM directories WHERE id = ?').run(directoryId);
  })();
}
