/**
 * The store on a directory ten times the size of the 2008 one: first save, re-save of the same
 * document (must write nothing), load, and JSON export. Real SQLite file in a temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { loadFixture } from '../src/model/fixtures/index.js';
import type { RepertoireDocument } from '../src/model/schema.js';
import { exportJson } from '../src/publish/json.js';
import { openStore } from '../src/store/db.js';
import { loadDocument } from '../src/store/load-document.js';
import { saveDocument } from '../src/store/save-document.js';
import { measure } from './timing.js';

const COPIES = 250; // × 2 partnerships, 2 projects, 3 collectivities of the fixture

/** The fixture repeated, each copy's ids suffixed so that they stay unique. */
function largeDocument(copies: number): RepertoireDocument {
  const base = loadFixture();
  const suffix = (id: string, i: number) => `${id}-${i}`;
  const doc = { ...base, collectivities: [] as RepertoireDocument['collectivities'], partnerships: [] as RepertoireDocument['partnerships'] };
  for (let i = 0; i < copies; i += 1) {
    const copy = loadFixture();
    const text = JSON.stringify({ collectivities: copy.collectivities, partnerships: copy.partnerships }).replace(
      /"(id|collectivityId|funderCollectivityId)":"([a-z0-9-]+)"/g,
      (_all, key: string, id: string) => `"${key}":"${suffix(id, i)}"`,
    );
    const parsed = JSON.parse(text) as Pick<RepertoireDocument, 'collectivities' | 'partnerships'>;
    doc.collectivities.push(...parsed.collectivities);
    doc.partnerships.push(...parsed.partnerships);
  }
  return doc;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'repertoire-bench-'));
  try {
    const doc = largeDocument(COPIES);
    console.log(`document: ${doc.collectivities.length} collectivities, ${doc.partnerships.length} partnerships`);
    let round = 0;
    await measure('first save into an empty store', 3, async () => {
      const store = await openStore(loadConfig({ DATABASE_URL: join(dir, `first-${round++}.db`) }));
      await saveDocument(store.db, doc);
      await store.close();
    });
    const store = await openStore(loadConfig({ DATABASE_URL: join(dir, 'store.db') }));
    await saveDocument(store.db, doc);
    const counts = await measure('re-save of the same document', 5, () => saveDocument(store.db, doc));
    console.log(`  re-save changes: ${JSON.stringify(counts)}`);
    await measure('loadDocument', 5, () => loadDocument(store.db));
    const text = await measure('exportJson', 5, () => exportJson(store.db));
    console.log(`  export: ${(text.length / 1024).toFixed(0)} KiB`);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
