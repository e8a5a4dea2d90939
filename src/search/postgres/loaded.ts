/**
 * A directory's index as the PostgreSQL searcher keeps it in memory: the facet catalogue and
 * the profiles of the facet groups (`search_meta` key `dict`, written by ../build.ts), loaded
 * once per build stamp. The per-document rows stay in the database.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import type { FacetEntry, IndexDictionary } from '../build.js';
import { valueIndexOf } from '../results.js';
import { INDEX_VERSION, type FacetName } from '../types.js';

export interface PgIndex {
  directoryId: string;
  stamp: string;
  size: number;
  facets: Record<FacetName, FacetEntry[]>;
  valueIndex: Record<FacetName, Map<string, number>>;
  /** per group: its facets and, per profile code, per facet of the group, the value indexes */
  groups: { facets: FacetName[]; profiles: number[][][] }[];
  groupOf: Record<FacetName, number>;
  /** the notices' documents and last days, yyyymmdd (../build.ts `IndexDictionary.expiry`) */
  expiry: [number, number][];
  /** memo of the profile codes a selection stands for */
  codesOf: Map<string, number[]>;
  /** every document by profile code of each group (counted once per build, like the SQLite engine's totals) */
  everything?: Promise<Map<number, Map<number, number>>>;
}

const text = (value: Uint8Array | string) => (typeof value === 'string' ? value : Buffer.from(value).toString('utf8'));

/** Indexes by directory, reloaded when the store holds another build. */
export class PgIndexes {
  private readonly loaded = new Map<string, PgIndex>();

  constructor(private readonly db: Kysely<Database>) {}

  /** The directory's current index (the first indexed directory by default); null when there is none. */
  async current(directoryId?: string): Promise<PgIndex | null> {
    let rows: { directory_id: string; value: Uint8Array }[];
    try {
      const which = typeof directoryId === 'string' ? sql`AND directory_id = ${directoryId}` : sql``;
      rows = (await sql<{ directory_id: string; value: Uint8Array }>`SELECT directory_id, value FROM search_meta
        WHERE key = 'stamp' ${which} ORDER BY directory_id LIMIT 1`.execute(this.db)).rows;
    } catch {
      return null; // no index tables yet
    }
    const row = rows[0];
    if (row === undefined) return null;
    const stamp = text(row.value);
    const known = this.loaded.get(row.directory_id);
    if (known !== undefined && known.stamp === stamp) return known;
    const index = await this.load(row.directory_id, stamp);
    if (index !== null) this.loaded.set(row.directory_id, index);
    return index;
  }

  private async load(directoryId: string, stamp: string): Promise<PgIndex | null> {
    const { rows } = await sql<{ value: Uint8Array }>`SELECT value FROM search_meta WHERE directory_id = ${directoryId} AND key = 'dict'`.execute(this.db);
    if (rows[0] === undefined) return null;
    const dict = JSON.parse(text(rows[0].value)) as IndexDictionary;
    if (dict.version !== INDEX_VERSION) return null; // built by an older version: to be rebuilt
    const groupOf = {} as Record<FacetName, number>;
    dict.groups.forEach((group, g) => group.facets.forEach((facet) => (groupOf[facet] = g)));
    return {
      directoryId,
      stamp,
      size: dict.size,
      facets: dict.facets,
      valueIndex: valueIndexOf(dict.facets),
      groups: dict.groups.map((group) => ({ facets: group.facets, profiles: group.profiles })),
      groupOf,
      codesOf: new Map(),
      expiry: dict.expiry ?? [],
    };
  }
}

/** The profile codes of the facet's group whose documents have any of the values `ids`. */
export function profileCodes(index: PgIndex, facet: FacetName, ids: readonly number[]): number[] {
  const key = `${facet}\u0000${[...ids].sort((a, b) => a - b).join(',')}`;
  let codes = index.codesOf.get(key);
  if (codes === undefined) {
    const group = index.groups[index.groupOf[facet]]!;
    const position = group.facets.indexOf(facet);
    const wanted = new Set(ids);
    codes = [];
    group.profiles.forEach((profile, code) => {
      if (profile[position]!.some((id) => wanted.has(id))) codes!.push(code);
    });
    index.codesOf.set(key, codes);
  }
  return codes;
}

/** Each value's count in a facet, from its group's counts by profile code. */
export function valueCounts(index: PgIndex, facet: FacetName, byCode: ReadonlyMap<number, number>): Float64Array {
  const group = index.groups[index.groupOf[facet]]!;
  const position = group.facets.indexOf(facet);
  const counts = new Float64Array(index.facets[facet].length);
  for (const [code, n] of byCode) for (const id of group.profiles[code]?.[position] ?? []) counts[id]! += n;
  return counts;
}
