/**
 * Keeps the search index in step with the store. The search API has no way to ask how fresh an
 * index is, so the keeper remembers the store's version stamp (see data/directory.ts) at its
 * last rebuild: the first call rebuilds (the index may be missing or stale), later calls rebuild
 * only when an import changed the store since. Rebuilds never overlap.
 */
import type { Kysely } from 'kysely';
import type { RebuildSearchIndex } from '../search/types.js';
import type { Database } from '../store/tables.js';
import { readStamp } from './data/directory.js';

export interface SearchIndexKeeper {
  ensureFresh(): Promise<void>;
}

export function searchIndexKeeper(db: Kysely<Database>, directoryId: string, rebuild: RebuildSearchIndex): SearchIndexKeeper {
  let builtStamp: string | undefined;
  let running: Promise<void> | undefined;
  const ensureFresh = async (): Promise<void> => {
    while (running !== undefined) await running.catch(() => undefined);
    const stamp = await readStamp(db);
    if (stamp === builtStamp) return;
    if (running !== undefined) return ensureFresh();
    running = rebuild(db, directoryId).then(() => {
      builtStamp = stamp;
    });
    try {
      await running;
    } finally {
      running = undefined;
    }
  };
  return { ensureFresh };
}
