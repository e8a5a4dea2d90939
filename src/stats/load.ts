/**
 * The statistics as the pages show them: a whole directory's built from its snapshot (counted once
 * per version of the store), a selection's counted on the spot (`aggregateStats`).
 */
import type { Kysely } from 'kysely';
import { defaultProfiles } from '../profiles/profiles.js';
import { decodeJson } from '../store/codec.js';
import type { Database } from '../store/tables.js';
import type { Aggregates } from './aggregates.js';
import { buildStats } from './build.js';
import type { CensusStats } from './model.js';
import { referenceRates, type ReferenceRates } from './money.js';
import { aggregateStats, type StoreStatsOptions } from './queries.js';
import { censusSnapshot, SNAPSHOT_PAD_ROWS } from './snapshot.js';

type Db = Kysely<Database>;

/**
 * The statistics of a directory, or of a selection of its partnerships. The whole directory's come
 * from its snapshot (`snapshot.ts`: the aggregates below, computed once per version of the store)
 * and are built once per snapshot: the object returned is shared, and frozen. A selection's are
 * counted on the spot, in time proportional to the selection, not to the census.
 */
export async function loadStats(db: Db, options: StoreStatsOptions = {}): Promise<CensusStats> {
  const rates = options.rates ?? (await directoryRates(db, options));
  const padLimit = options.padLimit ?? 1000;
  if (options.partnershipIds === undefined && options.directoryId !== undefined && padLimit <= SNAPSHOT_PAD_ROWS) {
    const snapshot = await censusSnapshot(db, options.directoryId);
    const key = `${padLimit}\u0000${JSON.stringify(rates)}`;
    let views = built.get(snapshot.aggregates);
    if (views === undefined) built.set(snapshot.aggregates, (views = new Map()));
    let stats = views.get(key);
    if (stats === undefined) views.set(key, (stats = deepFreeze(buildStats(snapshot.aggregates, { rates, padLimit }))));
    return stats;
  }
  return buildStats(await aggregateStats(db, options), { rates, padLimit });
}

/** The reference rates of the directory's countries (of every directory's, when none is named), from their profiles. */
export async function directoryRates(db: Db, options: Pick<StoreStatsOptions, 'directoryId' | 'profiles'> = {}): Promise<ReferenceRates> {
  let query = db.selectFrom('directories').select('countries');
  if (options.directoryId !== undefined) query = query.where('id', '=', options.directoryId);
  const countries = (await query.execute()).flatMap((row) => decodeJson<string[]>(row.countries) ?? []);
  return referenceRates(options.profiles ?? defaultProfiles(), countries);
}

/** The view models built from a snapshot, per options: shared between requests, so frozen. */
const built = new WeakMap<Aggregates, Map<string, CensusStats>>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
