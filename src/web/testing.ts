/**
 * For the site's tests: a real SQLite store in a temporary folder with the bundled 2008
 * directory imported (as `setup` and `serve` do), its search index, the real searcher, and the
 * app. Build it once per test file (beforeAll) and dispose of it after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { importFile } from '../cli/import-file.js';
import { BUNDLED_DIRECTORY } from '../cli/commands/setup.js';
import { loadConfig } from '../config.js';
import type { RepertoireDocument } from '../model/schema.js';
import { openSearcher } from '../search/index.js';
import type { Searcher } from '../search/types.js';
import { openStore, type Store } from '../store/db.js';
import { saveDocument } from '../store/save-document.js';
import { writeSynthetic } from '../synth/write.js';
import { buildApp } from './app.js';
import { t } from './i18n/index.js';
import type { RenderContext } from './page.js';
import { readSiteDirectory, type Directory } from './data/directory.js';
import { searchIndexKeepers, siteIndexBuilder } from './search-index.js';

export const DIRECTORY_ID = 'repertoire-franco-marocain-2008';

/** What a render function gets for an anonymous reader of the French site at `url`: for tests that draw a view without a request. */
export function renderContext(url = '/'): RenderContext {
  return { locale: 'fr', t: (key, params) => t('fr', key, params), url, searchText: '' };
}

export interface TestSite {
  store: Store;
  path: string;
  app: FastifyInstance;
  searcher?: Searcher;
  /** the snapshot the pages are built from */
  directory(): Promise<Directory>;
  dispose(): Promise<void>;
}

const quiet = { write: () => true };

/** The FR–SN directory the test sites hold beside the 2008 one: every site test runs with two directories in its store. */
export const PARTNER_DIRECTORY = { countries: ['FR', 'SN'], partnerships: 20, seed: 1 } as const;

/**
 * The site over a store holding the 2008 directory, the default one, and a small synthetic FR–SN
 * directory beside it (`PARTNER_DIRECTORY`, at /r/<id>/); or `document` alone. With search unless
 * told otherwise.
 */
export async function openTestSite(options: { search?: boolean; document?: RepertoireDocument } = {}): Promise<TestSite> {
  const folder = mkdtempSync(join(tmpdir(), 'repertoire-web-'));
  const path = join(folder, 'store.db');
  const store = await openStore(loadConfig({ DATABASE_URL: path }));
  if (options.document === undefined) {
    await importFile(store.db, BUNDLED_DIRECTORY, quiet);
    writeSynthetic(path, { ...PARTNER_DIRECTORY, countries: [...PARTNER_DIRECTORY.countries] });
  } else await saveDocument(store.db, options.document);
  const directoryId = (await readSiteDirectory(store.db)).id;
  let searcher: Searcher | undefined;
  let refreshSearchIndex: ((id: string) => Promise<void>) | undefined;
  if (options.search !== false) {
    const keepers = searchIndexKeepers(store.db, siteIndexBuilder('sqlite'));
    await keepers.ensureFresh(directoryId);
    searcher = await openSearcher({ databasePath: path, workers: 0 });
    refreshSearchIndex = (id) => keepers.ensureFresh(id);
  }
  const app = await buildApp({ store, searcher, refreshSearchIndex });
  return {
    store,
    path,
    app,
    searcher,
    directory: () => readSiteDirectory(store.db),
    async dispose() {
      await app.close();
      await searcher?.close();
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Internal links of an HTML page (href="/…"), entities decoded. */
export function internalLinks(body: string): string[] {
  return [...body.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
}
