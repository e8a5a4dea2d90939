/**
 * Search at scale: a synthetic store of 100 000 partnerships / ~1 000 000 projects (or
 * SEARCH_BENCH_PARTNERSHIPS), generated once and cached under $TMPDIR. Prints:
 * - generation and indexing time;
 * - p50/p95/p99 of a fixed mix of faceted searches (results + all facet counts), in-process with
 *   caches off and on, and through the worker pool; the naive bm25-ranked FTS5 query beside it;
 * - a record page read on the main thread, alone and while 4 clients run heavy searches;
 * - searches per second through the pool against a plain loop; the process's RSS.
 * Figures only: nothing here asserts a speed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { loadConfig } from '../src/config.js';
import { SearchEngine } from '../src/search/engine.js';
import { parseSearchParams } from '../src/search/params.js';
import { openSearcher } from '../src/search/pool.js';
import { tokenize } from '../src/search/text.js';
import type { SearchQuery } from '../src/search/types.js';
import { openStore } from '../src/store/db.js';
import { benchStore } from './synth-store.js';

export const MIX: Record<string, string | string[]>[] = [
  { q: 'de' },
  { q: 'développement' },
  { q: 'projet' },
  {},
  { domain: 'culture' },
  { pad: 'yes' },
  { q: 'dév' },
  { q: 'eau potable' },
  { q: 'marrakech culture' },
  { q: 'de', type: 'project', status: 'ongoing' },
  { domain: ['environnement', 'sport'], decade: '2000', homeKind: 'commune' },
  { q: 'jeunes', region: 'oriental', sort: 'date' },
  { q: 'fes' },
  { q: 'tourisme rural' },
  { q: 'développement', domain: 'developpement-rural', pad: 'no', sort: 'name' },
  { q: 'eau', page: '50' },
  { type: 'partnership', sort: 'date' },
  { q: 'assainissement', funder: 'pad' },
  { q: 'mar' },
  { q: 'coopération décentralisée', partnerKind: 'commune-rurale' },
];
/** the heavy ones, for the concurrency test */
export const HEAVY = [0, 1, 2, 6, 9, 14].map((i) => MIX[i]!);

const queries = (list: typeof MIX) => list.map((params) => parseSearchParams(params).query);

function percentiles(samples: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
function line(label: string, samples: number[]): void {
  const p = percentiles(samples);
  console.log(`${label.padEnd(52)} p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)}  (n=${samples.length})`);
}

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

/** bm25-ranked FTS5 query, user words quoted, the last one a prefix: the baseline without facets */
function ftsQuery(q: string): string | undefined {
  const words = tokenize(q).map((t) => q.slice(t.start, t.end).replace(/"/g, ''));
  if (words.length === 0) return undefined;
  return words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
}

export async function run(): Promise<void> {
  const partnerships = Number(process.env.SEARCH_BENCH_PARTNERSHIPS ?? 100_000);
  const seed = 1;
  const started = performance.now();
  const store = await benchStore(partnerships, seed);
  console.log(
    `store: ${partnerships} partnerships, ${store.counts.projects} projects, ${store.counts.collectivities} collectivities (${store.path})\n` +
      `generation ${(store.generateMs / 1000).toFixed(1)} s, search index ${(store.indexMs / 1000).toFixed(1)} s, baseline FTS5 table ${(store.ftsMs / 1000).toFixed(1)} s` +
      (store.reused ? ` (cached store, reused in ${((performance.now() - started) / 1000).toFixed(1)} s)` : ''),
  );
  console.log(`machine: load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (other work running skews every figure)`);
  const mix = queries(MIX);
  const rounds = 5;

  // ---- in-process: the engine alone
  const db = new Sqlite(store.path, { readonly: true });
  let cpu: number[] = [];
  const run = (engine: SearchEngine, list: SearchQuery[], times: number) => {
    const samples: number[] = [];
    cpu = [];
    for (let r = 0; r < times; r += 1) {
      for (const query of list) {
        const c = process.cpuUsage();
        const t = performance.now();
        engine.search(query, store.directoryId);
        samples.push(performance.now() - t);
        const used = process.cpuUsage(c);
        cpu.push((used.user + used.system) / 1000);
      }
      sampleRss();
    }
    return samples;
  };
  const cold = new SearchEngine(db, { cache: false });
  const loadStart = performance.now();
  cold.search(mix[3]!, store.directoryId);
  console.log(`index load (facet codes, sort keys) on first search: ${(performance.now() - loadStart).toFixed(0)} ms`);
  const first = run(cold, mix, 1);
  line('mix, first pass (caches off)', first);
  const uncached = run(cold, mix, rounds);
  line('mix, in-process, caches off', uncached);
  line('  the same, CPU time (what a loaded machine cannot inflate)', cpu);
  const warm = new SearchEngine(db, { cache: true });
  run(warm, mix, 1);
  line('mix, in-process, caches on', run(warm, mix, rounds));
  for (const [i, query] of mix.entries()) {
    const t = performance.now();
    const r = cold.search(query, store.directoryId);
    console.log(`  ${JSON.stringify(MIX[i]).padEnd(92)} ${ms(performance.now() - t)}  total ${r.total}`);
  }

  // ---- the baseline: bm25-ranked FTS5, first page, no facets (text queries of the mix only)
  const fts = db.prepare(`SELECT rowid, bm25(bench_fts) AS score FROM bench_fts WHERE bench_fts MATCH ? ORDER BY bm25(bench_fts) LIMIT 20`);
  const texts = MIX.map((p) => ftsQuery(typeof p.q === 'string' ? p.q : '')).filter((q): q is string => q !== undefined);
  for (const q of texts) fts.all(q);
  const baseline: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    for (const q of texts) {
      const t = performance.now();
      fts.all(q);
      baseline.push(performance.now() - t);
    }
  }
  line(`baseline: naive bm25 FTS5 query (${texts.length} text queries)`, baseline);
  const ourTexts: number[] = [];
  const textQueries = mix.filter((q) => q.q.trim() !== '');
  for (let r = 0; r < rounds; r += 1) {
    for (const query of textQueries) {
      const t = performance.now();
      cold.search(query, store.directoryId);
      ourTexts.push(performance.now() - t);
    }
  }
  line('ours on the same text queries, with facets (caches off)', ourTexts);

  // ---- plain loop throughput (caches off), for the pool ratio
  const loopStart = performance.now();
  let loopCount = 0;
  while (performance.now() - loopStart < 5000) {
    for (const query of mix) {
      cold.search(query, store.directoryId);
      loopCount += 1;
    }
  }
  const loopRate = loopCount / ((performance.now() - loopStart) / 1000);

  // ---- the pool
  const searcher = await openSearcher({ databasePath: store.path, workers: 2, cache: false });
  for (const query of mix) await searcher.search(query, store.directoryId); // load the index in the workers
  await Promise.all(mix.map((query) => searcher.search(query, store.directoryId)));
  sampleRss();
  const pooled: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    for (const query of mix) {
      const t = performance.now();
      await searcher.search(query, store.directoryId);
      pooled.push(performance.now() - t);
    }
  }
  line('mix through the pool (2 workers), one at a time', pooled);
  const poolStart = performance.now();
  let poolCount = 0;
  await Promise.all(
    Array.from({ length: 4 }, async (_, client) => {
      let i = client;
      while (performance.now() - poolStart < 5000) {
        await searcher.search(mix[i++ % mix.length]!, store.directoryId);
        poolCount += 1;
      }
    }),
  );
  const poolRate = poolCount / ((performance.now() - poolStart) / 1000);
  sampleRss();
  console.log(`throughput: plain loop ${loopRate.toFixed(1)} searches/s, pool of 2 with 4 clients ${poolRate.toFixed(1)} searches/s: ratio ${(poolRate / loopRate * 100).toFixed(0)} %`);

  // ---- a record page on the main thread, alone and beside heavy searches
  const main = await openStore(loadConfig({ DATABASE_URL: store.path }));
  const ids = (await main.db.selectFrom('partnerships').select('id').where('directory_id', '=', store.directoryId).orderBy('position').limit(5000).execute()).map((r) => r.id);
  let k = 0;
  const recordPage = async () => {
    const id = ids[(k = (k * 7919 + 17) % ids.length)]!;
    const t = performance.now();
    await main.db.selectFrom('partnerships').selectAll().where('directory_id', '=', store.directoryId).where('id', '=', id).executeTakeFirstOrThrow();
    await main.db.selectFrom('partnership_parties').selectAll().where('directory_id', '=', store.directoryId).where('partnership_id', '=', id).execute();
    await main.db.selectFrom('projects').select(['id', 'title', 'status']).where('directory_id', '=', store.directoryId).where('partnership_id', '=', id).orderBy('position').execute();
    return performance.now() - t;
  };
  for (let i = 0; i < 200; i += 1) await recordPage(); // warm-up
  const alone: number[] = [];
  for (let i = 0; i < 1000; i += 1) alone.push(await recordPage());
  line('record page (Kysely, main thread), alone', alone);
  const heavy = queries(HEAVY);
  let stop = false;
  let heavyCount = 0;
  const clients = Array.from({ length: 4 }, async (_, client) => {
    let i = client;
    while (!stop) {
      await searcher.search(heavy[i++ % heavy.length]!, store.directoryId);
      heavyCount += 1;
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const busy: number[] = [];
  const busyStart = performance.now();
  const heavyBefore = heavyCount;
  // a visitor every 2 ms or so, for 3 s, while the 4 clients search without pause
  while (busy.length < 1000 || performance.now() - busyStart < 3000) {
    busy.push(await recordPage());
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const busyMs = performance.now() - busyStart;
  const heavyDuring = heavyCount - heavyBefore;
  stop = true;
  await Promise.all(clients);
  sampleRss();
  line('record page with 4 clients searching (heavy mix)', busy);
  console.log(`  (${heavyDuring} heavy searches ran meanwhile, ${(heavyDuring / (busyMs / 1000)).toFixed(1)}/s)`);

  await searcher.close();
  await main.close();
  db.close();
  console.log(`RSS of this bench process: peak ${(peakRss / 1024 / 1024).toFixed(0)} MB (tsx, 2 workers under tsx, in-process engines and the baseline too)`);
  productionRss(store.path, store.directoryId);
}

/**
 * RSS as in production: compiled code (dist/, from `npm run build`), a process holding the store
 * (Kysely) and a searcher with 2 workers, after the mix has run in both workers.
 */
function productionRss(path: string, directoryId: string): void {
  const dist = new URL('../dist/', import.meta.url);
  const pool = new URL('search/pool.js', dist);
  const source = new URL('../src/search/pool.ts', import.meta.url);
  if (!existsSync(pool) || statSync(pool).mtimeMs < statSync(source).mtimeMs) {
    console.log('RSS in production: dist/ is missing or older than src/ (run `npm run build`): not measured');
    return;
  }
  const script = `
    const { openSearcher, parseSearchParams } = await import(${JSON.stringify(new URL('search/index.js', dist).href)});
    const { openStore } = await import(${JSON.stringify(new URL('store/db.js', dist).href)});
    const { loadConfig } = await import(${JSON.stringify(new URL('config.js', dist).href)});
    const store = await openStore(loadConfig({ DATABASE_URL: ${JSON.stringify(path)} }));
    const searcher = await openSearcher({ databasePath: ${JSON.stringify(path)} });
    const mix = ${JSON.stringify(MIX)}.map((p) => parseSearchParams(p).query);
    let peak = 0;
    for (let r = 0; r < 3; r += 1) {
      await Promise.all(mix.map((q) => searcher.search(q, ${JSON.stringify(directoryId)})));
      await store.db.selectFrom('partnerships').selectAll().limit(50).execute();
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    await searcher.close();
    await store.close();
    console.log(JSON.stringify({ peak }));`;
  const file = join(mkdtempSync(join(tmpdir(), 'repertoire-rss-')), 'rss.mjs');
  writeFileSync(file, script);
  const child = spawnSync(process.execPath, [file], { encoding: 'utf8' });
  rmSync(dirname(file), { recursive: true, force: true });
  const peak = /"peak":(\d+)/.exec(child.stdout)?.[1];
  if (peak === undefined) console.log(`RSS in production: failed (${child.stderr.trim().split('\n').slice(-3).join(' / ')})`);
  else console.log(`RSS in production (node dist/, store open, searcher with 2 workers, mix run): peak ${(Number(peak) / 1024 / 1024).toFixed(0)} MB`);
}
