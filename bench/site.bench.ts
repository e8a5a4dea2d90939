/**
 * The site at scale, over HTTP: `repertoire serve` in its own process on the synthetic store of
 * 100 000 partnerships / ~1 000 000 projects (or SITE_BENCH_STORE, a copy of it, so that the
 * migration and the index stamp written at start leave the search bench's store alone). Prints:
 * - the start (migrations, the index check) and the server's RSS, sampled all along (peak);
 * - the end of the server's warm-up of each directory (counts, census snapshot, partner graph), waited
 *   for before any page is timed;
 * - record pages (partnership, project, collectivity) alone, then while 4 clients run heavy
 *   searches without pause: p50/p95/p99;
 * - search pages per second with 4 clients, against the same queries in a plain loop in this
 *   process (the engine alone, one thread): the ratio.
 * SITE_BENCH_DIRECTORIES=2 serves instead two directories of N/2 each (FR–MA at the root, FR–SN
 * under /r/<id>) from one store, every page, search and statistic taken in turn from each: the
 * figures to compare with one directory of N (issue 14). Figures only: nothing here asserts a speed. SITE_BENCH_NO_BUILD=1 serves dist/ as it is (to
 * compare builds without rebuilding). The server starts as `npm start` starts it, with the
 * command's own Node flags (the first line of src/cli/main.ts); SITE_BENCH_NODE_FLAGS="--flag …"
 * starts it with those flags instead, to compare.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import Sqlite from 'better-sqlite3';
import { SearchEngine } from '../src/search/engine.js';
import { parseSearchParams, searchParamsOf } from '../src/search/params.js';
import { HEAVY, MIX } from './search.bench.js';
import { percentiles, ROOT, startServer } from './server.js';
import { benchStore, twoDirectoryStore } from './synth-store.js';


const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
function line(label: string, samples: number[]): void {
  const p = percentiles(samples);
  console.log(`${label.padEnd(52)} p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)}  (n=${samples.length})`);
}

/** The server's resident memory, from the kernel, every 100 ms. */
function rssSampler(pid: number) {
  let peak = 0;
  let last = 0;
  const read = () => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      last = kb * 1024;
      peak = Math.max(peak, last);
    } catch {
      // the process is gone
    }
  };
  const timer = setInterval(read, 100);
  return {
    mark: (label: string) => {
      read();
      console.log(`server RSS ${label}: ${(last / 2 ** 20).toFixed(0)} MB (peak so far ${(peak / 2 ** 20).toFixed(0)} MB)`);
    },
    stop: () => clearInterval(timer),
  };
}

async function get(url: string): Promise<number> {
  const t = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  return performance.now() - t;
}

/**
 * Record pages (`records`, one after another) for 10 s while `clients` other clients each fetch
 * their n-th page `theirs(client, n)` without pause: the record pages' times, and how many the
 * others fetched.
 */
async function recordPagesBeside(records: Iterator<string>, clients: number, theirs: (client: number, n: number) => string): Promise<{ samples: number[]; done: number }> {
  let stop = false;
  let done = 0;
  const others = Array.from({ length: clients }, async (_, client) => {
    for (let n = 0; !stop; n += 1) {
      await get(theirs(client, n));
      done += 1;
    }
  });
  const samples: number[] = [];
  const start = performance.now();
  while (performance.now() - start < 10_000) {
    const next = records.next();
    if (next.done === true) break;
    samples.push(await get(next.value));
  }
  stop = true;
  await Promise.all(others);
  return { samples, done };
}

export async function run(): Promise<void> {
  const partnerships = Number(process.env.SEARCH_BENCH_PARTNERSHIPS ?? 100_000);
  // SITE_BENCH_DIRECTORIES=2: two directories of N/2 each (FR–MA and FR–SN) in one store, every
  // page and search shared between them, to compare with one directory of N
  const two = process.env.SITE_BENCH_DIRECTORIES === '2';
  const store = two ? undefined : await benchStore(partnerships, 1);
  const twoStore = two ? await twoDirectoryStore(Math.round(partnerships / 2), 1) : undefined;
  const path = twoStore?.path ?? process.env.SITE_BENCH_STORE ?? store!.path.replace(/\.db$/, '-site.db');
  if (store !== undefined && !existsSync(path)) {
    console.log(`copying the bench store to ${path}`);
    copyFileSync(store.path, path);
  }
  const directoryIds = twoStore?.directoryIds ?? [store!.directoryId];
  // the first directory is the site's default, at the root; the second is at /r/<id>
  const prefixes = directoryIds.map((id, i) => (i === 0 ? '' : `/r/${encodeURIComponent(id)}`));
  console.log(
    `store: ${path} (${two ? `two directories of ${Math.round(partnerships / 2)} partnerships` : `${partnerships} partnerships`}); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`,
  );
  if (!process.env.SITE_BENCH_NO_BUILD && spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) throw new Error('the build failed');

  const started = performance.now();
  const { child, base, startMs } = await startServer(path);
  const rss = rssSampler(child.pid!);
  try {
    console.log(`start to listening: ${(startMs / 1000).toFixed(1)} s`);
    rss.mark('after start');

    const db = new Sqlite(path, { readonly: true });
    // distinct records for each phase: a page read again would come from the records' cache.
    // Records as `<prefix>/<kind>/<id>`: taken in turn from each directory.
    const pick = (table: string, limit: number, kind: string) => {
      const lists = directoryIds.map((id, d) =>
        (db.prepare(`SELECT id FROM ${table} WHERE directory_id = ? ORDER BY random() LIMIT ?`).all(id, Math.ceil(limit / directoryIds.length)) as { id: string }[]).map(
          (row) => `${prefixes[d]}/${kind}/${encodeURIComponent(row.id)}`,
        ),
      );
      return Array.from({ length: Math.min(...lists.map((l) => l.length)) * lists.length }, (_, i) => lists[i % lists.length]![Math.floor(i / lists.length)]!);
    };
    const partnershipIds = pick('partnerships', 3000, 'partenariats');
    const projectIds = pick('projects', 3000, 'projets');
    const collectivityIds = pick('collectivities', 300, 'collectivites');
    const pageOf = (i: number) => (i % 2 === 0 ? partnershipIds[i >> 1]! : projectIds[i >> 1]!);
    const pages = Array.from({ length: 2 * (partnershipIds.length - 300) }, (_, i) => pageOf(i + 600));
    let searches = 0;
    const searchUrl = (params: Record<string, string | string[]>) => `${base}${prefixes[searches++ % prefixes.length]}/recherche?${searchParamsOf(parseSearchParams(params).query)}`;

    // the server warms every directory in the background from its start (snapshot, counts, census
    // snapshot, partner graph: a minute or more at 1 000 000 projects, on the search thread): timed
    // apart, until each directory's collectivity page says its graph is ready; the pages measured
    // below would otherwise wait behind it (a page of the last collectivities: not one measured)
    for (const [d, prefix] of prefixes.entries()) {
      const page = `${base}${collectivityIds[collectivityIds.length - prefixes.length + d]!}.json`;
      for (;;) {
        const response = await fetch(page, { signal: AbortSignal.timeout(600_000) });
        const view = response.status === 200 ? ((await response.json()) as { suggestionsStatus?: string }) : (await response.arrayBuffer(), {});
        if (view.suggestionsStatus === 'ready') break;
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      console.log(`warm-up${prefix} (counts, census snapshot, partner graph, in the background): done ${((performance.now() - started) / 1000).toFixed(1)} s after the server was spawned`);
    }
    for (const prefix of prefixes) {
      const t0 = performance.now();
      await get(`${base}${prefix}/`);
      console.log(`first home page${prefix} (the counts of the whole directory, once per store version): ${(performance.now() - t0).toFixed(0)} ms`);
      const t1 = performance.now();
      await get(`${base}${prefix}/recherche?${searchParamsOf(parseSearchParams(MIX[0]!).query)}`);
      console.log(`first search${prefix} (the workers load the index): ${(performance.now() - t1).toFixed(0)} ms`);
      const t2 = performance.now();
      await get(`${base}${prefix}/statistiques`);
      const t3 = performance.now();
      await get(`${base}${prefix}/statistiques?q=eau`);
      console.log(`statistics${prefix}: the whole directory ${(t3 - t2).toFixed(0)} ms, of a search ${(performance.now() - t3).toFixed(0)} ms`);
    }
    rss.mark('after the first searches');
    for (let i = 0; i < 100; i += 1) await get(`${base}${pageOf(i)}`);

    // ---- record pages alone
    const alone = { partnership: [] as number[], project: [] as number[], collectivity: [] as number[] };
    for (const page of partnershipIds.slice(50, 300)) alone.partnership.push(await get(`${base}${page}`));
    for (const page of projectIds.slice(50, 300)) alone.project.push(await get(`${base}${page}`));
    for (const page of collectivityIds.slice(0, 30)) alone.collectivity.push(await get(`${base}${page}`));
    line('partnership page, alone', alone.partnership);
    line('project page, alone', alone.project);
    line('collectivity page, alone (coordination over up to 4 458 partnerships)', alone.collectivity);

    // ---- record pages while 4 clients run heavy searches, then while 2 clients read collectivity pages (long reads)
    const records = pages.map((page) => `${base}${page}`)[Symbol.iterator]();
    const heavy = await recordPagesBeside(records, 4, (client, n) => searchUrl(HEAVY[(client + n) % HEAVY.length]!));
    line('record page while 4 clients run heavy searches', heavy.samples);
    console.log(`  (${heavy.done} heavy searches done meanwhile)`);
    rss.mark('after the heavy searches');
    const collectivityPage = (i: number) => `${base}${collectivityIds[i % collectivityIds.length]!}`;
    const long = await recordPagesBeside(records, 2, (client, n) => collectivityPage(30 + client + 2 * n));
    line('record page while 2 clients read collectivity pages', long.samples);
    console.log(`  (${long.done} collectivity pages read meanwhile)`);

    // ---- search pages per second over HTTP, against the engine in a plain loop
    const urls = MIX.map(searchUrl);
    let served = 0;
    const httpStart = performance.now();
    await Promise.all(
      Array.from({ length: 4 }, async (_, client) => {
        let i = client;
        while (performance.now() - httpStart < 10_000) {
          await get(urls[i++ % urls.length]!);
          served += 1;
        }
      }),
    );
    const httpRate = served / ((performance.now() - httpStart) / 1000);
    const engine = new SearchEngine(db); // caches on, as in the server
    const queries = MIX.map((params) => parseSearchParams(params).query);
    const directoryOf = (i: number) => directoryIds[i % directoryIds.length]!;
    queries.forEach((query, i) => engine.search(query, directoryOf(i)));
    let looped = 0;
    const loopStart = performance.now();
    while (performance.now() - loopStart < 10_000) {
      queries.forEach((query, i) => engine.search(query, directoryOf(looped + i)));
      looped += queries.length;
    }
    const loopRate = looped / ((performance.now() - loopStart) / 1000);
    console.log(
      `search pages over HTTP (4 clients): ${httpRate.toFixed(1)} req/s; the same queries in a plain loop: ${loopRate.toFixed(1)} /s; ratio ${((httpRate / loopRate) * 100).toFixed(0)} %`,
    );
    rss.mark('at the end');
    db.close();
  } finally {
    rss.stop();
    child.kill('SIGTERM');
  }
}
