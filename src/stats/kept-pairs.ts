/**
 * Every home–partner pair of a directory's map, with its number of partnerships, in rows of their
 * own (`stats_pairs`): the snapshot keeps only the heaviest 2000 (a map draws 400 links), so a
 * change that lowers one of them, or lifts a pair from below, could not be told from the snapshot
 * alone. With all the pairs kept, a change updates the few pairs of its partnerships, and the
 * heaviest are read again by the index on (directory, weight).
 *
 * A cache like the snapshot's table (`store/stamped-cache.ts`): created on first use, valid with
 * the snapshot it was written with (one transaction writes both), never backed up.
 */
import type { Kysely } from 'kysely';
import { heaviestBy } from '../maps/data.js';
import { cacheTables } from '../store/cache-tables.js';
import type { Database } from '../store/tables.js';
import { chunks } from '../store/records/writer.js';

type Db = Kysely<Database>;
type PairRow = { directory_id: string; home: string; partner: string; n: number };
/** A pair's key as `MapCounts` has it (home, NUL, partner); PostgreSQL's text holds no NUL, so the rows have two columns. */
const split = (key: string) => key.split('\u0000') as [string, string];
const pairsOf = (db: Db) => db.withTables<{ stats_pairs: PairRow }>() as unknown as Kysely<{ stats_pairs: PairRow }>;

/** Whether the table is there (false: a store that cannot have it), asked once per store handle. */
export const ensurePairsTable = cacheTables(
  async (db) => {
    await pairsOf(db)
      .schema.createTable('stats_pairs')
      .ifNotExists()
      .addColumn('directory_id', 'text', (c) => c.notNull())
      .addColumn('home', 'text', (c) => c.notNull())
      .addColumn('partner', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('stats_pairs_pk', ['directory_id', 'home', 'partner'])
      .execute();
    await pairsOf(db).schema.createIndex('stats_pairs_weight_idx').ifNotExists().on('stats_pairs').columns(['directory_id', 'n']).execute();
  },
  (db) => pairsOf(db).selectFrom('stats_pairs').select('home').limit(1).execute(),
);

/** Replaces the directory's pairs (a full recount), in the caller's transaction. */
export async function writeAllPairs(trx: Db, directoryId: string, pairs: Map<string, number>): Promise<void> {
  await pairsOf(trx).deleteFrom('stats_pairs').where('directory_id', '=', directoryId).execute();
  for (const chunk of chunks([...pairs], 300)) {
    await pairsOf(trx)
      .insertInto('stats_pairs')
      .values(chunk.map(([key, n]) => ({ directory_id: directoryId, home: split(key)[0], partner: split(key)[1], n })))
      .execute();
  }
}

/**
 * Adds `change` (pair → partnerships gained, negative when lost) to the kept pairs; a pair down to
 * none goes. Answers how many pairs there are now more (or fewer) than before.
 */
export async function applyPairs(trx: Db, directoryId: string, change: Map<string, number>): Promise<number> {
  const keys = [...change].filter(([, n]) => n !== 0).map(([key]) => key);
  let grown = 0;
  for (const chunk of chunks(keys, 200)) {
    const pairs = chunk.map(split);
    const rows = await pairsOf(trx)
      .selectFrom('stats_pairs')
      .select(['home', 'partner', 'n'])
      .where('directory_id', '=', directoryId)
      .where('home', 'in', [...new Set(pairs.map(([home]) => home))])
      .where('partner', 'in', [...new Set(pairs.map(([, partner]) => partner))])
      .execute();
    const now = new Map(rows.map((r) => [`${r.home}\u0000${r.partner}`, Number(r.n)]));
    for (const [i, key] of chunk.entries()) {
      const [home, partner] = pairs[i]!;
      const one = pairsOf(trx).updateTable('stats_pairs').where('directory_id', '=', directoryId).where('home', '=', home).where('partner', '=', partner);
      const before = now.get(key) ?? 0;
      const after = before + change.get(key)!;
      if (after < 0) throw new Error(`kept pair ${home} ⇄ ${partner} below zero`);
      if (before === 0 && after > 0) {
        grown += 1;
        await pairsOf(trx).insertInto('stats_pairs').values({ directory_id: directoryId, home, partner, n: after }).execute();
      } else if (before > 0 && after === 0) {
        grown -= 1;
        await pairsOf(trx).deleteFrom('stats_pairs').where('directory_id', '=', directoryId).where('home', '=', home).where('partner', '=', partner).execute();
      } else if (after !== before) {
        await one.set({ n: after }).execute();
      }
    }
  }
  return grown;
}

/** The `n` heaviest pairs, ties by key as `heaviestPairs` orders them: every pair at least as heavy as the n-th, sorted here. */
export async function heaviestKeptPairs(db: Db, directoryId: string, n: number): Promise<Map<string, number>> {
  const nth = await pairsOf(db).selectFrom('stats_pairs').select('n').where('directory_id', '=', directoryId).orderBy('n', 'desc').limit(1).offset(n - 1).executeTakeFirst();
  let query = pairsOf(db).selectFrom('stats_pairs').select(['home', 'partner', 'n']).where('directory_id', '=', directoryId);
  if (nth !== undefined) query = query.where('n', '>=', Number(nth.n));
  const rows = (await query.execute()).map((r) => [`${r.home}\u0000${r.partner}`, Number(r.n)] as [string, number]);
  return new Map(heaviestBy(rows, n, ([, weight]) => weight, ([key]) => key));
}
