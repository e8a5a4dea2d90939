/** For tests: the bundled 2008 directory imported into a temporary SQLite store, with its search index. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.js';
import { readDirectory } from '../import/directory/index.js';
import { SEED_COUNTRIES } from '../import/directory/testing.js';
import { openStore, type Store } from '../store/db.js';
import { saveDocument } from '../store/save-document.js';
import { rebuildSearchIndex } from './build.js';
import { searchWords } from '../web/i18n/codes.js';

export const DIRECTORY_2008 = fileURLToPath(new URL('../../data/sources/repertoire-franco-marocain-2008.txt', import.meta.url));
export const DIRECTORY_2008_ID = 'repertoire-franco-marocain-2008';

export interface IndexedStore extends Store {
  path: string;
  directoryId: string;
  /** closes the store and removes its folder */
  dispose(): Promise<void>;
}

export async function indexed2008Store(): Promise<IndexedStore> {
  const dir = mkdtempSync(join(tmpdir(), 'repertoire-search-'));
  const path = join(dir, 'store.db');
  const store = await openStore(loadConfig({ DATABASE_URL: path }));
  const read = readDirectory(readFileSync(DIRECTORY_2008, 'utf8'), { document: 'repertoire-franco-marocain-2008.txt' , countries: SEED_COUNTRIES });
  await saveDocument(store.db, read.document, { sources: read.sources, report: read.report });
  await rebuildSearchIndex(store.db, DIRECTORY_2008_ID, undefined, undefined, searchWords('fr')); // as the site builds it
  return {
    ...store,
    path,
    directoryId: DIRECTORY_2008_ID,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
