/**
 * For the site's tests: a real store with the bundled 2008 directory imported (as `setup` and
 * `serve` do), its search index, the real searcher, and the app. Build it once per test file
 * (beforeAll) and dispose of it after.
 *
 * The store is a SQLite file in a temporary folder, or a PostgreSQL database of its own when
 * `TEST_SITE_ENGINE=postgres` (or `engine: 'postgres'`): `npm run test:postgres` runs every site
 * test that way, so that the whole site is tested on both engines with both directories.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Clock } from '../accounts/clock.js';
import { importFile } from '../cli/import-file.js';
import { BUNDLED_DIRECTORY } from '../cli/commands/setup.js';
import { loadConfig } from '../config.js';
import type { RepertoireDocument } from '../model/schema.js';
import { openSearcher } from '../search/index.js';
import { openPostgresSearcher } from '../search/postgres/index.js';
import type { Searcher } from '../search/types.js';
import { openStore, type Store } from '../store/db.js';
import { loadDocument } from '../store/load-document.js';
import { saveDocument } from '../store/save-document.js';
import { writeSynthetic } from '../synth/write.js';
import { createPostgresDatabase, type Engine } from '../test-support/engines.js';
import { buildApp } from './app.js';
import { t } from './i18n/index.js';
import type { RenderContext } from './page.js';
import { DirectoryCache, readSiteDirectory, type Directory } from './data/directory.js';
import { searchIndexKeepers, siteIndexBuilder } from './search-index.js';

export const DIRECTORY_ID = 'repertoire-franco-marocain-2008';

/** What a render function gets for an anonymous reader of the French site at `url`: for tests that draw a view without a request. */
export function renderContext(url = '/'): RenderContext {
  return { locale: 'fr', t: (key, params) => t('fr', key, params), url, searchText: '' };
}

export interface TestSite {
  store: Store;
  /** the store's DATABASE_URL: a SQLite file's path, or a PostgreSQL URL */
  path: string;
  engine: Engine;
  app: FastifyInstance;
  searcher?: Searcher;
  /** the snapshot the pages are built from */
  directory(): Promise<Directory>;
  /** waits for the partner graph the pages use (built in the background, never waited for by a page) */
  partnerGraph(): Promise<void>;
  dispose(): Promise<void>;
}

const quiet = { write: () => true };

/** The FR–SN directory the test sites hold beside the 2008 one: every site test runs with two directories in its store. */
export const PARTNER_DIRECTORY = { countries: ['FR', 'SN'], partnerships: 20, seed: 1 } as const;

/** The engine of the site tests' stores: SQLite unless `TEST_SITE_ENGINE=postgres`. */
export function siteEngine(): Engine {
  const named = process.env.TEST_SITE_ENGINE ?? 'sqlite';
  if (named !== 'sqlite' && named !== 'postgres') throw new Error(`TEST_SITE_ENGINE=${named}: sqlite or postgres`);
  return named;
}

/**
 * The synthetic FR–SN directory (`PARTNER_DIRECTORY`) as an interchange document: the generator
 * writes SQLite files only, so it is written into one and read back, to be saved into any store.
 */
export async function partnerDirectoryDocument(): Promise<{ directoryId: string; document: RepertoireDocument }> {
  const folder = mkdtempSync(join(tmpdir(), 'repertoire-synthetic-'));
  const path = join(folder, 'synthetic.db');
  try {
    await (await openStore(loadConfig({ DATABASE_URL: path }))).close();
    const { directoryId } = writeSynthetic(path, { ...PARTNER_DIRECTORY, countries: [...PARTNER_DIRECTORY.countries] });
    const store = await openStore(loadConfig({ DATABASE_URL: path }));
    try {
      return { directoryId, document: await loadDocument(store.db, directoryId) };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** An empty database of the engine: its DATABASE_URL and the way to remove it. */
async function emptyDatabase(engine: Engine): Promise<{ url: string; remove: () => Promise<void> }> {
  if (engine === 'postgres') {
    const { url, drop } = await createPostgresDatabase();
    return { url, remove: drop };
  }
  const folder = mkdtempSync(join(tmpdir(), 'repertoire-web-'));
  return { url: join(folder, 'store.db'), remove: async () => rmSync(folder, { recursive: true, force: true }) };
}

/**
 * The site over a store holding the 2008 directory, the default one, and a small synthetic FR–SN
 * directory beside it (`PARTNER_DIRECTORY`, at /r/<id>/); or `document` alone. With search unless
 * told otherwise.
 */
export async function openTestSite(options: { search?: boolean; document?: RepertoireDocument; engine?: Engine; env?: Record<string, string>; clock?: Clock } = {}): Promise<TestSite> {
  const engine = options.engine ?? siteEngine();
  const database = await emptyDatabase(engine);
  const path = database.url;
  const store = await openStore(loadConfig({ DATABASE_URL: path }));
  if (options.document === undefined) {
    await importFile(store.db, BUNDLED_DIRECTORY, quiet);
    if (engine === 'sqlite') writeSynthetic(path, { ...PARTNER_DIRECTORY, countries: [...PARTNER_DIRECTORY.countries] });
    else await saveDocument(store.db, (await partnerDirectoryDocument()).document);
  } else await saveDocument(store.db, options.document);
  const directoryId = (await readSiteDirectory(store.db)).id;
  let searcher: Searcher | undefined;
  let refreshSearchIndex: ((id: string) => Promise<void>) | undefined;
  if (options.search !== false) {
    const keepers = searchIndexKeepers(store.db, siteIndexBuilder(engine));
    await keepers.ensureFresh(directoryId);
    searcher = engine === 'postgres' ? openPostgresSearcher(store.db) : await openSearcher({ databasePath: path, workers: 0 });
    refreshSearchIndex = (id) => keepers.ensureFresh(id);
  }
  // `env`: the site's configuration (SMTP_URL, SITE_URL…) over this store
  // `clock`: the time the pages read what expires against (partner-search notices)
  const directories = new DirectoryCache(store.db);
  const app = await buildApp({ store, searcher, refreshSearchIndex, directories, ...(options.env ? { config: loadConfig({ ...options.env, DATABASE_URL: path }) } : {}), ...(options.clock ? { clock: options.clock } : {}) });
  return {
    store,
    path,
    engine,
    app,
    searcher,
    directory: () => readSiteDirectory(store.db),
    partnerGraph: async () => {
      await (await directories.get()).partnerGraphReady();
    },
    async dispose() {
      await app.close();
      await searcher?.close();
      await store.close();
      await database.remove();
    },
  };
}

/** Internal links of an HTML page (href="/…"), entities decoded. */
export function internalLinks(body: string): string[] {
  return [...body.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
}

/** A test site served over real HTTP on a loopback port; `site` and `base` are set once the file's `beforeAll` has run. */
export interface ServedTestSite {
  readonly site: TestSite;
  /** "http://127.0.0.1:PORT" */
  readonly base: string;
}

/**
 * For a test file over real HTTP: opens the site (`openTestSite(options)`) and listens on a
 * loopback port before the file's tests, disposes of it after. Call it at the top of the file.
 */
export function servedTestSite(options: Parameters<typeof openTestSite>[0] = {}): ServedTestSite {
  const served: { site?: TestSite; base?: string } = {};
  beforeAll(async () => {
    served.site = await openTestSite(options);
    served.base = await served.site.app.listen({ port: 0, host: '127.0.0.1' });
  }, 120_000);
  afterAll(async () => served.site?.dispose());
  return {
    get site() {
      if (served.site === undefined) throw new Error('servedTestSite: the site is read before beforeAll ran');
      return served.site;
    },
    get base() {
      if (served.base === undefined) throw new Error('servedTestSite: the address is read before beforeAll ran');
      return served.base;
    },
  };
}
