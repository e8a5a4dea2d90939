/**
 * Writes records of any kind: insert, update in place, delete. Lists (children rows) are
 * replaced wholesale when their record changes; they have no identity of their own.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../tables.js';
import { TABLE_ORDER, type Placed, type RecordKind, type RowSet, type TableName } from './kind.js';

// Rows per statement: well under SQLite's 32 766 bound parameters for the widest table.
export const CHUNK = 200;

/**
 * The writer is generic over table names, which Kysely cannot check; the rows it writes were
 * type-checked where the record modules built them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (db: Kysely<Database>) => db as unknown as Kysely<any>;

export async function insertRows(db: Kysely<Database>, sets: readonly RowSet[]): Promise<void> {
  for (const table of TABLE_ORDER) {
    const rows = sets.flatMap((set): readonly object[] => set[table] ?? []);
    for (const chunk of chunks(rows)) await untyped(db).insertInto(table).values(chunk).execute();
  }
}

export async function insertRecords<R>(db: Kysely<Database>, kind: RecordKind<R>, directoryId: string, placed: readonly Placed<R>[]) {
  await insertRows(db, placed.map((p) => kind.rows(directoryId, p)));
}

export async function updateRecords<R>(db: Kysely<Database>, kind: RecordKind<R>, directoryId: string, placed: readonly Placed<R>[]) {
  if (placed.length === 0) return;
  const sets = placed.map((p) => kind.rows(directoryId, p));
  for (const set of sets) {
    for (const row of set[kind.table] ?? []) {
      const key = (row as Record<string, unknown>)[kind.key];
      await untyped(db).updateTable(kind.table).set(row).where('directory_id', '=', directoryId).where(kind.key, '=', key).execute();
    }
  }
  if (kind.childKey !== undefined) {
    const keys = placed.map((p) => kind.keyOf(p.record));
    for (const table of kind.children) await deleteWhereIn(db, table, directoryId, kind.childKey, keys);
  }
  await insertRows(db, sets.map((set): RowSet => Object.fromEntries(Object.entries(set).filter(([table]) => table !== kind.table))));
}

/** Deletes the records; their lists go with them (ON DELETE CASCADE). */
export async function deleteRecords<R>(db: Kysely<Database>, kind: RecordKind<R>, directoryId: string, keys: readonly string[]) {
  await deleteWhereIn(db, kind.table, directoryId, kind.key, keys);
}

export async function deleteWhereIn(db: Kysely<Database>, table: TableName, directoryId: string, column: string, keys: readonly string[]) {
  for (const chunk of chunks(keys)) {
    await untyped(db).deleteFrom(table).where('directory_id', '=', directoryId).where(column, 'in', chunk).execute();
  }
}

/** Slices small enough for one statement. */
export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const slices: T[][] = [];
  for (let i = 0; i < items.length; i += size) slices.push(items.slice(i, i + size));
  return slices;
}
