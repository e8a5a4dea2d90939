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
 * The table is a cache, not a record: created on first use (`CREATE TABLE IF NOT EXISTS`), never
 * backed up or copied, and a store whose snapshot cannot be written (a read-only replica) still
 * answers, computing each time.
 */
import type { Kysely } from 'kysely';
import { heaviestPairs, loadMapCounts, type MapCounts } from '../maps/data.js';
import type { Database } from '../store/tables.js';
import { readStamp } from '../web/data/directory.js';
import type { Aggregates } from './aggregates.js';
import { aggregateStats } from './queries.js';

/** The most PAD projects a snapshot lists (the statistics page shows up to 1000). */
export const SNAPSHOT_PAD_ROWS = 1000;

/** Bumped when what a snapshot holds changes: older ones are recomputed. */
const FORMAT = 2;

/**
 * The French–Moroccan pairs a snapshot keeps, the heaviest (and how many there are): the map draws
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

type SnapshotTable = {
  stats_snapshots: { directory_id: string; stamp: string; format: number; computed_at: string; body: string };
};

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
const tables = new WeakMap<Db, Promise<boolean>>();

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
    const stored = await readStored(db, directoryId, stamp);
    return stored ?? (await compute(db, directoryId, stamp));
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
  if (await ensureTable(db)) await snapshots(db).deleteFrom('stats_snapshots').where('directory_id', '=', directoryId).execute();
}

async function compute(db: Db, directoryId: string, stamp: string): Promise<CensusSnapshot> {
  const reader = counters.get(db) ?? db;
  const [aggregates, map] = await Promise.all([
    aggregateStats(reader, { directoryId, padLimit: SNAPSHOT_PAD_ROWS }),
    loadMapCounts(reader, { directoryId }).then((counts) => heaviestPairs(counts, SNAPSHOT_PAIRS)),
  ]);
  const snapshot: CensusSnapshot = { directoryId, stamp, computedAt: new Date().toISOString(), aggregates, map };
  if (await ensureTable(db)) {
    try {
      await snapshots(db)
        .transaction()
        .execute(async (trx) => {
          await trx.deleteFrom('stats_snapshots').where('directory_id', '=', directoryId).execute();
          await trx
            .insertInto('stats_snapshots')
            .values({ directory_id: directoryId, stamp, format: FORMAT, computed_at: snapshot.computedAt, body: JSON.stringify(encode(snapshot)) })
            .execute();
        });
    } catch {
      // a store that refuses the write (read-only) still gets its statistics
    }
  }
  return snapshot;
}

async function readStored(db: Db, directoryId: string, stamp: string): Promise<CensusSnapshot | undefined> {
  if (!(await ensureTable(db))) return undefined;
  const row = await snapshots(db)
    .selectFrom('stats_snapshots')
    .select(['stamp', 'format', 'computed_at', 'body'])
    .where('directory_id', '=', directoryId)
    .executeTakeFirst();
  if (row === undefined || row.stamp !== stamp || Number(row.format) !== FORMAT) return undefined;
  try {
    return decode(directoryId, row.stamp, row.computed_at, JSON.parse(row.body) as Encoded);
  } catch {
    return undefined;
  }
}

function snapshots(db: Db): Kysely<SnapshotTable> {
  return db.withTables<SnapshotTable>() as unknown as Kysely<SnapshotTable>;
}

/** Creates the table once per store handle; false when the store will not have it (read-only). */
function ensureTable(db: Db): Promise<boolean> {
  let ready = tables.get(db);
  if (ready === undefined) {
    ready = snapshots(db)
      .schema.createTable('stats_snapshots')
      .ifNotExists()
      .addColumn('directory_id', 'text', (c) => c.primaryKey())
      .addColumn('stamp', 'text', (c) => c.notNull())
      .addColumn('format', 'integer', (c) => c.notNull())
      .addColumn('computed_at', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute()
      .then(
        () => true,
        // two processes creating it at once on PostgreSQL: the loser sees it exist
        () =>
          snapshots(db)
            .selectFrom('stats_snapshots')
            .select('directory_id')
            .limit(1)
            .execute()
            .then(
              () => true,
              () => false,
            ),
      );
    tables.set(db, ready);
  }
  return ready;
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
  const map: MapCounts = { weights: new Map(body.map.weights), pairs: new Map(body.map.pairs), ...(body.map.pairTotal !== undefined ? { pairTotal: body.map.pairTotal } : {}) };
  return { directoryId, stamp, computedAt, aggregates, map };
}
