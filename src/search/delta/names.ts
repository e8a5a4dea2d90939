/**
 * Where a re-made document's new name falls in the base's name order: how many of the base's
 * documents sort before it by (folded name, number), as the build ranks them (build.ts `name`).
 * A binary search over the base's ranks, all documents in step: about twenty reads of a few
 * names each, whatever the size of the directory.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import type { SearchTables } from '../tables.js';

/** The base's documents in name order: the document at each rank, as the build ranks them. */
export type NameOrder = Uint32Array;

/** The base's name order, from the ranks the build stored (`search_meta` 'name'; none on PostgreSQL, which sorts in SQL). */
export async function readNameOrder(db: Kysely<Database>, directoryId: string): Promise<NameOrder> {
  const row = await db.withTables<SearchTables>().selectFrom('search_meta').select('value').where('directory_id', '=', directoryId).where('key', '=', 'name').executeTakeFirst();
  const bytes = row === undefined ? new Uint8Array(0) : Uint8Array.from(row.value as Uint8Array);
  const rank = new Uint32Array(bytes.buffer, 0, bytes.byteLength >>> 2);
  const atRank = new Uint32Array(rank.length);
  for (let doc = 0; doc < rank.length; doc += 1) atRank[rank[doc]!] = doc;
  return atRank;
}

export async function namePositions(db: Kysely<Database>, directoryId: string, atRank: NameOrder, docs: readonly { doc: number; sortName: string }[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (docs.length === 0) return out;
  const search = db.withTables<SearchTables>();
  const names = new Map<number, string>();
  const bounds = docs.map(() => ({ low: 0, high: atRank.length }));
  for (;;) {
    const wanted = new Set<number>();
    bounds.forEach(({ low, high }) => {
      if (low < high) wanted.add(atRank[(low + high) >>> 1]!);
    });
    const missing = [...wanted].filter((doc) => !names.has(doc));
    if (wanted.size === 0) break;
    for (let i = 0; i < missing.length; i += 500) {
      const rows = await search.selectFrom('search_docs').select(['doc', 'sort_name']).where('directory_id', '=', directoryId).where('doc', 'in', missing.slice(i, i + 500)).execute();
      for (const r of rows) names.set(r.doc, r.sort_name);
    }
    docs.forEach(({ doc, sortName }, i) => {
      const b = bounds[i]!;
      if (b.low >= b.high) return;
      const mid = (b.low + b.high) >>> 1;
      const other = atRank[mid]!;
      const name = names.get(other) ?? '';
      if (name < sortName || (name === sortName && other < doc)) b.low = mid + 1;
      else b.high = mid;
    });
  }
  docs.forEach(({ doc }, i) => out.set(doc, bounds[i]!.low));
  return out;
}
