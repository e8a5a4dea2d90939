/**
 * What a map shows, from the census: one point per collectivity that is a party to a partnership
 * (of the selection), weighted by its number of partnerships, and one link per pair of partners of
 * the home country and another (France–Morocco in 2008), weighted by their number of partnerships
 * together. The home country is the directory's first.
 *
 * Positions: the collectivity's stored `location` when it has one, else the gazetteer's
 * (`locate`). Collectivities neither knows are returned in `unlocated`, for the page to list.
 *
 * Two sources, the same result: `mapDataFromDocument` over a document's plain records, and
 * `loadMapData` over the store (aggregates in SQL, so it stays small on a large census).
 */
import type { Kysely } from 'kysely';
import { locate } from '../geo/gazetteer.js';
import { defaultProfiles } from '../profiles/profiles.js';
import type { Collectivity, RepertoireDocument } from '../model/schema.js';
import { decodeJson } from '../store/codec.js';
import type { Database } from '../store/tables.js';
import type { MapLink, MapPoint } from './render.js';

export interface MapDataOptions {
  /** only these partnerships (the current search results); all when absent */
  partnershipIds?: Iterable<string>;
  /** the page of a collectivity */
  href: (collectivityId: string) => string;
  /** the directory's home country, whose collectivities' links to the others are drawn (default: the directory's first country) */
  home?: string;
  /** the label of a point (default: the collectivity's short name, else its name) */
  label?: (c: Pick<Collectivity, 'id' | 'name' | 'shortName' | 'kind' | 'country'>) => string;
}

export interface MapData {
  points: MapPoint[];
  links: MapLink[];
  unlocated: { id: string; name: string }[];
}

export type Place = Pick<Collectivity, 'id' | 'name' | 'shortName' | 'country' | 'kind' | 'region' | 'aliases' | 'location'>;

/** From a document's records. */
export function mapDataFromDocument(doc: Pick<RepertoireDocument, 'collectivities' | 'partnerships'> & { directory?: Pick<RepertoireDocument['directory'], 'countries'> }, options: MapDataOptions): MapData {
  const home = options.home ?? doc.directory?.countries[0] ?? homeByDefault();
  const only = options.partnershipIds === undefined ? undefined : new Set(options.partnershipIds);
  const { weights, pairs } = countParties(
    doc.partnerships.filter((p) => only === undefined || only.has(p.id)).map((p) => p.parties),
    home,
  );
  const byId = new Map(doc.collectivities.map((c) => [c.id, c]));
  return assemble(weights, pairs, (id) => byId.get(id), options);
}

/** A census's map, counted: partnerships per collectivity, and per pair of a home and a partner collectivity. */
export interface MapCounts {
  /** collectivity id → partnerships it is a party to */
  weights: Map<string, number>;
  /** `${home id}\u0000${partner id}` → partnerships they share */
  pairs: Map<string, number>;
  /** how many pairs there are in all, when `pairs` holds only the heaviest (see `heaviestPairs`) */
  pairTotal?: number;
}

/** The counts with only the `n` heaviest pairs (ties by key), and how many there were: a map draws a few hundred links. */
export function heaviestPairs(counts: MapCounts, n: number): MapCounts {
  if (counts.pairs.size <= n) return counts;
  const kept = heaviestBy(counts.pairs, n, ([, weight]) => weight, ([key]) => key);
  return { weights: counts.weights, pairs: new Map(kept), pairTotal: counts.pairTotal ?? counts.pairs.size };
}

/** The `n` items of most weight, heaviest first, ties in the order of their keys: what a map keeps of points, links and pairs. */
export function heaviestBy<T>(items: Iterable<T>, n: number, weight: (item: T) => number, key: (item: T) => string): T[] {
  return [...items]
    .sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      return weight(b) - weight(a) || (ka < kb ? -1 : ka > kb ? 1 : 0);
    })
    .slice(0, n);
}

/** A partnership's parties as the counts need them. */
type Parties = readonly { collectivityId: string; country: string }[];

/**
 * The counts of partnerships given by their parties: each collectivity once per partnership, each
 * pair of a home and a partner collectivity once per partnership (a party named twice counts once).
 */
export function countParties(partnerships: Iterable<Parties>, home: string): MapCounts {
  const weights = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const parties of partnerships) {
    for (const id of new Set(parties.map((x) => x.collectivityId))) weights.set(id, (weights.get(id) ?? 0) + 1);
    const fr = parties.filter((x) => x.country === home).map((x) => x.collectivityId);
    const ma = parties.filter((x) => x.country !== home).map((x) => x.collectivityId);
    for (const key of new Set(fr.flatMap((a) => ma.map((b) => `${a}\u0000${b}`)))) pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  return { weights, pairs };
}

/**
 * The counts of one collectivity's partnerships (its page's map): their parties read through the
 * collectivity's index and counted here. For a partner of thousands of partnerships this is a tenth
 * of `loadMapCounts` over their ids (9 000 party rows in 10 ms, against GROUP BYs over an id list).
 */
export async function loadCollectivityMapCounts(db: Kysely<Database>, directoryId: string, collectivityId: string): Promise<MapCounts> {
  const [home, rows] = await Promise.all([
    directoryCountries(db, directoryId).then((countries) => countries[0] ?? homeByDefault()),
    db
      .selectFrom('partnership_parties as own')
      .crossJoin('partnership_parties as pp')
      .whereRef('pp.directory_id', '=', 'own.directory_id')
      .whereRef('pp.partnership_id', '=', 'own.partnership_id')
      .where('own.directory_id', '=', directoryId)
      .where('own.collectivity_id', '=', collectivityId)
      .select(['pp.partnership_id', 'pp.collectivity_id', 'pp.country'])
      .execute(),
  ]);
  const byPartnership = new Map<string, { collectivityId: string; country: string }[]>();
  for (const row of rows) {
    const parties = byPartnership.get(row.partnership_id) ?? [];
    parties.push({ collectivityId: row.collectivity_id, country: row.country });
    byPartnership.set(row.partnership_id, parties);
  }
  return countParties(byPartnership.values(), home);
}

/** The counts in SQL (GROUP BY on `partnership_parties`), by chunks of the selection when there is one. */
export async function loadMapCounts(db: Kysely<Database>, options: { directoryId?: string; partnershipIds?: Iterable<string>; home?: string }): Promise<MapCounts> {
  const weights = new Map<string, number>();
  const pairs = new Map<string, number>();
  const dir = options.directoryId;
  const home = options.home ?? (await directoryCountries(db, dir))[0] ?? homeByDefault();
  for (const chunk of chunks(options.partnershipIds)) {
    if (chunk === undefined) {
      let parties = db
        .selectFrom('partnership_parties')
        .select(['collectivity_id', (eb) => eb.fn.count<number | string>('partnership_id').distinct().as('n')])
        .groupBy('collectivity_id');
      if (dir !== undefined) parties = parties.where('directory_id', '=', dir);
      for (const row of await parties.execute()) add(weights, row.collectivity_id, Number(row.n));
      let links = db
        .selectFrom('partnership_parties as a')
        .innerJoin('partnership_parties as b', (j) => j.onRef('a.directory_id', '=', 'b.directory_id').onRef('a.partnership_id', '=', 'b.partnership_id'))
        .where('a.country', '=', home)
        .where('b.country', '<>', home)
        .select(['a.collectivity_id as fr', 'b.collectivity_id as ma', (eb) => eb.fn.count<number | string>('a.partnership_id').distinct().as('n')])
        .groupBy(['a.collectivity_id', 'b.collectivity_id']);
      if (dir !== undefined) links = links.where('a.directory_id', '=', dir);
      for (const row of await links.execute()) add(pairs, `${row.fr}\u0000${row.ma}`, Number(row.n));
      continue;
    }
    // a selection: read from the selected partnerships (CROSS JOIN keeps that order on SQLite, whose
    // planner would otherwise scan the directory's whole party index, the one that serves GROUP BY)
    let parties = db
      .selectFrom('partnerships as s')
      .crossJoin('partnership_parties as pp')
      .whereRef('pp.directory_id', '=', 's.directory_id')
      .whereRef('pp.partnership_id', '=', 's.id')
      .where('s.id', 'in', chunk)
      .select(['pp.collectivity_id', (eb) => eb.fn.count<number | string>('pp.partnership_id').distinct().as('n')])
      .groupBy('pp.collectivity_id');
    if (dir !== undefined) parties = parties.where('s.directory_id', '=', dir);
    for (const row of await parties.execute()) add(weights, row.collectivity_id, Number(row.n));
    let links = db
      .selectFrom('partnerships as s')
      .crossJoin('partnership_parties as a')
      .crossJoin('partnership_parties as b')
      .whereRef('a.directory_id', '=', 's.directory_id')
      .whereRef('a.partnership_id', '=', 's.id')
      .whereRef('b.directory_id', '=', 'a.directory_id')
      .whereRef('b.partnership_id', '=', 'a.partnership_id')
      .where('s.id', 'in', chunk)
      .where('a.country', '=', home)
      .where('b.country', '<>', home)
      .select(['a.collectivity_id as fr', 'b.collectivity_id as ma', (eb) => eb.fn.count<number | string>('a.partnership_id').distinct().as('n')])
      .groupBy(['a.collectivity_id', 'b.collectivity_id']);
    if (dir !== undefined) links = links.where('s.directory_id', '=', dir);
    for (const row of await links.execute()) add(pairs, `${row.fr}\u0000${row.ma}`, Number(row.n));
  }
  return { weights, pairs };
}

/** The collectivities of a directory that the counts name, as places (stored position, or what `locate` needs). */
export async function loadMapPlaces(db: Kysely<Database>, directoryId: string | undefined, ids: Iterable<string>): Promise<Map<string, Place>> {
  const wanted = [...new Set(ids)];
  const places = new Map<string, Place>();
  const columns = ['id', 'name', 'short_name', 'country', 'kind', 'region', 'aliases', 'lat', 'lon'] as const;
  // many ids: read the directory's collectivities whole (one scan) rather than thousands of lookups
  const parts: (string[] | undefined)[] = wanted.length > 2000 ? [undefined] : chunks(wanted);
  const keep = new Set(wanted);
  for (const part of parts) {
    let query = db.selectFrom('collectivities').select(columns);
    if (directoryId !== undefined) query = query.where('directory_id', '=', directoryId);
    if (part) query = query.where('id', 'in', part);
    for (const r of await query.execute()) {
      if (!keep.has(r.id)) continue;
      const aliases = decodeJson<string[]>(r.aliases);
      places.set(r.id, {
        id: r.id,
        name: r.name,
        country: r.country,
        kind: r.kind,
        ...(r.short_name !== null ? { shortName: r.short_name } : {}),
        ...(r.region !== null ? { region: r.region } : {}),
        ...(aliases ? { aliases } : {}),
        ...(r.lat !== null && r.lon !== null ? { location: { lat: r.lat, lon: r.lon } } : {}),
      });
    }
  }
  return places;
}

/** From the store: counts in SQL, by chunks of the selection when there is one. */
export async function loadMapData(db: Kysely<Database>, options: MapDataOptions & { directoryId?: string }): Promise<MapData> {
  const { weights, pairs } = await loadMapCounts(db, options);
  const places = await loadMapPlaces(db, options.directoryId, weights.keys());
  return assemble(weights, pairs, (id) => places.get(id), options);
}

/** Points, links and the unlocated from counts and places (`loadMapCounts`, `loadMapPlaces`). */
export function mapDataOf(counts: MapCounts, place: (id: string) => Place | undefined, options: MapDataOptions): MapData {
  return assemble(counts.weights, counts.pairs, place, options);
}

function assemble(weights: Map<string, number>, pairs: Map<string, number>, place: (id: string) => Place | undefined, options: MapDataOptions): MapData {
  const points: MapPoint[] = [];
  const unlocated: MapData['unlocated'] = [];
  for (const id of [...weights.keys()].sort()) {
    const c = place(id);
    if (!c) continue;
    const at = c.location ?? locate(c);
    if (!at) {
      unlocated.push({ id, name: c.name });
      continue;
    }
    points.push({
      id,
      label: options.label ? options.label(c) : (c.shortName ?? c.name),
      href: options.href(id),
      lat: at.lat,
      lon: at.lon,
      weight: weights.get(id)!,
      country: c.country,
    });
  }
  const located = new Set(points.map((p) => p.id));
  const links: MapLink[] = [...pairs]
    .map(([key, weight]) => {
      const [from, to] = key.split('\u0000') as [string, string];
      return { from, to, weight };
    })
    .filter((l) => located.has(l.from) && located.has(l.to))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  return { points, links, unlocated };
}

/** The countries of a directory (home first), or of the first directory when none is named. */
export async function directoryCountries(db: Kysely<Database>, directoryId: string | undefined): Promise<string[]> {
  let query = db.selectFrom('directories').select('countries').orderBy('id').limit(1);
  if (directoryId !== undefined) query = query.where('id', '=', directoryId);
  const row = await query.executeTakeFirst();
  return (row ? decodeJson<string[]>(row.countries) : undefined) ?? [];
}

/** With no directory to say it: the first of the curated countries (the 2008 directory's home). */
function homeByDefault(): string {
  return defaultProfiles().curatedCodes()[0]!;
}

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** The selection in chunks small enough for one SQL statement's parameters; [undefined] for no selection. */
export function chunks(ids: Iterable<string> | undefined, size = 5000): (string[] | undefined)[] {
  if (ids === undefined) return [undefined];
  const all = [...new Set(ids)].sort();
  if (all.length === 0) return [];
  const out: string[][] = [];
  for (let i = 0; i < all.length; i += size) out.push(all.slice(i, i + size));
  return out;
}
