/**
 * Finding partners (issue 22): the suggestions measured against popularity on the 2008 directory
 * (leave one partnership out: the hidden partner's rank), then the times of the pages' sections on
 * a synthetic census — similar projects (a project page), suggestions (a collectivity page), the
 * map of gaps with a domain — on SQLite. Target: p95 ≤ 50 ms for a page's section.
 *
 * The store: $BENCH_PARTNERS_DB if set, else a synthetic FR–MA directory of
 * $BENCH_PARTNERS_PARTNERSHIPS partnerships (default 100 000: about 1 000 000 projects) written
 * once under $TMPDIR and reused (no search index: these sections do not search).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { readDirectory } from '../src/import/directory/index.js';
import { SEED_COUNTRIES, SEED_PATH } from '../src/import/directory/testing.js';
import { graphInputs } from '../src/partners/document.js';
import { leaveOneOut } from '../src/partners/evaluate.js';
import { defaultProfiles } from '../src/profiles/profiles.js';
import { openStore } from '../src/store/db.js';
import { synthDirectoryId } from '../src/synth/generate.js';
import { writeSynthetic } from '../src/synth/write.js';
import { readSiteDirectory } from '../src/web/data/directory.js';
import { loadSuggestions } from '../src/web/pages/collectivity/suggestions.js';
import { coverageView } from '../src/web/pages/coverage/data.js';
import { loadSimilar } from '../src/web/pages/project/similar.js';

const PARTNERSHIPS = Number(process.env.BENCH_PARTNERS_PARTNERSHIPS ?? 100_000);
const SAMPLES = Number(process.env.BENCH_PARTNERS_SAMPLES ?? 200);
const TARGET_MS = 50;

function evaluation(): void {
  const doc = readDirectory(readFileSync(SEED_PATH, 'utf8'), { document: 'repertoire-franco-marocain-2008.txt', countries: SEED_COUNTRIES }).document;
  const { places, partnerships } = graphInputs(doc, defaultProfiles());
  const r = leaveOneOut(places, partnerships, doc.directory.countries[0]!);
  const line = (name: string, s: typeof r.method) => `${name.padEnd(22)} MRR ${s.mrr.toFixed(3)}   hits@10 ${(100 * s.hitsAt10).toFixed(0).padStart(3)} %   median rank ${s.medianRank}`;
  console.log(`leave-one-out on the 2008 directory: ${r.cases} (home party, hidden partner) cases`);
  console.log(line('suggestions', r.method));
  console.log(line('popularity (baseline)', r.baseline));
  console.log(r.method.mrr > r.baseline.mrr ? 'the method beats the baseline: kept' : 'THE METHOD DOES NOT BEAT THE BASELINE');
}

async function storePath(): Promise<{ path: string; directoryId: string }> {
  const directoryId = synthDirectoryId({ partnerships: PARTNERSHIPS, seed: 1 });
  if (process.env.BENCH_PARTNERS_DB) return { path: process.env.BENCH_PARTNERS_DB, directoryId };
  const path = join(tmpdir(), `repertoire-partners-bench-${PARTNERSHIPS}.db`);
  const done = `${path}.done`;
  if (existsSync(path) && existsSync(done)) return { path, directoryId };
  for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
  await (await openStore(loadConfig({ DATABASE_URL: path }))).close();
  const started = performance.now();
  let shown = 0;
  writeSynthetic(path, { partnerships: PARTNERSHIPS, seed: 1 }, (n, total) => {
    if (n - shown >= total / 10 || n === total) {
      shown = n;
      console.log(`  generating: ${n}/${total} partnerships`);
    }
  });
  console.log(`  generated in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  (await import('node:fs')).writeFileSync(done, '');
  return { path, directoryId };
}

async function times(label: string, items: readonly string[], work: (item: string) => Promise<unknown>): Promise<void> {
  const durations: number[] = [];
  for (const item of items) {
    const started = performance.now();
    await work(item);
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))]!;
  console.log(`${label.padEnd(34)} p50 ${at(0.5).toFixed(1).padStart(7)} ms   p95 ${at(0.95).toFixed(1).padStart(7)} ms   max ${at(1).toFixed(1).padStart(7)} ms   (n=${durations.length})${at(0.95) <= TARGET_MS ? '' : `   ABOVE ${TARGET_MS} ms`}`);
}

/** Every `step`-th id: spread over the directory, the same at every run. */
function spread(ids: readonly string[], n: number): string[] {
  const step = Math.max(1, Math.floor(ids.length / n));
  return ids.filter((_, i) => i % step === 0).slice(0, n);
}

export async function run(): Promise<void> {
  evaluation();
  const { path, directoryId } = await storePath();
  // only make the store (to make it ahead of a measured run)
  if (process.env.BENCH_PARTNERS_STORE_ONLY === '1') return;
  const store = await openStore(loadConfig({ DATABASE_URL: path }));
  try {
    const counts = await store.db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).where('directory_id', '=', directoryId).executeTakeFirstOrThrow();
    const dir = await readSiteDirectory(store.db, directoryId);
    console.log(`store: ${path} — ${PARTNERSHIPS} partnerships, ${Number(counts.n)} projects, ${dir.collectivities.length} collectivities`);
    let started = performance.now();
    await dir.partnerGraphReady();
    console.log(`partner graph, once per version of the store, in the background: ${(performance.now() - started).toFixed(0)} ms`);
    const projectIds = (await store.db.selectFrom('projects').select('id').where('directory_id', '=', directoryId).orderBy('id').execute()).map((r) => r.id);
    await times('similar projects (project page)', spread(projectIds, SAMPLES), (id) => loadSimilar(dir, store.db, id));
    await times('suggestions (collectivity page)', spread(dir.collectivities.map((c) => c.id), SAMPLES), (id) => loadSuggestions(dir, store.db, id));
    started = performance.now();
    await coverageView(dir, store.db, {});
    console.log(`map of gaps, first (places the collectivities): ${(performance.now() - started).toFixed(0)} ms`);
    const domains = dir.domains.filter((d) => d.parent === undefined).map((d) => d.code);
    await times('map of gaps, by domain', domains, (domain) => coverageView(dir, store.db, { domain }));
  } finally {
    await store.close();
  }
}
