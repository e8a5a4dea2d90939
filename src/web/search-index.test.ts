/** The search index keeper, on both engines: a start over a current index does not rebuild it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDirectory } from '../import/directory/index.js';
import { SEED_COUNTRIES } from '../import/directory/testing.js';
import { rebuildSearchIndex } from '../search/build.js';
import { rebuildPostgresSearchIndex } from '../search/postgres/index.js';
import { readSourceStamp, type SearchTables } from '../search/tables.js';
import { DIRECTORY_2008, DIRECTORY_2008_ID } from '../search/testing.js';
import { saveDocument } from '../store/save-document.js';
import { ENGINES, openEngineStore } from '../test-support/engines.js';
import { readStamp } from '../store/stamp.js';
import { searchIndexKeeper } from './search-index.js';

describe.each(ENGINES)('the search index keeper on %s', (engine) => {
  it('rebuilds at the first start, not at the next over the same store, and again after a change', async () => {
    const store = await openEngineStore(engine);
    const read = readDirectory(readFileSync(DIRECTORY_2008, 'utf8'), { document: 'repertoire-franco-marocain-2008.txt', countries: SEED_COUNTRIES });
    await saveDocument(store.db, read.document, { sources: read.sources, report: read.report });
    const rebuild = engine === 'postgres' ? rebuildPostgresSearchIndex : rebuildSearchIndex;

    const first = searchIndexKeeper(store.db, DIRECTORY_2008_ID, rebuild);
    await first.ensureFresh();
    expect(first.rebuilds).toBe(1);
    const stamp = await readStamp(store.db);
    expect(await readSourceStamp(store.db, DIRECTORY_2008_ID)).toBe(stamp);
    await first.ensureFresh();
    expect(first.rebuilds).toBe(1);

    // a second start (a new keeper, as `serve` makes one) finds the index current
    const second = searchIndexKeeper(store.db, DIRECTORY_2008_ID, rebuild);
    await second.ensureFresh();
    expect(second.rebuilds).toBe(0);
    expect(await readSourceStamp(store.db, DIRECTORY_2008_ID)).toBe(stamp);

    // the store changes: the next call rebuilds, and the index records the new state
    const changed = structuredClone(read.document);
    changed.partnerships[0]!.history = 'Un historique réécrit pour le test.';
    await saveDocument(store.db, changed, { sources: read.sources, report: read.report }); // a new import
    const newer = await readStamp(store.db);
    expect(newer).not.toBe(stamp);
    await second.ensureFresh();
    expect(second.rebuilds).toBe(1);
    expect(await readSourceStamp(store.db, DIRECTORY_2008_ID)).toBe(newer);
  }, 120_000);

  it('rebuilds an index an older version built over the same store (its facets were labels, frenchKind)', async () => {
    const store = await openEngineStore(engine);
    const read = readDirectory(readFileSync(DIRECTORY_2008, 'utf8'), { document: 'repertoire-franco-marocain-2008.txt', countries: SEED_COUNTRIES });
    await saveDocument(store.db, read.document, { sources: read.sources, report: read.report });
    const rebuild = engine === 'postgres' ? rebuildPostgresSearchIndex : rebuildSearchIndex;
    await searchIndexKeeper(store.db, DIRECTORY_2008_ID, rebuild).ensureFresh();
    const stamp = await readStamp(store.db);
    // what an older version recorded: the bare store stamp
    const meta = store.db.withTables<SearchTables>();
    await meta.updateTable('search_meta').set({ value: Buffer.from(stamp) }).where('directory_id', '=', DIRECTORY_2008_ID).where('key', '=', 'source_stamp').execute();
    expect(await readSourceStamp(store.db, DIRECTORY_2008_ID)).toBeUndefined();
    const next = searchIndexKeeper(store.db, DIRECTORY_2008_ID, rebuild);
    await next.ensureFresh();
    expect(next.rebuilds).toBe(1);
    expect(await readSourceStamp(store.db, DIRECTORY_2008_ID)).toBe(stamp);
  }, 120_000);
});
