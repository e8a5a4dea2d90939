/**
 * A store's content as a stream of table batches, in foreign-key order, whatever the engine.
 * `copy` pipes one store into another (SQLite ⇄ PostgreSQL); `backup` writes the stream to a
 * file and `restore` reads it back. Search indexes are not part of it: they are rebuilt.
 */
import { sql, type Kysely } from 'kysely';
import { RepertoireError } from '../errors.js';
import type { Store } from './db.js';
import { IDENTITY_TABLES, TABLE_ORDER, type TableName } from './records/kind.js';
import type { Database } from './tables.js';

export interface TableBatch {
  readonly table: TableName;
  readonly rows: readonly Record<string, unknown>[];
  /** where the batch comes from, for messages (a backup's `FILE: line N`) */
  readonly origin?: string;
}

const READ_BATCH = 2000;

/** Every row of every table, parents first, in batches; rows in a stable order. */
export async function* readTables(db: Kysely<Database>): AsyncGenerator<TableBatch> {
  for (const table of TABLE_ORDER) {
    for (let offset = 0; ; offset += READ_BATCH) {
      // Ordering by every column gives the same order on both engines without knowing the keys.
      const rows = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ORDER BY 1, 2, 3 LIMIT ${READ_BATCH} OFFSET ${offset}`.execute(db)).rows;
      if (rows.length === 0) break;
      yield { table, rows };
      if (rows.length < READ_BATCH) break;
    }
  }
}

/** Whether the store holds anything (a target must be empty unless replaced). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  for (const table of TABLE_ORDER) {
    const row = await db.selectFrom(table).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
    if (row) return false;
  }
  return true;
}

export interface WriteOptions {
  /** empty the target first; otherwise a non-empty target is refused */
  readonly replace?: boolean;
  readonly onProgress?: (rows: number) => void;
}

/** Writes batches into a store in ONE transaction: on any failure the target is as it was. */
export async function writeTables(target: Store, batches: AsyncIterable<TableBatch>, options: WriteOptions = {}): Promise<Record<string, number>> {
  const { db } = target;
  if (!options.replace && !(await isEmpty(db))) {
    throw new RepertoireError('store', 'the target store is not empty: use --replace to overwrite it');
  }
  const counts: Record<string, number> = {};
  let written = 0;
  await db.transaction().execute(async (trx) => {
    if (options.replace) for (const table of [...TABLE_ORDER].reverse()) await trx.deleteFrom(table).execute();
    for await (const { table, rows, origin } of batches) {
      const where = origin === undefined ? `table "${table}"` : `${origin}: table "${table}"`;
      if (!TABLE_ORDER.includes(table)) throw new RepertoireError('parse', `${where}: unknown table`);
      // A statement holds at most 65 535 parameters on PostgreSQL: keep batches well under it.
      const width = Math.max(1, Object.keys(rows[0] ?? {}).length);
      const size = Math.max(1, Math.floor(30_000 / width));
      for (let i = 0; i < rows.length; i += size) {
        try {
          await trx.insertInto(table).values(rows.slice(i, i + size) as never).execute();
        } catch (error) {
          throw new RepertoireError('parse', `${where}: a row was refused: ${rowProblem(error)}`, undefined, { cause: error });
        }
      }
      counts[table] = (counts[table] ?? 0) + rows.length;
      written += rows.length;
      options.onProgress?.(written);
    }
    // Rows came with their ids: move PostgreSQL's identity sequence past them.
    if (target.engine === 'postgres') {
      for (const table of IDENTITY_TABLES) {
        await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), COALESCE((SELECT max(id) FROM ${sql.table(table)}), 0) + 1, false)`.execute(trx);
      }
    }
  });
  // Planner statistics for the new rows: without them the first queries on a copied store take
  // plans fit for empty tables (seconds per query at 100 000 partnerships).
  await sql`ANALYZE`.execute(db);
  return counts;
}

/** The engine's reason for refusing a row, in one line; a repeated key said as such on either engine. */
function rowProblem(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = String(message ?? error).split('\n')[0]!;
  const repeated = code === '23505' || (typeof code === 'string' && /^SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)$/.test(code));
  return repeated ? `its key is already taken (a row given twice?): ${text}` : text;
}
