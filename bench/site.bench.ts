/**
 * The site at scale, over HTTP: `repertoire serve` in its own process on the synthetic store of
 * 100 000 partnerships / ~1 000 000 projects (or SITE_BENCH_STORE, a copy of it, so that the
 * migration and the index stamp written at start leave the search bench's store alone). Prints:
 * - the start (migrations, the index check) and the server's RSS, sampled all along (peak);
 * - record pages (partnership, project, collectivity) alone, then while 4 clients run heavy
 *   searches without pause: p50/p95/p99;
 * - search pages per second with 4 clients, against the same queries in a plain loop in this
 *   process (the engine alone, one thread): the ratio.
 * Figures only: nothing here asserts a speed. SITE_BENCH_NO_BUILD=1 serves dist/ as it is (to
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
import { benchStore } from './synth-store.js';


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
  const store = await benchStore(partnerships, 1);
  const path = process.env.SITE_BENCH_STORE ?? store.path.replace(/\.db$/, '-site.db');
  if (!existsSync(path)) {
    console.log(`copying the bench store to ${path}`);
    copyFileSync(store.path, path);
  }
  console.log(`store: ${path} (${partnerships} partnerships); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  if (!process.env.SITE_BENCH_NO_BUILD && spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) throw new Error('the build failed');

  const { child, base, startMs } = await startServer(path);
  const rss = rssSampler(child.pid!);
  try {
    console.log(`start to listening: ${(startMs / 1000).toFixed(1)} s`);
    rss.mark('after start');

    const db = new Sqlite(path, { readonly: true });
    const pick = (sql: string) => (db.prepare(sql).all() as { id: string }[]).map((row) => row.id);
    // distinct records for each phase: a page read again would come from the records' cache
    const partnershipIds = pick(`SELECT id FROM partnerships ORDER BY random() LIMIT 3000`);
    const projectIds = pick(`SELECT id FROM projects ORDER BY random() LIMIT 3000`);
    const collectivityIds = pick(`SELECT id FROM collectivities ORDER BY random() LIMIT 300`);
    const pageOf = (i: number) => (i % 2 === 0 ? `/partenariats/${encodeURIComponent(partnershipIds[i >> 1]!)}` : `/projets/${encodeURIComponent(projectIds[i >> 1]!)}`);
    const pages = Array.from({ length: 2 * (partnershipIds.length - 300) }, (_, i) => pageOf(i + 600));
    const searchUrl = (params: Record<string, string | string[]>) => `${base}/recherche?${searchParamsOf(parseSearchParams(params).query)}`;

    const t0 = performance.now();
    await get(`${base}/`);
    console.log(`first home page (the counts of the whole directory, once per store version): ${(performance.now() - t0).toFixed(0)} ms`);
    const t1 = performance.now();
    await get(searchUrl(MIX[0]!));
    console.log(`first search (the workers load the index): ${(performance.now() - t1).toFixed(0)} ms`);
    rss.mark('after the first search');
    for (let i = 0; i < 100; i += 1) await get(`${base}${pageOf(i)}`);

    // ---- record pages alone
    const alone = { partnership: [] as number[], project: [] as number[], collectivity: [] as number[] };
    for (const id of partnershipIds.slice(50, 300)) alone.partnership.push(await get(`${base}/partenariats/${encodeURIComponent(id)}`));
    for (const id of projectIds.slice(50, 300)) alone.project.push(await get(`${base}/projets/${encodeURIComponent(id)}`));
    for (const id of collectivityIds.slice(0, 30)) alone.collectivity.push(await get(`${base}/collectivites/${encodeURIComponent(id)}`));
    line('partnership page, alone', alone.partnership);
    line('project page, alone', alone.project);
    line('collectivity page, alone (coordination over up to 4 458 partnerships)', alone.collectivity);

    // ---- record pages while 4 clients run heavy searches, then while 2 clients read collectivity pages (long reads)
    const records = pages.map((page) => `${base}${page}`)[Symbol.iterator]();
    const heavy = await recordPagesBeside(records, 4, (client, n) => searchUrl(HEAVY[(client + n) % HEAVY.length]!));
    line('record page while 4 clients run heavy searches', heavy.samples);
    console.log(`  (${heavy.done} heavy searches done meanwhile)`);
    rss.mark('after the heavy searches');
    const collectivityPage = (i: number) => `${base}/collectivites/${encodeURIComponent(collectivityIds[i % collectivityIds.length]!)}`;
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
    for (const query of queries) engine.search(query, store.directoryId);
    let looped = 0;
    const loopStart = performance.now();
    while (performance.now() - loopStart < 10_000) {
      for (const query of queries) engine.search(query, store.directoryId);
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
