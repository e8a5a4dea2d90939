import { describe, expect, it, onTestFinished } from 'vitest';
import { loadMapCounts } from '../maps/data.js';
import { openSearcher } from '../search/pool.js';
import { aggregateStats } from '../stats/queries.js';
import { DIRECTORY_2008_ID, save2008 } from '../stats/testing.js';
import { openTempStore } from '../test-support/temp-store.js';
import { readFigures } from '../web/data/figures.js';
import { offThreadReader } from './off-thread.js';

describe('offThreadReader', () => {
  it("counts on the search thread's connection what the store counts, and refuses to write", async () => {
    const store = await openTempStore();
    await save2008(store.db);
    const searcher = await openSearcher({ databasePath: store.path, workers: 1 });
    onTestFinished(() => searcher.close());
    const reader = offThreadReader(searcher.read!.bind(searcher));

    expect(await readFigures(reader, DIRECTORY_2008_ID)).toEqual(await readFigures(store.db, DIRECTORY_2008_ID));
    expect(await aggregateStats(reader, { directoryId: DIRECTORY_2008_ID })).toEqual(await aggregateStats(store.db, { directoryId: DIRECTORY_2008_ID }));
    expect(await loadMapCounts(reader, { directoryId: DIRECTORY_2008_ID })).toEqual(await loadMapCounts(store.db, { directoryId: DIRECTORY_2008_ID }));

    await expect(reader.deleteFrom('partnerships').execute()).rejects.toThrow(/only statements that read/);
    await expect(reader.transaction().execute(async () => undefined)).rejects.toThrow(/only reads/);
    expect((await store.db.selectFrom('partnerships').select('id').execute()).length).toBeGreaterThan(0);
    // a bad statement is an error of its own: the worker carries on
    await expect(searcher.read!('SELECT * FROM no_such_table', [])).rejects.toThrow(/no such table/);
    const counted = await store.db.selectFrom('partnerships').select((eb) => eb.fn.countAll<number>().as('n')).where('directory_id', '=', DIRECTORY_2008_ID).execute();
    expect(await searcher.read!('SELECT count(*) AS n FROM partnerships WHERE directory_id = ?', [DIRECTORY_2008_ID])).toEqual(counted);
  });
});
