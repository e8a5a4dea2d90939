/**
 * A cache table: one JSON body per directory, valid for one version stamp of the store
 * (`readStamp`) and one format of the body. What is computed from a whole directory in seconds at
 * 1 000 000 projects (the census snapshot, the site's figures) is kept there, so that a restarted
 * server reads it instead of counting again.
 *
 * A cache, not a record: created on first use (`CREATE TABLE IF NOT EXISTS`), never backed up or
 * copied. A store that cannot have it or write it still answers: `read` finds nothing and
 * `write` does nothing. A store opened read-only (a replica, store/read-only.ts) reads the rows the
 * writer kept, replicated, and never tries to create or write them.
 */
import type { Kysely } from 'kysely';
import { cacheTables, stampedColumns } from './cache-tables.js';
import { isReadOnly } from './read-only.js';
import type { Database } from './tables.js';

type Db = Kysely<Database>;
type Row = { directory_id: string; stamp: string; format: number; computed_at: string; body: string };
type Tables = Record<string, Row>;

export interface StampedCache {
  /** the body stored for this directory at this stamp and format, parsed; undefined when there is none */
  read(db: Db, directoryId: string, stamp: string): Promise<{ body: unknown; computedAt: string } | undefined>;
  /** the body stored for this directory at whatever stamp, in this format (what serves while a newer one is counted) */
  readLatest(db: Db, directoryId: string): Promise<{ body: unknown; computedAt: string; stamp: string } | undefined>;
  /**
   * replaces the directory's body; a store that refuses the write is left as it was. In the
   * caller's transaction when `db` is one: then it commits or fails with the rest.
   */
  write(db: Db, directoryId: string, stamp: string, computedAt: string, body: unknown): Promise<void>;
  /** forgets the directory's body (a writer that changes rows without moving the stamp) */
  drop(db: Db, directoryId: string): Promise<void>;
}

/** The cache tables by name: `synth` removes a rewritten directory's rows from each. */
export const STAMPED_CACHE_TABLES = ['stats_snapshots', 'figures_snapshots'] as const;

export function stampedCache(table: (typeof STAMPED_CACHE_TABLES)[number], format: number): StampedCache {
  const tables = (db: Db) => db.withTables<Tables>() as unknown as Kysely<Tables>;
  const create = (db: Db) => stampedColumns(tables(db).schema.createTable(table).ifNotExists()).execute();
  const ensureTable = cacheTables(create, (db) => tables(db).selectFrom(table).select('directory_id').limit(1).execute());

  /** the body at `stamp`, or at whatever stamp when none is given (parsed only when it is the one wanted) */
  async function readLatest(db: Db, directoryId: string, stamp?: string): Promise<{ body: unknown; computedAt: string; stamp: string } | undefined> {
    if (!(await ensureTable(db))) return undefined;
    const row = await tables(db).selectFrom(table).select(['stamp', 'format', 'computed_at', 'body']).where('directory_id', '=', directoryId).executeTakeFirst();
    if (row === undefined || Number(row.format) !== format || (stamp !== undefined && row.stamp !== stamp)) return undefined;
    try {
      return { body: JSON.parse(row.body) as unknown, computedAt: row.computed_at, stamp: row.stamp };
    } catch {
      return undefined;
    }
  }

  return {
    async read(db, directoryId, stamp) {
      const found = await readLatest(db, directoryId, stamp);
      return found === undefined ? undefined : { body: found.body, computedAt: found.computedAt };
    },
    readLatest: (db, directoryId) => readLatest(db, directoryId),
    async write(db, directoryId, stamp, computedAt, body) {
      if (isReadOnly(db)) return;
      if (db.isTransaction) {
        // the caller's transaction: a failure is the caller's (a kept snapshot fails with its change)
        await create(db);
        await tables(db).deleteFrom(table).where('directory_id', '=', directoryId).execute();
        await tables(db).insertInto(table).values({ directory_id: directoryId, stamp, format, computed_at: computedAt, body: JSON.stringify(body) }).execute();
        return;
      }
      if (!(await ensureTable(db))) return;
      try {
        await tables(db)
          .transaction()
          .execute(async (trx) => {
            await trx.deleteFrom(table).where('directory_id', '=', directoryId).execute();
            await trx.insertInto(table).values({ directory_id: directoryId, stamp, format, computed_at: computedAt, body: JSON.stringify(body) }).execute();
          });
      } catch {
        // a store that refuses the write (read-only) is answered all the same
      }
    },
    async drop(db, directoryId) {
      if (!isReadOnly(db) && (await ensureTable(db))) await tables(db).deleteFrom(table).where('directory_id', '=', directoryId).execute();
    },
  };
}
