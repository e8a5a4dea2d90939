/**
 * Search at scale on PostgreSQL, beside SQLite: the bench's synthetic store (bench/synth-store.ts,
 * 100 000 partnerships / ~1 000 000 projects, or SEARCH_BENCH_PARTNERSHIPS) copied once into a
 * PostgreSQL database (SEARCH_BENCH_POSTGRES, default the local server) through the transfer
 * module and indexed there; the database is kept and reused while its marker file exists.
 * Prints p50/p95/p99 of the search mix of search.bench.ts (results + every facet count) on
 * both engines, in process, caches off: PostgreSQL's searcher (the engine's core on the bitsets
 * stored in PostgreSQL), and with SEARCH_BENCH_PG_SQL=1 its SQL searcher (tsvector, GIN; seconds
 * per common word). Figures only: nothing here asserts a speed.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { SearchEngine } from '../src/search/engine.js';
import { parseSearchParams } from '../src/search/params.js';
import { openPostgresSearcher, openPostgresSqlSearcher, rebuildPostgresSearchIndex } from '../src/search/postgres/index.js';
import { searchWords } from '../src/web/i18n/codes.js';
import type { SearchQuery, SearchResult } from '../src/search/types.js';
import { openStore } from '../src/store/db.js';
import { TABLE_ORDER } from '../src/store/records/kind.js';
import { writeTables, type TableBatch } from '../src/store/transfer.js';
import { MIX } from './search.bench.js';
import { benchStore, type BenchStore } from './synth-store.js';

const SERVER = process.env.SEARCH_BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface PgBenchStore {
  url: string;
  directoryId: string;
  copyMs: number;
  indexMs: number;
}

/** Every table of a SQLite store in batches, one pass each (readTables pages with OFFSET: quadratic at millions of rows). */
async function* sqliteTables(path: string): AsyncGenerator<TableBatch> {
  const db = new Sqlite(path, { readonly: true });
  try {
    for (const table of TABLE_ORDER) {
      let rows: Record<string, unknown>[] = [];
      for (const row of db.prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Record<string, unknown>>) {
        rows.push(row);
        if (rows.length === 5000) {
          yield { table, rows };
          rows = [];
        }
      }
      if (rows.length > 0) yield { table, rows };
    }
  } finally {
    db.close();
  }
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function pgBenchStore(source: BenchStore): Promise<PgBenchStore> {
  const name = `repertoire_bench_${source.directoryId.replace(/[^a-z0-9]+/g, '_')}`;
  const marker = `${source.path}.pg.json`;
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as PgBenchStore;
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const store = await openStore(loadConfig({ DATABASE_URL: url.toString() }));
  try {
    let started = performance.now();
    let shown = 0;
    await writeTables(store, sqliteTables(source.path), {
      onProgress: (rows) => {
        if (rows - shown >= 500_000) console.log(`  copying: ${(shown = rows)} rows`);
      },
    });
    const copyMs = performance.now() - started;
    started = performance.now();
    shown = 0;
    await rebuildPostgresSearchIndex(store.db, source.directoryId, (done, total) => {
      if (done - shown >= total / 10 || done === total) console.log(`  indexing: ${(shown = done)}/${total} documents`);
    }, searchWords('fr'));
    const result = { url: url.toString(), directoryId: source.directoryId, copyMs, indexMs: performance.now() - started };
    writeFileSync(marker, JSON.stringify(result));
    return result;
  } catch (error) {
    rmSync(marker, { force: true });
    throw error;
  } finally {
    await store.close();
  }
}

function percentiles(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1).padStart(7);
  return `p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  p99 ${at(0.99)} ms  max ${at(1)} ms  (n=${samples.length})`;
}

async function measure(search: (query: SearchQuery) => Promise<SearchResult> | SearchResult, mix: SearchQuery[], rounds: number) {
  const samples: number[] = [];
  const each = mix.map(() => [] as number[]);
  const totals: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    for (const [i, query] of mix.entries()) {
      const t = performance.now();
      totals[i] = (await search(query)).total;
      const took = performance.now() - t;
      samples.push(took);
      each[i]!.push(took);
    }
  }
  return { samples, each, totals };
}

export async function run(): Promise<void> {
  try {
    await admin('SELECT 1');
  } catch (error) {
    console.log(`PostgreSQL not reachable at ${SERVER} (${(error as Error).message}): skipped (set SEARCH_BENCH_POSTGRES)`);
    return;
  }
  const partnerships = Number(process.env.SEARCH_BENCH_PARTNERSHIPS ?? 100_000);
  const source = await benchStore(partnerships, 1);
  const store = await pgBenchStore(source);
  console.log(
    `store: ${partnerships} partnerships, ${source.counts.projects} projects; PostgreSQL copy ${(store.copyMs / 1000).toFixed(0)} s, index ${(store.indexMs / 1000).toFixed(0)} s (${store.url})`,
  );
  console.log(`machine: load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (other work running skews every figure)`);
  const mix = MIX.map((params) => parseSearchParams(params).query);
  const rounds = Number(process.env.SEARCH_BENCH_ROUNDS ?? 5);

  const sqlite = new Sqlite(source.path, { readonly: true });
  const engine = new SearchEngine(sqlite, { cache: false });
  engine.search(mix[3]!, source.directoryId); // loads the index
  const onSqlite = await measure((query) => engine.search(query, source.directoryId), mix, rounds);

  const pgStore = await openStore(loadConfig({ DATABASE_URL: store.url }));
  const started = performance.now();
  const searcher = openPostgresSearcher(pgStore.db, { cache: false });
  await searcher.search(mix[3]!, store.directoryId); // loads the index
  console.log(`PostgreSQL: index loaded in ${(performance.now() - started).toFixed(0)} ms`);
  await measure((query) => searcher.search(query, store.directoryId), mix, 1); // warm-up: the buffer cache
  const onPostgres = await measure((query) => searcher.search(query, store.directoryId), mix, rounds);
  const sqlSearcher = openPostgresSqlSearcher(pgStore.db);
  const inSql = process.env.SEARCH_BENCH_PG_SQL === '1' ? await measure((query) => sqlSearcher.search(query, store.directoryId), mix, 1) : undefined;

  console.log(`${'mix, SQLite (in process, caches off)'.padEnd(44)} ${percentiles(onSqlite.samples)}`);
  console.log(`${'mix, PostgreSQL (engine core, caches off)'.padEnd(44)} ${percentiles(onPostgres.samples)}`);
  if (inSql !== undefined) console.log(`${'mix, PostgreSQL in SQL (GIN), 1 round'.padEnd(44)} ${percentiles(inSql.samples)}`);
  for (const [i, params] of MIX.entries()) {
    const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!.toFixed(1).padStart(7);
    const same = onSqlite.totals[i] === onPostgres.totals[i] && (inSql === undefined || inSql.totals[i] === onSqlite.totals[i]) ? '' : `  TOTALS DIFFER: ${onSqlite.totals[i]} / ${onPostgres.totals[i]} / ${inSql?.totals[i]}`;
    const sqlMedian = inSql === undefined ? '' : `  sql ${median(inSql.each[i]!)} ms`;
    console.log(`  ${JSON.stringify(params).padEnd(92)} sqlite ${median(onSqlite.each[i]!)} ms  pg ${median(onPostgres.each[i]!)} ms${sqlMedian}  total ${onPostgres.totals[i]}${same}`);
  }
  await searcher.close();
  await pgStore.close();
  sqlite.close();
}
