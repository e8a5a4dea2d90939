/**
 * The statistics of a search's results (every table and chart of `/statistiques?…`) on the
 * synthetic store of 100 000 partnerships / ~1 000 000 projects, for searches of a hundred to a
 * million results. Target (issue 20, item 2): ≤ 200 ms p95 up to 100 000 results.
 *
 * Now: the searcher sums its documents' tallies over the results (search/tally.ts), the store
 * counts only the records changed since the build (`statisticsOfSearch`). Baseline, in the same
 * run, once per search: the way before tallies, which the page still takes on an index built
 * without them — every page of results up to the searcher's window (10 000), then GROUP BYs over
 * their ids in SQL.
 */
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { parseSearchParams } from '../src/search/params.js';
import { openSearcher } from '../src/search/pool.js';
import type { Searcher } from '../src/search/types.js';
import { openStore } from '../src/store/db.js';
import { readSiteDirectory } from '../src/web/data/directory.js';
import { statisticsOfSearch } from '../src/web/pages/statistics/data.js';
import { percentiles } from './server.js';
import { benchStore } from './synth-store.js';

const SEARCHES: Record<string, string>[] = [{ q: 'marrakech eau' }, { q: 'eau', status: 'completed' }, { q: 'eau' }, { q: 'culture' }, { status: 'completed' }, {}];
const TIMES = 15;

export async function run(): Promise<void> {
  const bench = await benchStore(100_000, 1);
  const store = await openStore(loadConfig({ DATABASE_URL: bench.path }));
  const searcher = await openSearcher({ databasePath: bench.path, workers: 1 });
  // the way before tallies: the same function with a searcher that has none
  const untallied: Searcher = { search: (...args) => searcher.search(...args), close: async () => undefined };
  try {
    const dir = await readSiteDirectory(store.db, bench.directoryId);
    console.log(`store: ${bench.path} (${bench.counts.partnerships ?? '?'} partnerships, ${bench.counts.projects ?? '?'} projects)`);
    for (const params of SEARCHES) {
      const query = parseSearchParams(params).query;
      const first = performance.now();
      const { scope, stats } = await statisticsOfSearch(store.db, searcher, query, dir);
      const firstMs = performance.now() - first;
      const samples: number[] = [];
      for (let i = 0; i < TIMES; i++) {
        const t0 = performance.now();
        await statisticsOfSearch(store.db, searcher, query, dir);
        samples.push(performance.now() - t0);
      }
      const p = percentiles(samples);
      const b0 = performance.now();
      const before = await statisticsOfSearch(store.db, untallied, query, dir);
      const baseMs = performance.now() - b0;
      const label = `${new URLSearchParams(params).toString() || '(everything)'}: ${scope.total} results, ${stats.scope.partnerships} partnerships, ${stats.scope.projects} projects`;
      console.log(label);
      console.log(
        `  tallies: first ${firstMs.toFixed(0)} ms, p50 ${p.p50.toFixed(0)} ms, p95 ${p.p95.toFixed(0)} ms (n=${TIMES}); before: ${baseMs.toFixed(0)} ms over the first ${before.stats.scope.partnerships} partnerships / ${before.stats.scope.projects} projects (the window); ratio ${(baseMs / p.p50).toFixed(0)}×` +
          (scope.total <= 100_000 ? ` — target p95 ≤ 200 ms: ${p.p95 <= 200 ? 'met' : 'NOT met'}` : ''),
      );
    }
  } finally {
    await searcher.close();
    await store.close();
  }
}
