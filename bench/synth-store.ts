/** The bench's synthetic store: generated once per (countries, N, seed) under $TMPDIR and reused. */
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { loadConfig } from '../src/config.js';
import { searchIndexKeeper, siteIndexBuilder } from '../src/web/search-index.js';
import { openStore } from '../src/store/db.js';
import { DEFAULT_COUNTRIES, synthDirectoryId } from '../src/synth/generate.js';
import { writeSynthetic } from '../src/synth/write.js';

export interface BenchStore {
  path: string;
  directoryId: string;
  counts: Record<string, number>;
  generateMs: number;
  indexMs: number;
  ftsMs: number;
  reused: boolean;
}

/**
 * `countries`: the home country then the partners (default FR, MA: the same file names as before
 * countries were chosen, so stores already built are reused); another pair gets its own file,
 * `repertoire-search-bench-fr-sn-100000-s1.db`.
 */
export async function benchStore(partnerships: number, seed: number, countries: readonly string[] = DEFAULT_COUNTRIES): Promise<BenchStore> {
  const directoryId = synthDirectoryId({ partnerships, seed, countries });
  // the directory id names the countries of any other pair than the default one
  const path = join(tmpdir(), `repertoire-search-bench-${directoryId.replace(/^synthetique-/, '')}.db`);
  const marker = `${path}.json`;
  if (existsSync(marker) && existsSync(path)) {
    // a store of an earlier index version has its index rebuilt (the search's tallies came with version 6)
    const store = await openStore(loadConfig({ DATABASE_URL: path }));
    try {
      await searchIndexKeeper(store.db, directoryId, siteIndexBuilder('sqlite', indexingProgress())).ensureFresh();
    } finally {
      await store.close();
    }
    return { ...(JSON.parse(readFileSync(marker, 'utf8')) as Omit<BenchStore, 'reused'>), reused: true };
  }
  for (const file of [path, `${path}-wal`, `${path}-shm`, marker]) rmSync(file, { force: true });
  await (await openStore(loadConfig({ DATABASE_URL: path }))).close();
  let last = 0;
  const written = writeSynthetic(path, { partnerships, seed, countries }, (done, total) => {
    if (done - last >= total / 10 || done === total) {
      last = done;
      console.log(`  generating: ${done}/${total} partnerships`);
    }
  });
  const store = await openStore(loadConfig({ DATABASE_URL: path }));
  let started = performance.now();
  const progress = indexingProgress();
  // the stamp recorded, as `repertoire synth` does: the site bench's server starts on a current index
  await searchIndexKeeper(store.db, directoryId, siteIndexBuilder('sqlite', progress)).ensureFresh();
  const indexMs = performance.now() - started;
  await store.close();

  // the baseline: a plain FTS5 table over the same documents' original text, ranked by bm25
  started = performance.now();
  const db = new Sqlite(path);
  db.exec(`DROP TABLE IF EXISTS bench_fts; CREATE VIRTUAL TABLE bench_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`);
  db.prepare(`INSERT INTO bench_fts (rowid, title, body) SELECT doc, title, subtitle || ' ' || body FROM search_docs WHERE directory_id = ?`).run(directoryId);
  db.exec(`INSERT INTO bench_fts (bench_fts) VALUES ('optimize')`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const ftsMs = performance.now() - started;

  const result = { path, directoryId, counts: written.counts, generateMs: written.ms, indexMs, ftsMs };
  writeFileSync(marker, JSON.stringify(result));
  return { ...result, reused: false };
}

/**
 * The site bench's store of two directories: the FR–MA directory of `partnerships` (the search
 * bench's store, copied) and a FR–SN one of as many beside it, both indexed. Built once per
 * (N, seed) under $TMPDIR and reused; a store of two directories of N/2 compares with one of N.
 */
export async function twoDirectoryStore(partnerships: number, seed: number): Promise<{ path: string; directoryIds: [string, string] }> {
  const first = await benchStore(partnerships, seed);
  const countries = ['FR', 'SN'];
  const second = synthDirectoryId({ partnerships, seed, countries });
  const path = join(tmpdir(), `repertoire-site-bench-two-${partnerships}-s${seed}.db`);
  const marker = `${path}.json`;
  if (!(existsSync(marker) && existsSync(path))) {
    for (const file of [path, `${path}-wal`, `${path}-shm`, marker]) rmSync(file, { force: true });
    copyFileSync(first.path, path);
    let last = 0;
    writeSynthetic(path, { partnerships, seed, countries }, (done, total) => {
      if (done - last >= total / 10 || done === total) {
        last = done;
        console.log(`  generating the FR–SN directory: ${done}/${total} partnerships`);
      }
    });
    const store = await openStore(loadConfig({ DATABASE_URL: path }));
    await searchIndexKeeper(store.db, second, siteIndexBuilder('sqlite')).ensureFresh();
    // the first directory's index was built from the state before the second was written: again, for the stamp
    await searchIndexKeeper(store.db, first.directoryId, siteIndexBuilder('sqlite')).ensureFresh();
    await store.close();
    writeFileSync(marker, JSON.stringify({ directoryIds: [first.directoryId, second] }));
  }
  return { path, directoryIds: [first.directoryId, second] };
}

/** A line every tenth of the documents indexed. */
function indexingProgress(): (done: number, total: number) => void {
  let shown = 0;
  return (done, total) => {
    if (done - shown >= total / 10 || done === total) {
      shown = done;
      console.log(`  indexing: ${done}/${total} documents`);
    }
  };
}
