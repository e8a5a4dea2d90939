/**
 * Keeps the search index in step with the store. The index records the store's version stamp
 * (see data/directory.ts) it was built from (`search_meta`, see search/tables.ts), so a start
 * over a current index does not rebuild it (minutes at a million projects); later calls rebuild
 * only when an import or an edit changed the store since. Rebuilds never overlap in a process.
 */
import type { Kysely } from 'kysely';
import { rebuildSearchIndex } from '../search/build.js';
import { rebuildPostgresSearchIndex } from '../search/postgres/build.js';
import { readSourceStamp, writeSourceStamp } from '../search/tables.js';
import type { RebuildSearchIndex } from '../search/types.js';
import type { Database } from '../store/tables.js';
import { readStamp, recordChangesBetween } from '../store/stamp.js';
import { applySearchDelta, type DeltaMemo, type DeltaOutcome, type RecordRef } from '../search/delta/make.js';
import { searchWords } from './i18n/codes.js';
import { DEFAULT_LOCALE } from './i18n/index.js';

export interface SearchIndexKeeper {
  ensureFresh(): Promise<void>;
  /** how many times this keeper rebuilt the index */
  readonly rebuilds: number;
  /** which state of the store the index was built from, against the store's own */
  status(): Promise<SearchIndexStatus>;
  /** how many times it brought the index up to date by its delta instead */
  readonly deltas: number;
}

/** For the health check: whether the index searched is the store's current one. */
export interface SearchIndexStatus {
  readonly directoryId: string;
  /** the store's version stamp (store/stamp.ts) */
  readonly storeStamp: string;
  /** the stamp the index was built from; null: no index (or one of an older format) */
  readonly indexStamp: string | null;
  /** false: the store changed since; a read-only instance serves the older index until the writer rebuilds it */
  readonly current: boolean;
}

export interface KeeperOptions {
  /**
   * A read-only instance (a replica, config.ts `readOnly`): never rebuilds. It searches the index as
   * replicated — an older one while the writer rebuilds after a change, which `status` says — and
   * the searchers load the writer's new build when it lands (they follow the index's own stamp).
   */
  readonly readOnly?: boolean;
  /**
   * With a delta, a change to a few records (an edit, an approval) is applied to the index as a
   * delta, at once; a change the delta cannot take (an import, a new record, too many documents)
   * rebuilds the index in the background while the index as it is, with its delta, serves.
   * Without it, every change rebuilds before `ensureFresh` returns (the CLI, the benches).
   */
  readonly delta?: SearchIndexDelta;
}

/** Applies record changes to a directory's index as a delta (search/delta/make.ts), or says it cannot. */
export type SearchIndexDelta = (db: Kysely<Database>, directoryId: string, changes: readonly RecordRef[]) => Promise<DeltaOutcome>;

async function indexStatus(db: Kysely<Database>, directoryId: string): Promise<SearchIndexStatus> {
  const [storeStamp, indexStamp] = await Promise.all([readStamp(db), readSourceStamp(db, directoryId)]);
  return { directoryId, storeStamp, indexStamp: indexStamp ?? null, current: indexStamp === storeStamp };
}

export function searchIndexKeeper(db: Kysely<Database>, directoryId: string, rebuild: RebuildSearchIndex, options: KeeperOptions = {}): SearchIndexKeeper {
  const status = () => indexStatus(db, directoryId);
  if (options.readOnly === true) return { ensureFresh: async () => undefined, rebuilds: 0, deltas: 0, status };
  const delta = options.delta;
  let builtStamp: string | undefined;
  let running: Promise<void> | undefined;
  let background: Promise<void> | undefined;
  let rebuilds = 0;
  let deltas = 0;
  const rebuildFrom = async (stamp: string) => {
    await rebuild(db, directoryId);
    await writeSourceStamp(db, directoryId, stamp);
    rebuilds += 1; // counted once done: a background rebuild is waited for by this count
    builtStamp = stamp;
  };
  const ensureFresh = async (): Promise<void> => {
    while (running !== undefined) await running.catch(() => undefined);
    const stamp = await readStamp(db);
    if (stamp === builtStamp || background !== undefined) return;
    if (running !== undefined) return ensureFresh();
    running = (async () => {
      // another process (or an earlier start) may have built the index from this very state
      const source = await readSourceStamp(db, directoryId);
      if (source === stamp) {
        builtStamp = stamp;
        return;
      }
      if (source === undefined || delta === undefined) return rebuildFrom(stamp);
      const changes = await recordChangesBetween(db, source, stamp, directoryId);
      const outcome = changes === undefined ? { rebuild: 'an import or a new directory' } : await delta(db, directoryId, changes);
      if ('applied' in outcome) {
        deltas += 1;
        await writeSourceStamp(db, directoryId, stamp);
        builtStamp = stamp;
        return;
      }
      console.info(`search index of ${directoryId}: rebuilt in the background (${outcome.rebuild}); the current index serves meanwhile`);
      background = rebuildFrom(stamp)
        .catch((error: unknown) => console.error(`search index of ${directoryId}: the rebuild failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => (background = undefined));
    })();
    try {
      await running;
    } finally {
      running = undefined;
    }
  };
  return {
    ensureFresh,
    get rebuilds() {
      return rebuilds;
    },
    status,
    get deltas() {
      return deltas;
    },
  };
}

/**
 * The search indexes of every directory of a store: each kept by its own keeper, made on first
 * use, their rebuilds one after another (they write to the same store).
 */
export function searchIndexKeepers(
  db: Kysely<Database>,
  rebuild: RebuildSearchIndex,
  options: KeeperOptions = {},
): { ensureFresh(directoryId: string): Promise<void>; status(): Promise<SearchIndexStatus[]> } {
  const keepers = new Map<string, SearchIndexKeeper>();
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime: RebuildSearchIndex = (store, directoryId) => {
    const turn = queue.catch(() => undefined).then(() => rebuild(store, directoryId));
    queue = turn;
    return turn;
  };
  return {
    ensureFresh(directoryId) {
      let keeper = keepers.get(directoryId);
      if (keeper === undefined) {
        keeper = searchIndexKeeper(db, directoryId, oneAtATime, options);
        keepers.set(directoryId, keeper);
      }
      return keeper.ensureFresh();
    },
    /** the indexes searched so far */
    status: () => Promise.all([...keepers.values()].map((keeper) => keeper.status())),
  };
}

/**
 * How the site builds a directory's search index, on SQLite or PostgreSQL: its documents, found
 * also by the catalogue's names of their codes ("Maroc", "Terminé"), which only the web layer
 * knows. One builder for the server, `repertoire synth`, the tests and the benches, so that an
 * index built by one is the index the others expect.
 */
export function siteIndexBuilder(engine: 'sqlite' | 'postgres', onProgress?: (done: number, total: number) => void): RebuildSearchIndex {
  const words = searchWords(DEFAULT_LOCALE);
  return engine === 'postgres'
    ? (db, id, progress) => rebuildPostgresSearchIndex(db, id, progress ?? onProgress, words)
    : (db, id, progress) => rebuildSearchIndex(db, id, progress ?? onProgress, undefined, words);
}

/** How the site applies changes to a directory's index as a delta: its documents re-made with the words `siteIndexBuilder` indexes. */
export function siteIndexDelta(): SearchIndexDelta {
  const words = searchWords(DEFAULT_LOCALE);
  const memo: DeltaMemo = new Map();
  return (db, id, changes) => applySearchDelta(db, id, changes, words, memo);
}
