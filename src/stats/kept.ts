/**
 * Kept counts: a change to a few records updates the directory's census snapshot in the change's
 * own transaction, instead of moving the store's stamp and leaving the next request to count the
 * whole census again (13–26 s of CPU at 1 000 000 projects).
 *
 * `beginKeptChange`, before the change writes: the snapshot must be the one of the store as it
 * stands (stored at the current stamp), else nothing is kept and the next request recounts (in the
 * background, `snapshot.ts`). The partnerships the change touches are counted (`aggregateStats` and
 * `loadMapCounts` over those few: milliseconds). `finish`, after the change and its audit event
 * are written: the same partnerships are counted again, the difference applied (`delta.ts`), the
 * lists that are not sums replaced by id, and the snapshot stored at the new stamp with the kept
 * pairs, in the same transaction: it commits or fails with the change. `publish`, after the
 * commit, hands the snapshot to this process's pages.
 *
 * Which partnerships: a partnership's own; a project's partnership; a collectivity's partnerships
 * (as a party, or by its budgets: its kind and country are counted there); a domain's partnerships
 * and those of its projects (its parent decides its family).
 */
import type { Kysely } from 'kysely';
import { loadMapCounts, type MapCounts } from '../maps/data.js';
import { readStamp } from '../store/stamp.js';
import type { Database } from '../store/tables.js';
import type { Aggregates, PadProject } from './aggregates.js';
import { applyAggregates, applyWeights } from './delta.js';
import { applyPairs, heaviestKeptPairs } from './kept-pairs.js';
import { padOrder, padProjects } from './pad.js';
import { aggregateStats, domainList } from './queries.js';
import { keptSnapshotAt, storeKeptSnapshot, publishSnapshot, SNAPSHOT_PAD_ROWS, SNAPSHOT_PAIRS, type CensusSnapshot } from './snapshot.js';

type Db = Kysely<Database>;

/** The record a change touches, as the census names it. */
export interface ChangedRecord {
  recordType: 'domain' | 'collectivity' | 'partnership' | 'project';
  recordId: string;
  /** a project's partnership */
  parentId?: string | undefined;
}

export interface KeptChange {
  /** after the change is written, in its transaction: the snapshot at the new stamp */
  finish(trx: Db): Promise<void>;
  /** after the commit: this process's pages read the new snapshot */
  publish(db: Db): void;
}

/** A change whose counts are not kept: the next request finds the stamp moved and recounts. */
const NOT_KEPT: KeptChange = { finish: async () => undefined, publish: () => undefined };

/** Above this many partnerships touched (a domain of a third of the census), a recount is as cheap. */
const MOST_TOUCHED = 5000;

/** `root`: the store handle the transaction is of (this process's snapshot is kept under it). */
export async function beginKeptChange(trx: Db, directoryId: string, record: ChangedRecord, root?: Db): Promise<KeptChange> {
  const kept = await keptSnapshotAt(trx, directoryId, await readStamp(trx), root);
  if (kept === undefined) return NOT_KEPT;
  const ids = await touchedPartnerships(trx, directoryId, record);
  if (ids.length > MOST_TOUCHED) return NOT_KEPT;
  const before = await contribution(trx, directoryId, ids);
  let snapshot: CensusSnapshot | undefined;
  return {
    async finish(trx) {
      const after = await contribution(trx, directoryId, ids);
      const aggregates = applyAggregates(kept.aggregates, before.aggregates, after.aggregates);
      aggregates.pad.rows = await padRows(trx, directoryId, kept.aggregates.pad.rows, after.aggregates.pad.rows, ids, aggregates.pad.count);
      if (record.recordType === 'domain') aggregates.domains = await domainList(trx, directoryId);
      if (record.recordType === 'collectivity') aggregates.collectivities = await collectivityReplaced(trx, directoryId, kept.aggregates.collectivities, record.recordId);
      const { weights, pairChange } = applyWeights(kept.map, before.map, after.map);
      const pairTotal = (kept.map.pairTotal ?? kept.map.pairs.size) + (await applyPairs(trx, directoryId, pairChange));
      const pairs = [...pairChange.values()].some((n) => n !== 0) ? await heaviestKeptPairs(trx, directoryId, SNAPSHOT_PAIRS) : kept.map.pairs;
      const map: MapCounts = { weights, pairs, ...(pairTotal > pairs.size ? { pairTotal } : {}) };
      snapshot = { directoryId, stamp: await readStamp(trx), computedAt: kept.computedAt, aggregates, map, pairsKept: true };
      await storeKeptSnapshot(trx, snapshot);
    },
    publish(db) {
      if (snapshot !== undefined) publishSnapshot(db, snapshot);
    },
  };
}

/** What the partnerships `ids` count for: their sums and PAD rows, their map weights and every pair. */
async function contribution(db: Db, directoryId: string, ids: string[]): Promise<{ aggregates: Aggregates; map: MapCounts }> {
  const [aggregates, map] = await Promise.all([
    aggregateStats(db, { directoryId, partnershipIds: ids, padLimit: SNAPSHOT_PAD_ROWS, countsOnly: true }),
    loadMapCounts(db, { directoryId, partnershipIds: ids }),
  ]);
  return { aggregates, map };
}

async function touchedPartnerships(db: Db, directoryId: string, record: ChangedRecord): Promise<string[]> {
  const { recordType, recordId } = record;
  if (recordType === 'partnership') return [recordId];
  if (recordType === 'project') {
    const row = await db.selectFrom('projects').select('partnership_id').where('directory_id', '=', directoryId).where('id', '=', recordId).executeTakeFirst();
    return [...new Set([row?.partnership_id, record.parentId].filter((id): id is string => id !== undefined))];
  }
  const ids = new Set<string>();
  if (recordType === 'collectivity') {
    for (const r of await db.selectFrom('partnership_parties').select('partnership_id').where('directory_id', '=', directoryId).where('collectivity_id', '=', recordId).execute()) ids.add(r.partnership_id);
    for (const r of await db.selectFrom('partnership_budgets').select('partnership_id').where('directory_id', '=', directoryId).where('collectivity_id', '=', recordId).execute()) ids.add(r.partnership_id);
  } else {
    for (const r of await db.selectFrom('partnership_domains').select('partnership_id').where('directory_id', '=', directoryId).where('domain_code', '=', recordId).execute()) ids.add(r.partnership_id);
    const projects = db.selectFrom('project_domains').select('project_id').where('directory_id', '=', directoryId).where('domain_code', '=', recordId);
    for (const r of await db.selectFrom('projects').select('partnership_id').where('directory_id', '=', directoryId).where('id', 'in', projects).execute()) ids.add(r.partnership_id);
  }
  return [...ids];
}

/**
 * The first PAD rows in the directory's order, the touched partnerships' replaced by theirs now:
 * the kept rows of the others stay, and all are ordered again by their partnership's place. When
 * the list was full and lost rows, the next ones are not known here: they are read again.
 */
async function padRows(db: Db, directoryId: string, kept: PadProject[], touched: PadProject[], ids: string[], count: number): Promise<PadProject[]> {
  const gone = new Set(ids);
  const rows = [...kept.filter((r) => !gone.has(r.partnershipId)), ...touched];
  if (rows.length < Math.min(count, SNAPSHOT_PAD_ROWS)) return firstPadRows(db, directoryId);
  if (touched.length === 0 && rows.length === kept.length) return kept;
  const partnerships = [...new Set(rows.map((r) => r.partnershipId))];
  const places = new Map<string, number>();
  for (let i = 0; i < partnerships.length; i += 500) {
    const part = partnerships.slice(i, i + 500);
    for (const r of await db.selectFrom('partnerships').select(['id', 'position']).where('directory_id', '=', directoryId).where('id', 'in', part).execute()) places.set(r.id, Number(r.position));
  }
  const rank = new Map(rows.map((r, i) => [r, i]));
  const order = (a: PadProject, b: PadProject) =>
    places.get(a.partnershipId)! - places.get(b.partnershipId)! || (a.partnershipId < b.partnershipId ? -1 : a.partnershipId > b.partnershipId ? 1 : rank.get(a)! - rank.get(b)!);
  return rows.sort(order).slice(0, SNAPSHOT_PAD_ROWS);
}

/** The directory's first PAD rows, read again (as `aggregateStats` lists them). */
async function firstPadRows(db: Db, directoryId: string): Promise<PadProject[]> {
  const ids = await padOrder(db, directoryId).limit(SNAPSHOT_PAD_ROWS).execute();
  return padProjects(db, directoryId, ids.map((r) => r.id));
}

/** The collectivities' list with one replaced as it is now (or appended: a new one is the last; or gone). */
async function collectivityReplaced(db: Db, directoryId: string, kept: Aggregates['collectivities'], id: string): Promise<Aggregates['collectivities']> {
  const c = await db.selectFrom('collectivities').select(['id', 'name', 'short_name', 'country', 'kind']).where('directory_id', '=', directoryId).where('id', '=', id).executeTakeFirst();
  const now = c === undefined ? undefined : { id: c.id, name: c.name, shortName: c.short_name, country: c.country, kind: c.kind };
  const i = kept.findIndex((k) => k.id === id);
  if (now === undefined) return kept.filter((k) => k.id !== id);
  return i < 0 ? [...kept, now] : kept.map((k, j) => (j === i ? now : k));
}
