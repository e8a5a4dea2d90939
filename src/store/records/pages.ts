/**
 * A large directory read a page at a time, for work that needs only a little of each record (a
 * table merged into it: every collectivity's names, every partnership's parties) and must not
 * hold them all. Pages follow the records' key (the primary key's index: each page found, not
 * sorted out of the whole table), not the directory's order: each record comes with its
 * position, for the reader that needs the order.
 */
import type { Kysely } from 'kysely';
import { decodeJson } from '../codec.js';
import type { Database } from '../tables.js';
import { chunks } from './writer.js';

/** Records per page: a few hundred KB of names or parties. */
export const PAGE = 5_000;

export interface CollectivityNames {
  id: string;
  position: number;
  country: string;
  name: string;
  shortName?: string;
  aliases: string[];
}

/** The directory's collectivities' names, page by page. */
export async function* collectivityNamePages(db: Kysely<Database>, directoryId: string): AsyncGenerator<CollectivityNames[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await db
      .selectFrom('collectivities')
      .select(['id', 'position', 'country', 'name', 'short_name', 'aliases'])
      .where('directory_id', '=', directoryId)
      .$if(after !== undefined, (q) => q.where('id', '>', after!))
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) return;
    after = rows.at(-1)!.id;
    yield rows.map((row) => ({
      id: row.id,
      position: row.position,
      country: row.country,
      name: row.name,
      ...(row.short_name === null ? {} : { shortName: row.short_name }),
      aliases: decodeJson<string[]>(row.aliases) ?? [],
    }));
  }
}

/** The directory's partnerships' parties (collectivity ids), page by page. */
export async function* partnershipPartyPages(db: Kysely<Database>, directoryId: string): AsyncGenerator<{ id: string; position: number; parties: string[] }[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await db
      .selectFrom('partnerships')
      .select(['id', 'position'])
      .where('directory_id', '=', directoryId)
      .$if(after !== undefined, (q) => q.where('id', '>', after!))
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) return;
    after = rows.at(-1)!.id;
    const parties = new Map<string, string[]>();
    for (const slice of chunks(rows.map((row) => row.id))) {
      const found = await db
        .selectFrom('partnership_parties')
        .select(['partnership_id', 'collectivity_id'])
        .where('directory_id', '=', directoryId)
        .where('partnership_id', 'in', slice)
        .orderBy('partnership_id')
        .orderBy('position')
        .execute();
      for (const row of found) parties.set(row.partnership_id, [...(parties.get(row.partnership_id) ?? []), row.collectivity_id]);
    }
    yield rows.map((row) => ({ id: row.id, position: row.position, parties: parties.get(row.id) ?? [] }));
  }
}

type PlacedTable = 'domains' | 'collectivities' | 'partnerships';

/** The positions of some of the directory's records, by id. */
export async function positionsOf(db: Kysely<Database>, directoryId: string, table: 'collectivities' | 'partnerships', ids: readonly string[]): Promise<Map<string, number>> {
  const positions = new Map<string, number>();
  for (const slice of chunks(ids)) {
    const rows = await db.selectFrom(table).select(['id', 'position']).where('directory_id', '=', directoryId).where('id', 'in', slice).execute();
    for (const row of rows) positions.set(row.id, row.position);
  }
  return positions;
}

/** Which of `ids` the directory's table has. */
export async function storedIds(db: Kysely<Database>, directoryId: string, table: 'collectivities' | 'partnerships', ids: readonly string[]): Promise<Set<string>> {
  return new Set((await positionsOf(db, directoryId, table, ids)).keys());
}

/** The position after the last of the directory's records of a table: where the next one goes. */
export async function nextPosition(db: Kysely<Database>, directoryId: string, table: PlacedTable): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('position').as('top'))
    .where('directory_id', '=', directoryId)
    .executeTakeFirst();
  return row?.top === null || row?.top === undefined ? 0 : Number(row.top) + 1;
}

/** How many records of one table the directory holds. */
export async function countOf(db: Kysely<Database>, directoryId: string, table: PlacedTable | 'projects'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .where('directory_id', '=', directoryId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many records the directory holds: domains, collectivities, partnerships and projects. */
export async function recordCount(db: Kysely<Database>, directoryId: string): Promise<number> {
  let total = 0;
  for (const table of ['domains', 'collectivities', 'partnerships', 'projects'] as const) total += await countOf(db, directoryId, table);
  return total;
}
