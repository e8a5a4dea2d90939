/**
 * Several directories in one store, on every engine (SQLite and PostgreSQL): the 2008 FR–MA
 * directory, imported as `setup` does, and a synthetic FR–SN one saved beside it. Each is served
 * under its own address, searched in its own index and across both, and a collectivity of both
 * lists its partnerships in the other.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { BUNDLED_DIRECTORY } from '../cli/commands/setup.js';
import { importFile } from '../cli/import-file.js';
import { openSearcher } from '../search/pool.js';
import { openPostgresSearcher } from '../search/postgres/index.js';
import { loadDocument } from '../store/load-document.js';
import { saveDocument } from '../store/save-document.js';
import { ENGINES, openEngineStore } from '../test-support/engines.js';
import { buildApp } from './app.js';
import { searchIndexKeepers, siteIndexBuilder } from './search-index.js';
import { DIRECTORY_ID, partnerDirectoryDocument } from './testing.js';

const quiet = { write: () => true };

describe.each(ENGINES)('two directories on %s', (engine) => {
  it('serves, searches and links each directory, and what crosses them', async () => {
    const store = await openEngineStore(engine);
    await importFile(store.db, BUNDLED_DIRECTORY, quiet);
    const partner = await partnerDirectoryDocument();
    await saveDocument(store.db, partner.document);
    const keepers = searchIndexKeepers(store.db, siteIndexBuilder(engine));
    const searcher = engine === 'postgres' ? openPostgresSearcher(store.db) : await openSearcher({ databasePath: store.url, workers: 0 });
    const app = await buildApp({ store, searcher, refreshSearchIndex: (id) => keepers.ensureFresh(id), directoryId: DIRECTORY_ID });
    onTestFinished(async () => {
      await app.close();
      await searcher.close();
    });
    const get = async <T>(url: string) => {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      return response.json<T>();
    };
    const prefix = `/r/${partner.directoryId}`;

    const home = await get<{ directory: { countries: string[] }; directories: { id: string }[] }>(`${prefix}/index.json`);
    expect(home.directory.countries).toEqual(['FR', 'SN']);
    expect(home.directories.map((d) => d.id)).toEqual([DIRECTORY_ID]);
    expect((await get<{ directory: { countries: string[] } }>('/index.json')).directory.countries).toEqual(['FR', 'MA']);

    // each directory's own index, then both
    const own = await get<{ total: number; hits: { href: string }[] }>(`${prefix}/recherche.json?q=eau`);
    expect(own.total).toBeGreaterThan(0);
    expect(own.hits.every((hit) => hit.href.startsWith(`${prefix}/`))).toBe(true);
    const root = await get<{ total: number }>('/recherche.json?q=eau');
    const all = await get<{ total: number; directories: { id: string; count: number }[] }>('/repertoires/recherche.json?q=eau');
    expect(all.total).toBe(own.total + root.total);

    // a French town party to partnerships in both directories: each one's page lists those of the other
    const partiesOf = (doc: typeof partner.document) => new Set(doc.partnerships.flatMap((p) => p.parties.map((party) => party.collectivityId)));
    const in2008 = partiesOf(await loadDocument(store.db, DIRECTORY_ID));
    const shared = [...partiesOf(partner.document)].filter((id) => in2008.has(id)).sort()[0];
    expect(shared).toBeDefined();
    const here = await get<{ elsewhere: { directory: { id: string }; total: number }[] }>(`/collectivites/${shared}.json`);
    expect(here.elsewhere.map((e) => e.directory.id)).toEqual([partner.directoryId]);
    expect(here.elsewhere[0]!.total).toBeGreaterThan(0);
    const back = await get<{ elsewhere: { directory: { id: string } }[] }>(`${prefix}/collectivites/${shared}.json`);
    expect(back.elsewhere.map((e) => e.directory.id)).toEqual([DIRECTORY_ID]);
  }, 180_000);
});
