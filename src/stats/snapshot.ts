/**
 * The census's snapshot: the aggregates of the statistics (`aggregateStats`) and the map's counts
 * (`loadMapCounts`) of a whole directory, computed once per version of the store and kept in the
 * `stats_snapshots` table, keyed by the store's version stamp (`readStamp`: the newest import
 * report, the newest record change in the audit log, the directories). A page asks for it at every
 * request: when the stamp has not moved it is one indexed read (and none at all within the same
 * process, which keeps the parsed snapshot); when it has, the first request recomputes it (tens of
 * seconds at 1 000 000 projects, once) and the others wait for that one computation.
 * `refreshCensusSnapshot` recomputes it ahead of any request, after an import or a batch of changes.
 *
 * The table is a cache, not a record (`store/stamped-cache.ts`): a store whose snapshot cannot be
 * written (a read-only replica) still answers, computing each time.
 */
import type { Kysely } from 'kysely';
import { heaviestPairs, loadMapCounts, type MapCounts } from '../maps/data.js';
import { stampedCache } from '../store/stamped-cache.js';
import type { Database } from '../store/tables.js';
import { readStamp } from '../store/stamp.js';
import type { Aggregates } from './aggregates.js';
import { aggregateStats } from './queries.js';

/** The most PAD projects a snapshot lists (the statistics page shows up to 1000). */
export const SNAPSHOT_PAD_ROWS = 1000;

/** Bumped when what a snapshot holds changes: older ones are recomputed. */
const FORMAT = 2;

/**
 * The home–partner pairs a snapshot keeps, the heaviest (and how many there are): the map draws
 * 400 links. All 85 000 pairs of 100 000 partnerships weighed 6 MB of the snapshot's 10, and
 * more in the server's memory.
 */
export const SNAPSHOT_PAIRS = 2000;

export interface CensusSnapshot {
  directoryId: string;
  stamp: string;
  computedAt: string;
  aggregates: Aggregates;
  map: MapCounts;
}

type Db = Kysely<Database>;

/** Per store handle: the snapshots already read, the computations under way, whether the table exists, where to count. */
const memo = new WeakMap<Db, Map<string, CensusSnapshot>>();
const counters = new WeakMap<Db, Db>();

/**
 * Counts the snapshots of `db` through `reader` (the search thread's connection: see
 * store/off-thread.ts), so that a recomputation does not hold the serving thread for seconds.
 * The snapshot is still stored through `db`.
 */
export function countSnapshotsWith(db: Db, reader: Db): void {
  counters.set(db, reader);
}
const running = new WeakMap<Db, Map<string, Promise<CensusSnapshot>>>();
const stored = stampedCache('stats_snapshots', FORMAT);

/** The snapshot of a directory at the store's current version: kept, read, or computed. */
export async function censusSnapshot(db: Db, directoryId: string): Promise<CensusSnapshot> {
  const stamp = await readStamp(db);
  const kept = memo.get(db)?.get(directoryId);
  if (kept !== undefined && kept.stamp === stamp) return kept;
  const key = `${directoryId}\u0000${stamp}`;
  let inFlight = running.get(db);
  if (inFlight === undefined) running.set(db, (inFlight = new Map()));
  const pending = inFlight.get(key);
  if (pending !== undefined) return pending;
  const work = (async () => {
    const kept = await stored.read(db, directoryId, stamp);
    return kept === undefined ? await compute(db, directoryId, stamp) : decode(directoryId, stamp, kept.computedAt, kept.body as Encoded);
  })();
  inFlight.set(key, work);
  try {
    const snapshot = await work;
    let byDirectory = memo.get(db);
    if (byDirectory === undefined) memo.set(db, (byDirectory = new Map()));
    byDirectory.set(directoryId, snapshot);
    return snapshot;
  } finally {
    inFlight.delete(key);
  }
}

/** Recomputes and stores the snapshot now (after an import, or a batch of approved changes). */
export async function refreshCensusSnapshot(db: Db, directoryId: string): Promise<CensusSnapshot> {
  const snapshot = await compute(db, directoryId, await readStamp(db));
  let byDirectory = memo.get(db);
  if (byDirectory === undefined) memo.set(db, (byDirectory = new Map()));
  byDirectory.set(directoryId, snapshot);
  return snapshot;
}

/** Forgets a directory's snapshot (a writer that changes rows without moving the stamp calls it). */
export async function dropCensusSnapshot(db: Db, directoryId: string): Promise<void> {
  memo.get(db)?.delete(directoryId);
  await stored.drop(db, directoryId);
}

async function compute(db: Db, directoryId: string, stamp: string): Promise<CensusSnapshot> {
  const reader = counters.get(db) ?? db;
  const [aggregates, map] = await Promise.all([
    aggregateStats(reader, { directoryId, padLimit: SNAPSHOT_PAD_ROWS }),
    loadMapCounts(reader, { directoryId }).then((counts) => heaviestPairs(counts, SNAPSHOT_PAIRS)),
  ]);
  const snapshot: CensusSnapshot = { directoryId, stamp, computedAt: new Date().toISOString(), aggregates, map };
  await stored.write(db, directoryId, stamp, snapshot.computedAt, encode(snapshot));
  return snapshot;
}

const MAP_KEYS = ['byDecade', 'byKind', 'partnershipDomains', 'partnershipFamilies', 'byStatus', 'projectDomains', 'projectFamilies'] as const;

type Encoded = {
  aggregates: Omit<Aggregates, (typeof MAP_KEYS)[number]> & Record<(typeof MAP_KEYS)[number], [string, number][]>;
  map: { weights: [string, number][]; pairs: [string, number][]; pairTotal?: number };
};

function encode(s: CensusSnapshot): Encoded {
  const aggregates = { ...s.aggregates } as unknown as Encoded['aggregates'];
  for (const key of MAP_KEYS) aggregates[key] = [...s.aggregates[key]];
  return { aggregates, map: { weights: [...s.map.weights], pairs: [...s.map.pairs], ...(s.map.pairTotal !== undefined ? { pairTotal: s.map.pairTotal } : {}) } };
}

function decode(directoryId: string, stamp: string, computedAt: string, body: Encoded): CensusSnapshot {
  const aggregates = { ...body.aggregates } as unknown as Aggregates;
  for (const key of MAP_KEYS) aggregates[key] = new Map(body.aggregates[key]);
  aggregates.claims ??= []; // a snapshot stored before the claims were read from the text
  const map: MapCounts = { weights: new Map(body.map.weights), pairs: new Map(body.map.pairs), ...(body.map.pairTotal !== undefined ? { pairTotal: body.map.pairTotal } : {}) };
  return { directoryId, stamp, computedAt, aggregates, map };
}
