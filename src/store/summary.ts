/** Row counts by table: what `setup` prints, and a quick health check of the store. */
import type { Kysely } from 'kysely';
import { TABLE_ORDER, type TableName } from './records/kind.js';
import type { Database } from './tables.js';

export async function countRows(db: Kysely<Database>): Promise<Record<TableName, number>> {
  const counts = await Promise.all(
    TABLE_ORDER.map(async (table) => {
      const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
      return [table, Number(row.n)] as const; // PostgreSQL counts are bigint strings
    }),
  );
  return Object.fromEntries(counts) as Record<TableName, number>;
}
