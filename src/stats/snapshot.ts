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
import { readStamp, recordChangesBetween, type RECORD_CHANGE_ACTIONS } from '../store/stamp.js';
import type { Aggregates } from './aggregates.js';
import { ensurePairsTable, writeAllPairs } from './kept-pairs.js';
import { aggregateStats } from './queries.js';

/** The most PAD projects a snapshot lists (the statistics page shows up to 1000). */
export const SNAPSHOT_PAD_ROWS = 1000;

/** Bumped when what a snapshot holds changes: older ones are recomputed. */
const FORMAT = 3;

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
  /** every pair of the map is kept in its own rows (`kept-pairs.ts`): a change can update the snapshot */
  pairsKept?: boolean;
  /** a newer version of the store is being counted: this is the previous one's (a large census, meanwhile) */
  stale?: boolean;
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
/** The computations under way, per store handle and directory\u0000stamp: the requests meanwhile wait for the one. */
const running = new WeakMap<Db, Map<string, Promise<CensusSnapshot>>>();
const stored = stampedCache('stats_snapshots', FORMAT);

/**
 * The snapshot of a directory at the store's current version: kept, read, moved, or counted.
 * Moved: when only changes that count for nothing here (a consent, an erasure of contacts, a
 * partner-search notice) moved the stamp since. Counted: when an import, or a change whose
 * counts were not kept (`kept.ts`), moved it; a large census's previous snapshot then keeps
 * serving, marked `stale`, while the recount runs in the background, its progress reported.
 */
export async function censusSnapshot(db: Db, directoryId: string): Promise<CensusSnapshot> {
  const stamp = await readStamp(db);
  const kept = memo.get(db)?.get(directoryId);
  if (kept !== undefined && kept.stamp === stamp) return kept;
  const background = recounts.get(db)?.get(directoryId);
  if (background !== undefined && kept !== undefined) return { ...kept, stale: true };
  const key = `${directoryId}\u0000${stamp}`;
  let inFlight = running.get(db);
  if (inFlight === undefined) running.set(db, (inFlight = new Map()));
  const pending = inFlight.get(key);
  if (pending !== undefined) return pending;
  const work = resolve(db, directoryId, stamp, kept);
  inFlight.set(key, work);
  try {
    const snapshot = await work;
    if (!snapshot.stale) publishSnapshot(db, snapshot);
    return snapshot;
  } finally {
    inFlight.delete(key);
  }
}

/** The changes logged that no count of the snapshot reads: they move the stamp, not the snapshot. */
const UNCOUNTED: readonly string[] = ['consent.set', 'person.erase', 'notice.approve', 'notice.withdraw'] satisfies readonly (typeof RECORD_CHANGE_ACTIONS)[number][];

/** A census this large (partnerships and projects) is recounted in the background, its previous snapshot serving meanwhile. */
let staleAbove = 50_000;
/** Where a background recount reports its progress (the server sets it; nowhere by default). */
let progress: (line: string) => void = () => undefined;

/** For the server: where a recount's progress goes; for tests: from what size a census is recounted in the background. */
export function configureRecounts(options: { report?: (line: string) => void; staleAbove?: number }): void {
  if (options.report !== undefined) progress = options.report;
  if (options.staleAbove !== undefined) staleAbove = options.staleAbove;
}

async function resolve(db: Db, directoryId: string, stamp: string, kept: CensusSnapshot | undefined): Promise<CensusSnapshot> {
  const atStamp = await stored.read(db, directoryId, stamp);
  if (atStamp !== undefined) return decode(directoryId, stamp, atStamp.computedAt, atStamp.body as Encoded);
  let previous = kept;
  if (previous === undefined) {
    const latest = await stored.readLatest(db, directoryId);
    if (latest !== undefined) previous = decode(directoryId, latest.stamp, latest.computedAt, latest.body as Encoded);
  }
  if (previous === undefined) return compute(db, directoryId, stamp);
  const between = await recordChangesBetween(db, previous.stamp, stamp);
  if (between !== undefined && between.every((change) => UNCOUNTED.includes(change.action))) {
    const moved = { ...previous, stamp };
    await stored.write(db, directoryId, stamp, moved.computedAt, encode(moved));
    return moved;
  }
  if (previous.aggregates.partnerships + previous.aggregates.projects < staleAbove) return compute(db, directoryId, stamp);
  publishSnapshot(db, previous);
  let byDirectory = recounts.get(db);
  if (byDirectory === undefined) recounts.set(db, (byDirectory = new Map()));
  const recount = compute(db, directoryId, stamp)
    .then((snapshot) => publishSnapshot(db, snapshot))
    .catch((error: unknown) => progress(`census snapshot of ${directoryId}: recount failed: ${String(error)}`))
    .finally(() => byDirectory.delete(directoryId));
  byDirectory.set(directoryId, recount);
  return { ...previous, stale: true };
}

/** The recounts under way in the background, per store handle and directory. */
const recounts = new WeakMap<Db, Map<string, Promise<void>>>();

/** For tests and the bench: the end of a directory's background recount, if one runs. */
export async function recountDone(db: Db, directoryId: string): Promise<void> {
  await recounts.get(db)?.get(directoryId);
}

/** Recomputes and stores the snapshot now (after an import, or a batch of approved changes). */
export async function refreshCensusSnapshot(db: Db, directoryId: string): Promise<CensusSnapshot> {
  const snapshot = await compute(db, directoryId, await readStamp(db));
  publishSnapshot(db, snapshot);
  return snapshot;
}

/** This process's pages read `snapshot` from now on (a kept change's, after its commit). */
export function publishSnapshot(db: Db, snapshot: CensusSnapshot): void {
  let byDirectory = memo.get(db);
  if (byDirectory === undefined) memo.set(db, (byDirectory = new Map()));
  byDirectory.set(snapshot.directoryId, snapshot);
}

/**
 * The snapshot stored at `stamp` whose pairs are kept (`kept-pairs.ts`), for a change to update:
 * this process's own when it is at that stamp (`root`: the store handle it is kept under), else read.
 */
export async function keptSnapshotAt(trx: Db, directoryId: string, stamp: string, root?: Db): Promise<CensusSnapshot | undefined> {
  const mine = root === undefined ? undefined : memo.get(root)?.get(directoryId);
  if (mine !== undefined && mine.stamp === stamp && mine.pairsKept === true) return mine;
  const row = await stored.read(trx, directoryId, stamp);
  if (row === undefined) return undefined;
  const snapshot = decode(directoryId, stamp, row.computedAt, row.body as Encoded);
  return snapshot.pairsKept === true ? snapshot : undefined;
}

/** Stores a kept snapshot in the change's transaction. */
export async function storeKeptSnapshot(trx: Db, snapshot: CensusSnapshot): Promise<void> {
  await stored.write(trx, snapshot.directoryId, snapshot.stamp, snapshot.computedAt, encode(snapshot));
}

/** Forgets a directory's snapshot (a writer that changes rows without moving the stamp calls it). */
export async function dropCensusSnapshot(db: Db, directoryId: string): Promise<void> {
  memo.get(db)?.delete(directoryId);
  await stored.drop(db, directoryId);
}

async function compute(db: Db, directoryId: string, stamp: string): Promise<CensusSnapshot> {
  const reader = counters.get(db) ?? db;
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  progress(`census snapshot of ${directoryId}: counting (stamp ${stamp})`);
  const [aggregates, counts] = await Promise.all([
    aggregateStats(reader, { directoryId, padLimit: SNAPSHOT_PAD_ROWS }).then((a) => {
      progress(`census snapshot of ${directoryId}: ${a.partnerships} partnerships, ${a.projects} projects counted at ${seconds()} s`);
      return a;
    }),
    loadMapCounts(reader, { directoryId }).then((m) => {
      progress(`census snapshot of ${directoryId}: map of ${m.weights.size} collectivities, ${m.pairs.size} pairs counted at ${seconds()} s`);
      return m;
    }),
  ]);
  const pairsKept = await ensurePairsTable(db);
  const snapshot: CensusSnapshot = { directoryId, stamp, computedAt: new Date().toISOString(), aggregates, map: heaviestPairs(counts, SNAPSHOT_PAIRS), pairsKept };
  try {
    await db.transaction().execute(async (trx) => {
      await stored.write(trx, directoryId, stamp, snapshot.computedAt, encode(snapshot));
      if (pairsKept) await writeAllPairs(trx, directoryId, counts.pairs);
    });
  } catch {
    // a store that refuses the write (read-only) is answered all the same
  }
  progress(`census snapshot of ${directoryId}: stored at ${seconds()} s`);
  return snapshot;
}

const MAP_KEYS = ['byDecade', 'byKind', 'partnershipDomains', 'partnershipFamilies', 'byStatus', 'projectDomains', 'projectFamilies'] as const;

type Encoded = {
  aggregates: Omit<Aggregates, (typeof MAP_KEYS)[number]> & Record<(typeof MAP_KEYS)[number], [string, number][]>;
  map: { weights: [string, number][]; pairs: [string, number][]; pairTotal?: number };
  pairsKept?: boolean;
};

function encode(s: CensusSnapshot): Encoded {
  const aggregates = { ...s.aggregates } as unknown as Encoded['aggregates'];
  for (const key of MAP_KEYS) aggregates[key] = [...s.aggregates[key]];
  return { aggregates, map: { weights: [...s.map.weights], pairs: [...s.map.pairs], ...(s.map.pairTotal !== undefined ? { pairTotal: s.map.pairTotal } : {}) }, pairsKept: s.pairsKept === true };
}

function decode(directoryId: string, stamp: string, computedAt: string, body: Encoded): CensusSnapshot {
  const aggregates = { ...body.aggregates } as unknown as Aggregates;
  for (const key of MAP_KEYS) aggregates[key] = new Map(body.aggregates[key]);
  aggregates.claims ??= []; // a snapshot stored before the claims were read from the text
  const map: MapCounts = { weights: new Map(body.map.weights), pairs: new Map(body.map.pairs), ...(body.map.pairTotal !== undefined ? { pairTotal: body.map.pairTotal } : {}) };
  return { directoryId, stamp, computedAt, aggregates, map, pairsKept: body.pairsKept === true };
}
