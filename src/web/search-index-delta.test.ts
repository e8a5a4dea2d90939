/** The keeper with a delta, on both engines: an edit is applied as a delta, not by a rebuild; an import still rebuilds. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordAudit } from '../accounts/audit.js';
import { readDirectory } from '../import/directory/index.js';
import { SEED_COUNTRIES } from '../import/directory/testing.js';
import { localSearcher } from '../search/pool.js';
import { openPostgresSearcher } from '../search/postgres/engine.js';
import { parseSearchParams } from '../search/params.js';
import { readSourceStamp } from '../search/tables.js';
import { DIRECTORY_2008, DIRECTORY_2008_ID } from '../search/testing.js';
import { saveDocument } from '../store/save-document.js';
import { readStamp } from '../store/stamp.js';
import { ENGINES, openEngineStore } from '../test-support/engines.js';
import { searchIndexKeeper, siteIndexBuilder, siteIndexDelta } from './search-index.js';

describe.each(ENGINES)('the search index keeper with a delta on %s', (engine) => {
  it('applies an edit as a delta, searchable at once, and rebuilds after an import', async () => {
    const store = await openEngineStore(engine);
    const read = readDirectory(readFileSync(DIRECTORY_2008, 'utf8'), { document: 'repertoire-franco-marocain-2008.txt', countries: SEED_COUNTRIES });
    await saveDocument(store.db, read.document, { sources: read.sources, report: read.report });
    const keeper = searchIndexKeeper(store.db, DIRECTORY_2008_ID, siteIndexBuilder(engine), { delta: siteIndexDelta() });
    await keeper.ensureFresh();
    expect([keeper.rebuilds, keeper.deltas]).toEqual([1, 0]);
    const searcher = engine === 'postgres' ? openPostgresSearcher(store.db) : localSearcher({ databasePath: store.url });
    const search = (q: string) => searcher.search(parseSearchParams({ q }).query, DIRECTORY_2008_ID);
    expect((await search('zéphyrin')).total).toBe(0);

    const project = await store.db.selectFrom('projects').select(['id', 'title']).where('directory_id', '=', DIRECTORY_2008_ID).orderBy('id').executeTakeFirstOrThrow();
    await store.db.transaction().execute(async (trx) => {
      await trx.updateTable('projects').set({ title: `${project.title} zéphyrin` }).where('directory_id', '=', DIRECTORY_2008_ID).where('id', '=', project.id).execute();
      await recordAudit(trx, { action: 'record.edit', directoryId: DIRECTORY_2008_ID, subjectType: 'project', subjectId: project.id });
    });
    await keeper.ensureFresh();
    expect([keeper.rebuilds, keeper.deltas]).toEqual([1, 1]);
    expect(await readSourceStamp(store.db, DIRECTORY_2008_ID)).toBe(await readStamp(store.db));
    const found = await search('zéphyrin');
    expect(found.hits.map((hit) => hit.id)).toEqual([project.id]);
    expect(found.hits[0]!.title).toContain('zéphyrin');

    // an import: the delta cannot say what changed; rebuilt in the background, the edit still found meanwhile
    await saveDocument(store.db, read.document, { sources: read.sources, report: read.report });
    await keeper.ensureFresh();
    expect((await search('zéphyrin')).total).toBe(1);
    for (let i = 0; i < 600 && keeper.rebuilds < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    await keeper.ensureFresh();
    expect(keeper.rebuilds).toBe(2);
    expect(await readSourceStamp(store.db, DIRECTORY_2008_ID)).toBe(await readStamp(store.db));
    await searcher.close();
  }, 180_000);
});
