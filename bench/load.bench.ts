/**
 * The site under load, over HTTP: `repertoire serve` in its own process on a temporary copy of the
 * 2008 directory (`repertoire setup` into a temporary DATABASE_URL), BENCH_LOAD_CONNECTIONS (200)
 * clients on as many keep-alive connections for BENCH_LOAD_SECONDS (60) each phase, asking for
 * record pages (partnership, project, collectivity) and search pages, 5 to 2, each client going
 * round its own BENCH_LOAD_PAGES_PER_CLIENT (7: 5 record pages, 2 searches) of them. Four phases, each
 * on a freshly started server:
 * - baseline: no admission limit (MAX_PAGES_IN_FLIGHT=0), no drawn page kept (PAGE_CACHE_MB=0)
 *   and clients that never revalidate — the server as it was before pages had entity tags and a limit;
 * - admission without kept pages: the default limit, the same clients;
 * - admission: the default limit and drawn pages kept, the same clients;
 * - revalidating: the default limit, clients that send back the tag they last got for a URL
 *   (If-None-Match), as browsers do.
 * A client told 503 waits for its Retry-After before asking again, as it is told to. Prints per
 * phase: answers per second (2xx and 304), the answers' p50/p95/p99, 304s, 503s (counted apart:
 * deliberate), errors (any other status, or a failed connection), and the ratios to the baseline.
 * Figures only: nothing here asserts a speed. The machine's load average is printed with them.
 * BENCH_LOAD_NO_BUILD=1 serves dist/ as it is.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import Sqlite from 'better-sqlite3';
import { percentiles, ROOT, startServer, stopServer } from './server.js';

const SEARCHES = ['eau', 'formation', 'santé', 'jeunesse', 'culture', 'assainissement', 'tourisme', 'femmes', 'déchets', 'patrimoine', 'agriculture', 'école', 'Marrakech', 'Agadir', 'coopération', 'développement local'];

interface Phase {
  readonly name: string;
  readonly env: Record<string, string>;
  readonly revalidate: boolean;
}

interface Tally {
  readonly latencies: number[];
  /** the answers' latencies by kind of page (the URL's first segment) */
  readonly byKind: Map<string, number[]>;
  readonly refusedLatencies: number[];
  ok: number;
  notModified: number;
  refused: number;
  errors: number;
  readonly errorKinds: Map<string, number>;
  seconds: number;
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** One GET on a kept-alive connection: its status, its entity tag and how long it took to the last byte. */
function get(agent: Agent, base: URL, path: string, headers: Record<string, string>): Promise<{ status: number; etag?: string; retryAfter?: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: base.hostname, port: base.port, path, headers }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          ...(typeof response.headers.etag === 'string' ? { etag: response.headers.etag } : {}),
          ...(typeof response.headers['retry-after'] === 'string' ? { retryAfter: response.headers['retry-after'] } : {}),
          ms: performance.now() - started,
        }),
      );
      response.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timeout (30 s)')));
    req.on('error', reject);
    req.end();
  });
}

/**
 * `connections` clients for `seconds`, one request at a time each, each going round its own
 * `perClient` URLs (a reader's pages: taken in turn from the whole list, so that together they
 * cover it), so that a client comes back to a page as a reader does.
 */
async function runLoad(base: URL, urls: readonly string[], connections: number, seconds: number, revalidate: boolean, perClient: number): Promise<Tally> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const tally: Tally = { latencies: [], byKind: new Map(), refusedLatencies: [], ok: 0, notModified: 0, refused: 0, errors: 0, errorKinds: new Map(), seconds };
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, client) => {
      const tags = new Map<string, string>();
      const own = Array.from({ length: perClient }, (_, i) => urls[(client * perClient + i) % urls.length]!);
      for (let n = 0; performance.now() < end; n += 1) {
        const url = own[n % own.length]!;
        const tag = revalidate ? tags.get(url) : undefined;
        try {
          const answer = await get(agent, base, url, tag === undefined ? {} : { 'if-none-match': tag });
          if (answer.status === 200 || answer.status === 304) {
            tally.latencies.push(answer.ms);
            const kind = url.split(/[/?]/)[1] ?? '';
            const samples = tally.byKind.get(kind) ?? [];
            if (samples.length === 0) tally.byKind.set(kind, samples);
            samples.push(answer.ms);
            if (answer.status === 304) tally.notModified += 1;
            else tally.ok += 1;
            if (answer.etag !== undefined) tags.set(url, answer.etag);
          } else if (answer.status === 503 && answer.retryAfter !== undefined) {
            tally.refused += 1;
            tally.refusedLatencies.push(answer.ms);
            await sleep(Number(answer.retryAfter) * 1000);
          } else {
            tally.errors += 1;
            tally.errorKinds.set(`HTTP ${answer.status}`, (tally.errorKinds.get(`HTTP ${answer.status}`) ?? 0) + 1);
          }
        } catch (error) {
          tally.errors += 1;
          const kind = (error as Error).message;
          tally.errorKinds.set(kind, (tally.errorKinds.get(kind) ?? 0) + 1);
        }
      }
    }),
  );
  tally.seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return tally;
}

/** Record pages and search pages, 5 to 2, interleaved. */
function urlsOf(databasePath: string): string[] {
  const db = new Sqlite(databasePath, { readonly: true });
  try {
    const ids = (table: string) => (db.prepare(`SELECT id FROM ${table} ORDER BY id`).all() as { id: string }[]).map((row) => row.id);
    const records = [
      ...ids('partnerships').map((id) => `/partenariats/${encodeURIComponent(id)}`),
      ...ids('projects').map((id) => `/projets/${encodeURIComponent(id)}`),
      ...ids('collectivities').map((id) => `/collectivites/${encodeURIComponent(id)}`),
    ];
    const searches = SEARCHES.flatMap((q) => [`/recherche?q=${encodeURIComponent(q)}`, `/recherche?q=${encodeURIComponent(q)}&page=2`]);
    const urls: string[] = [];
    for (let i = 0, r = 0, s = 0; i < records.length * 7; i += 1) urls.push(i % 7 < 5 ? records[r++ % records.length]! : searches[s++ % searches.length]!);
    return urls;
  } finally {
    db.close();
  }
}

const ms = (n: number) => `${n.toFixed(0).padStart(5)} ms`;

export async function run(): Promise<void> {
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
  const connections = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 200);
  const perClient = Number(process.env.BENCH_LOAD_PAGES_PER_CLIENT ?? 7);
  if (!process.env.BENCH_LOAD_NO_BUILD && spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) throw new Error('the build failed');
  const folder = mkdtempSync(join(tmpdir(), 'repertoire-load-bench-'));
  const databasePath = join(folder, 'store.db');
  try {
    const setup = spawnSync(join(ROOT, 'dist/cli/main.js'), ['setup'], { env: { ...process.env, DATABASE_URL: databasePath }, stdio: ['ignore', 'ignore', 'inherit'] });
    if (setup.status !== 0) throw new Error(`repertoire setup failed (exit ${setup.status})`);
    const urls = urlsOf(databasePath);
    console.log(
      `2008 directory, ${new Set(urls).size} distinct URLs, ${perClient} a client; ${connections} connections, ${seconds} s a phase; ${cpus().length} cores, load average ${load()}`,
    );

    const phases: Phase[] = [
      { name: 'baseline (no limit, no page kept, no revalidation)', env: { MAX_PAGES_IN_FLIGHT: '0', PAGE_CACHE_MB: '0' }, revalidate: false },
      { name: 'admission limit, no page kept, no revalidation', env: { PAGE_CACHE_MB: '0' }, revalidate: false },
      { name: 'admission limit, no revalidation', env: {}, revalidate: false },
      { name: 'admission limit, clients revalidate', env: {}, revalidate: true },
    ];
    if (process.env.MAX_PAGES_IN_FLIGHT !== undefined) console.log(`MAX_PAGES_IN_FLIGHT=${process.env.MAX_PAGES_IN_FLIGHT} for the phases with a limit`);
    let baseline: { rate: number; p99: number } | undefined;
    // BENCH_LOAD_PHASES=revalidate: only the phases whose name holds it (no ratios then, unless the baseline runs)
    for (const phase of phases.filter((p) => process.env.BENCH_LOAD_PHASES === undefined || p.name.includes(process.env.BENCH_LOAD_PHASES))) {
      const { child, base } = await startServer(databasePath, phase.env);
      try {
        // the first home page and search read the counts and load the index: not part of the load
        for (const url of ['/', '/recherche?q=eau', urls[0]!]) await fetch(`${base}${url}`).then((r) => r.arrayBuffer());
        const before = load();
        // the clients' own delays count in the latencies: on a busy machine the bench's loop lags too
        const lag = monitorEventLoopDelay({ resolution: 10 });
        lag.enable();
        const tally = await runLoad(new URL(base), urls, connections, seconds, phase.revalidate, perClient);
        const answered = tally.ok + tally.notModified;
        const rate = answered / tally.seconds;
        const p = percentiles(tally.latencies);
        console.log(
          `${phase.name.padEnd(40)} ${rate.toFixed(0).padStart(5)} req/s  p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)}  200: ${tally.ok}  304: ${tally.notModified}  503: ${tally.refused}  errors: ${tally.errors}  (load ${before} → ${load()})`,
        );
        lag.disable();
        for (const [kind, samples] of tally.byKind) {
          const k = percentiles(samples);
          console.log(`  /${kind.padEnd(14)} p50 ${ms(k.p50)}  p95 ${ms(k.p95)}  p99 ${ms(k.p99)}  (n=${samples.length})`);
        }
        console.log(`  the bench's own event loop delay: p50 ${ms(lag.percentile(50) / 1e6)}, p99 ${ms(lag.percentile(99) / 1e6)}`);
        if (tally.refused > 0) console.log(`  503 answered in: p50 ${ms(percentiles(tally.refusedLatencies).p50)}, p99 ${ms(percentiles(tally.refusedLatencies).p99)}`);
        if (tally.errorKinds.size > 0) console.log(`  errors: ${[...tally.errorKinds].map(([kind, n]) => `${kind} × ${n}`).join('; ')}`);
        if (baseline === undefined) baseline = { rate, p99: p.p99 };
        else console.log(`  against the baseline: req/s × ${(rate / baseline.rate).toFixed(2)}, p99 × ${(p.p99 / baseline.p99).toFixed(2)}`);
      } finally {
        await stopServer(child);
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
