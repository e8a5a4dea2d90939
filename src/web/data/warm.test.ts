/**
 * The server's warm-up reads every directory of the store ahead of its first visitor: the first
 * collectivity page of a second directory (/r/<id>) found its partner graph unbuilt, started the
 * build, and its own reads waited behind the build's on the search thread (7 s at 500 000 projects).
 */
import { describe, expect, it } from 'vitest';
import { writeSynthetic } from '../../synth/write.js';
import { openTempStore } from '../../test-support/temp-store.js';
import { DirectoryCache } from './directory.js';

describe('the warm-up', () => {
  it('builds every directory’s snapshot, figures and partner graph, not only the default’s', async () => {
    const store = await openTempStore();
    const first = writeSynthetic(store.path, { partnerships: 60, seed: 1 });
    const second = writeSynthetic(store.path, { partnerships: 60, seed: 1, countries: ['FR', 'SN'] });
    const cache = new DirectoryCache(store.db, first.directoryId);
    await cache.warm();
    await cache.warmed();

    for (const id of [undefined, second.directoryId]) {
      const dir = await cache.get('public', id);
      // the graph of this version is there: a page peeks at it, it starts no build
      expect(dir.partnerGraph().status, id).toBe('ready');
      expect(dir.partnerGraphBuiltFor(), id).toBe(dir.stamp);
      // and the snapshot is the one kept, not read again
      expect(await cache.get('public', id)).toBe(dir);
    }
    expect((await cache.get('public', second.directoryId)).id).toBe(second.directoryId);
  });

  it('waits for nothing in the background before warm is called', async () => {
    const store = await openTempStore();
    writeSynthetic(store.path, { partnerships: 20, seed: 2 });
    const cache = new DirectoryCache(store.db);
    await expect(cache.warmed()).resolves.toBeUndefined();
    expect((await cache.get()).partnerGraph().status).toBe('computing');
  });
});
