/**
 * A table's records matched to a stored directory's, a chunk at a time: what merge-table.ts does
 * to a document in memory (the same rules, through the same functions: by code, then by name and
 * country, then through the gazetteer; partnerships by their parties; nothing removed), done on
 * scratch shelves so that neither the directory nor the table is ever whole in the heap. The
 * directory's names and pairs are indexed first, page by page; then each of the table's records
 * is looked up, and the records it adds or changes wait on the shelves, each with the stored
 * record it started from, for import-table-merged.ts to compare and write. Nothing is written here.
 */
import type { Kysely } from 'kysely';
import type { Shelf, Shelves, TableRead } from '../import/table/index.js';
import type { Collectivity, Directory, Domain, Partnership, RepertoireDocument } from '../model/schema.js';
import { canonicalDocument } from '../model/canonical.js';
import { readCollectivities } from '../store/records/collectivity.js';
import { readDirectory } from '../store/records/directory.js';
import { readDomains } from '../store/records/domain.js';
import { collectivityNamePages, countOf, nextPosition, partnershipPartyPages, positionsOf, storedIds } from '../store/records/pages.js';
import { readPartnerships } from '../store/records/partnership.js';
import { readProjects } from '../store/records/project.js';
import type { Database } from '../store/tables.js';
import { absorbCollectivity, aliasKey, lookupKeys, nameKeys, pairKey, renamedParties, updatePartnership, type MergeOptions } from './merge-table.js';

/** Table records looked up per query: a few statements of the store's per chunk. */
const LOOKUPS_PER_CHUNK = 1_000;

/** A record the table adds or changes: as merged, and as stored (absent: new), at its place. */
export interface Merging<R> {
  record: R;
  stored?: R;
  position: number;
}

/**
 * How far the matching is, for a kind of record: the directory's records indexed plus the
 * table's looked up, of both together (a large directory's index takes as long as the look-ups).
 */
export type MatchProgress = (kind: 'collectivities' | 'partnerships', done: number, total: number) => void;

export interface StreamedMergeOptions extends MergeOptions {
  onMatch?: MatchProgress;
}

export interface StreamedMerge {
  /** the directory as stored, and its countries with the table's added */
  directory: { record: Directory; countries: string[]; changed: boolean };
  /** the table's domains the directory lacks, at their places */
  newDomains: Merging<Domain>[];
  collectivities: Shelf<Merging<Collectivity>>;
  partnerships: Shelf<Merging<Partnership>>;
  /** the table's partnership ids → the directory's */
  partnershipIds: Shelf<string>;
}

export async function mergeStreamed(db: Kysely<Database>, read: TableRead, shelves: Shelves, options: StreamedMergeOptions): Promise<StreamedMerge> {
  const { directoryId } = options;
  const stored = (await readDirectory(db, directoryId))!;
  const countries = [...stored.countries];
  for (const c of read.records.directory().countries) if (!countries.includes(c)) countries.push(c);

  const storedDomains = await readDomains(db, directoryId);
  let domainPosition = await nextPosition(db, directoryId, 'domains');
  const newDomains = read.records
    .domainList()
    .filter((d) => !storedDomains.some((x) => x.code === d.code))
    .map((record) => ({ record, position: domainPosition++ }));

  const collectivities = shelves.shelf<Merging<Collectivity>>('merging_collectivities');
  const collectivityIds = shelves.shelf<string>('collectivity_ids');
  await mergeCollectivities(db, read, shelves, stored, options, collectivities, collectivityIds);
  const partnerships = shelves.shelf<Merging<Partnership>>('merging_partnerships');
  const partnershipIds = shelves.shelf<string>('partnership_ids');
  await mergePartnerships(db, read, shelves, stored, collectivityIds, partnerships, partnershipIds, options.onMatch);
  return { directory: { record: stored, countries, changed: countries.length !== stored.countries.length }, newDomains, collectivities, partnerships, partnershipIds };
}

/** Some of a directory's records in canonical form, as the store gives them back: then equal content is equal text. */
export function canonicalPart(directory: Directory, part: { collectivities?: Collectivity[]; partnerships?: Partnership[] }): RepertoireDocument {
  return canonicalDocument({ format: 'repertoire', version: 1, directory, domains: [], collectivities: [], partnerships: [], ...part });
}

/** A kind's matching progress: `tick(n)` after n more records indexed or looked up. */
async function counter(db: Kysely<Database>, directoryId: string, kind: 'collectivities' | 'partnerships', tableSize: number, onMatch: MatchProgress | undefined): Promise<(n: number) => void> {
  if (onMatch === undefined) return () => undefined;
  const total = (await countOf(db, directoryId, kind)) + tableSize;
  let done = 0;
  onMatch(kind, 0, total);
  return (n) => onMatch(kind, (done += n), total);
}

async function mergeCollectivities(
  db: Kysely<Database>,
  read: TableRead,
  shelves: Shelves,
  directory: Directory,
  options: StreamedMergeOptions,
  merging: Shelf<Merging<Collectivity>>,
  ids: Shelf<string>,
): Promise<void> {
  const { directoryId, gazetteer } = options;
  const tick = await counter(db, directoryId, 'collectivities', read.records.collectivities.size, options.onMatch);
  // Only the directory's collectivities are matched by name (two of the table's with different codes are two places): their keys first.
  const byName = new FirstPlaced(shelves.shelf('stored_names'));
  const countries = new Set<string>();
  for await (const page of collectivityNamePages(db, directoryId)) {
    for (const c of page) {
      countries.add(c.country);
      for (const n of [c.name, c.shortName, ...c.aliases]) if (n) for (const key of nameKeys(c.country, n)) byName.offer(key, c);
    }
    tick(page.length);
  }
  let byAlias: FirstPlaced | undefined;
  const viaGazetteer = async (t: Collectivity): Promise<string | undefined> => {
    if (gazetteer === undefined || !countries.has(t.country)) return undefined;
    // The directory's keys are computed only when a name is not found as written: the gazetteer is slow to ask.
    if (byAlias === undefined) {
      byAlias = new FirstPlaced(shelves.shelf('stored_aliases'));
      for await (const page of collectivityNamePages(db, directoryId)) {
        for (const c of page) for (const n of [c.name, c.shortName]) if (n) {
          const key = aliasKey(c.country, n, gazetteer);
          if (key) byAlias.offer(key, c);
        }
      }
    }
    const key = aliasKey(t.country, t.name, gazetteer);
    return key === undefined ? undefined : byAlias.get(key);
  };

  let position = await nextPosition(db, directoryId, 'collectivities');
  for (const chunk of read.records.collectivities.chunks(LOOKUPS_PER_CHUNK)) {
    const table = chunk.map(([, c]) => c);
    // Each record's candidate in the directory, found before any is merged: the directory's names do not change meanwhile.
    const storedById = new Map((await readCollectivities(db, directoryId, table.map((t) => t.id))).map((c) => [c.id, c]));
    const candidates: (string | undefined)[] = [];
    for (const t of table) {
      const sameId = merging.get(t.id)?.record ?? storedById.get(t.id);
      candidates.push(sameId?.country === t.country ? t.id : (lookupKeys(t).map((k) => byName.get(k)).find(Boolean) ?? (await viaGazetteer(t))));
    }
    const wanted = [...new Set(candidates.filter((id): id is string => id !== undefined && !merging.has(id) && !storedById.has(id)))];
    for (const c of await readCollectivities(db, directoryId, wanted)) storedById.set(c.id, c);
    const positions = await positionsOf(db, directoryId, 'collectivities', [...new Set(candidates.filter((id): id is string => id !== undefined && !merging.has(id)))]);
    const stored = new Map(canonicalPart(directory, { collectivities: [...storedById.values()] }).collectivities.map((c) => [c.id, c]));

    for (const [i, t] of table.entries()) {
      const foundId = candidates[i];
      if (foundId === undefined) {
        const taken = storedById.has(t.id) || merging.has(t.id) ? await freeIdIn(db, directoryId, 'collectivities', t.id, merging) : t.id;
        merging.set(taken, { record: { ...t, id: taken }, position: position++ });
        ids.set(t.id, taken);
        continue;
      }
      const found = merging.get(foundId) ?? { record: structuredClone(stored.get(foundId)!), stored: stored.get(foundId)!, position: positions.get(foundId)! };
      ids.set(t.id, foundId);
      absorbCollectivity(found.record, t);
      merging.set(foundId, found);
    }
    tick(chunk.length);
  }
}

/**
 * Keys to the directory's collectivities, the first in the directory's order kept for each (as
 * a Map built in that order keeps it), whatever order the pages come in.
 */
class FirstPlaced {
  constructor(private readonly shelf: Shelf<[string, number]>) {}

  offer(key: string, c: { id: string; position: number }): void {
    if ((this.shelf.get(key)?.[1] ?? Infinity) > c.position) this.shelf.set(key, [c.id, c.position]);
  }

  get(key: string): string | undefined {
    return this.shelf.get(key)?.[0];
  }
}

/** `id-2`, `id-3`… the first neither stored nor added, as merge-table.ts's freeId (a rare path: one look-up at a time). */
async function freeIdIn(db: Kysely<Database>, directoryId: string, table: 'collectivities' | 'partnerships', id: string, merging: Shelf<unknown>): Promise<string> {
  for (let n = 2; ; n += 1) {
    const candidate = `${id}-${n}`;
    if (!merging.has(candidate) && (await storedIds(db, directoryId, table, [candidate])).size === 0) return candidate;
  }
}

async function mergePartnerships(
  db: Kysely<Database>,
  read: TableRead,
  shelves: Shelves,
  directory: Directory,
  collectivityIds: Shelf<string>,
  merging: Shelf<Merging<Partnership>>,
  ids: Shelf<string>,
  onMatch: MatchProgress | undefined,
): Promise<void> {
  const directoryId = directory.id!;
  const tick = await counter(db, directoryId, 'partnerships', read.records.partnerships.size, onMatch);
  // The directory's pairs, the last in its order kept (as a Map built in that order keeps it), then the table's added ones.
  const pairs = shelves.shelf<[string, number]>('pairs');
  for await (const page of partnershipPartyPages(db, directoryId)) {
    for (const p of page) {
      const key = pairKey({ parties: p.parties.map((collectivityId) => ({ collectivityId, country: '' })) });
      if ((pairs.get(key)?.[1] ?? -1) < p.position) pairs.set(key, [p.id, p.position]);
    }
    tick(page.length);
  }
  const byPair = { get: (key: string) => pairs.get(key)?.[0], added: (key: string, id: string) => pairs.set(key, [id, Number.MAX_SAFE_INTEGER]) };
  let position = await nextPosition(db, directoryId, 'partnerships');
  for (const chunk of read.records.partnerships.chunks(LOOKUPS_PER_CHUNK)) {
    const table = chunk.map(([, p]) => ({ t: p, ...renamedParties(p, (id) => collectivityIds.get(id) ?? id) }));
    const found = [...new Set(table.map((r) => byPair.get(pairKey(r))).filter((id): id is string => id !== undefined && !merging.has(id)))];
    const [entries, projects, positions, sameIds] = await Promise.all([
      readPartnerships(db, directoryId, found),
      readProjects(db, directoryId, { partnershipIds: found }),
      positionsOf(db, directoryId, 'partnerships', found),
      storedIds(db, directoryId, 'partnerships', table.map((r) => r.t.id)),
    ]);
    const stored = new Map(canonicalPart(directory, { partnerships: entries.map((p) => ({ ...p, projects: projects.get(p.id) })) }).partnerships.map((p) => [p.id, p]));

    for (const { t, parties, contacts } of table) {
      const foundId = byPair.get(pairKey({ parties }));
      if (foundId === undefined) {
        const id = sameIds.has(t.id) || merging.has(t.id) ? await freeIdIn(db, directoryId, 'partnerships', t.id, merging) : t.id;
        merging.set(id, { record: { ...t, id, parties, ...(contacts ? { contacts } : {}) }, position: position++ });
        byPair.added(pairKey({ parties }), id);
        ids.set(t.id, id);
        continue;
      }
      const into = merging.get(foundId) ?? { record: structuredClone(stored.get(foundId)!), stored: stored.get(foundId)!, position: positions.get(foundId)! };
      updatePartnership(into.record, { ...t, ...(contacts ? { contacts } : {}) });
      merging.set(foundId, into);
      ids.set(t.id, foundId);
    }
    tick(chunk.length);
  }
}
