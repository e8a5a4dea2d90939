/**
 * A map and the statistics of a census of about 1 000 000 projects (100 000 synthetic
 * partnerships from `src/synth`), on SQLite. Target: the page's work (statistics + map data +
 * drawing the map and four charts) ≤ 200 ms.
 *
 * The store: $BENCH_MAPS_DB if set, else /tmp/maps-bench-1m.db if it exists (a copy of the
 * search bench's store with the collectivities' locations written in), else the search bench's
 * store (bench/synth-store.ts: generated once under $TMPDIR and reused).
 *
 * Baseline, in the same run: what the pages did before the census snapshot — every aggregate of
 * the statistics in SQL over the whole census at each request (`aggregateStats` + `buildStats`),
 * and the map's counts the same way (`loadMapData`). Then the snapshot's costs: computing it once
 * per version of the store, reading it in a fresh process, and a request once it is kept.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { loadMapData } from '../src/maps/data.js';
import { renderMap } from '../src/maps/render.js';
import { buildStats } from '../src/stats/build.js';
import { barChart, countBars, domainBars } from '../src/stats/charts.js';
import type { CensusStats } from '../src/stats/model.js';
import { defaultProfiles } from '../src/profiles/profiles.js';
import { referenceRates } from '../src/stats/money.js';
import { loadStats } from '../src/stats/load.js';
import { aggregateStats } from '../src/stats/queries.js';
import { refreshCensusSnapshot } from '../src/stats/snapshot.js';
import { openStore, type Store } from '../src/store/db.js';
import { synthDirectoryId } from '../src/synth/generate.js';
import { t } from '../src/web/i18n/index.js';
import { loadMapView, mapSection, type MapView } from '../src/web/maps/map.js';
import type { RenderContext } from '../src/web/page.js';
import { benchStore } from './synth-store.js';

const PARTNERSHIPS = Number(process.env.BENCH_MAPS_PARTNERSHIPS ?? 100_000);
const TARGET_MS = 200;

async function storePath(): Promise<string> {
  if (process.env.BENCH_MAPS_DB) return process.env.BENCH_MAPS_DB;
  if (PARTNERSHIPS === 100_000 && existsSync('/tmp/maps-bench-1m.db')) return '/tmp/maps-bench-1m.db';
  return (await benchStore(PARTNERSHIPS, 1)).path;
}

function charts(stats: CensusStats): number {
  const svgs = [
    barChart({ title: 'Partenariats par décennie', description: 'd', bars: countBars(stats.partnershipsByDecade.rows, (key) => key), orientation: 'vertical' }),
    barChart({ title: 'Partenariats par domaine', description: 'd', bars: domainBars(stats.partnershipsByDomain), orientation: 'horizontal' }),
    barChart({ title: 'Projets par état', description: 'd', bars: countBars(stats.projectsByStatus, (key) => key), orientation: 'vertical' }),
    barChart({ title: 'Financeurs', description: 'd', bars: stats.funders.slice(0, 15).map((f) => ({ key: f.key, label: f.funder, value: f.total.eur })), orientation: 'horizontal' }),
  ];
  return svgs.reduce((n, c) => n + c.svg.length, 0);
}

const draw = (view: Pick<MapView, 'points' | 'links'>) => renderMap({ country: 'both', points: view.points, links: view.links, title: 'Carte', description: 'd' }).svg.length;
const context: RenderContext = { locale: 'fr', t: (key, params) => t('fr', key, params), url: '/', searchText: '' };
/** What a page does with its map: the section (SVG, table, unlocated), kept once drawn for the same view. */
const section = (view: MapView) => mapSection(view, context, { id: 'carte', title: 'Carte des partenariats', description: 'd' }).value.length;

async function once<T>(label: string, work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  console.log(`${label.padEnd(52)} ${ms.toFixed(1).padStart(9)} ms   (once)`);
  return { result, ms };
}

async function median(label: string, times: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const runs: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await work();
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  const ms = runs[Math.floor(runs.length / 2)]!;
  console.log(`${label.padEnd(52)} ${ms.toFixed(1).padStart(9)} ms   median of ${times}, min ${runs[0]!.toFixed(1)}`);
  return ms;
}

const ratio = (label: string, baseline: number, now: number) => console.log(`  ${label}: ${(baseline / now).toFixed(0)}× faster than the baseline (${baseline.toFixed(0)} ms → ${now.toFixed(1)} ms)`);
const verdict = (label: string, ms: number) => console.log(`  ${label}: ${ms.toFixed(1)} ms, ${ms <= TARGET_MS ? 'within' : 'OVER'} the ${TARGET_MS} ms target`);

export async function run(): Promise<void> {
  const path = await storePath();
  console.log(`store: ${path}`);
  const directoryId = synthDirectoryId({ partnerships: PARTNERSHIPS });
  const open = () => openStore(loadConfig({ DATABASE_URL: path }));
  const store: Store = await open();
  try {
    const href = (id: string) => `/collectivites/${id}`;
    const counts = await store.db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).where('directory_id', '=', directoryId).executeTakeFirstOrThrow();
    console.log(`${directoryId}: ${Number(counts.n)} projects`);

    console.log('\nbaseline: every aggregate in SQL at each request');
    const baseStats = await once('statistics (aggregateStats + buildStats)', async () => buildStats(await aggregateStats(store.db, { directoryId }), { rates: referenceRates(defaultProfiles(), ['FR', 'MA']) }));
    const baseMap = await once('map data (loadMapData, whole census)', () => loadMapData(store.db, { directoryId, href }));
    const baseDraw = await median('draw: map of both countries + four charts', 5, async () => draw(baseMap.result) + charts(baseStats.result));
    const basePage = baseStats.ms + baseMap.ms + baseDraw;
    console.log(`  ${baseStats.result.scope.partnerships} partnerships, ${baseStats.result.scope.projects} projects, ${baseMap.result.points.length} points, ${baseMap.result.links.length} links, ${baseMap.result.unlocated.length} unlocated`);

    console.log('\nthe census snapshot');
    await once('compute and store it (once per store version)', () => refreshCensusSnapshot(store.db, directoryId));
    const fresh = await open();
    try {
      await once('first request of a process (read, parse, build)', async () => {
        const [stats, map] = await Promise.all([loadStats(fresh.db, { directoryId }), loadMapView(fresh.db, directoryId, { kind: 'directory' })]);
        return draw(map) + charts(stats);
      });
    } finally {
      await fresh.close();
    }
    const stats = await median('statistics (loadStats, kept snapshot)', 20, () => loadStats(store.db, { directoryId }));
    const map = await median('map data (loadMapView directory, kept)', 20, () => loadMapView(store.db, directoryId, { kind: 'directory' }));
    await median('draw: map of both countries (renderMap)', 5, async () => draw(await loadMapView(store.db, directoryId, { kind: 'directory' })));
    await median('draw: four charts', 5, async () => charts(await loadStats(store.db, { directoryId })));
    const page = await median('page: statistics + map section + charts', 10, async () => {
      const [s, m] = await Promise.all([loadStats(store.db, { directoryId }), loadMapView(store.db, directoryId, { kind: 'directory' })]);
      return section(m) + charts(s);
    });
    ratio('statistics', baseStats.ms, stats);
    ratio('map data', baseMap.ms, map);
    ratio('page', basePage, page);
    verdict('page (whole census)', page);
    const same = JSON.stringify(await loadStats(store.db, { directoryId })) === JSON.stringify(baseStats.result);
    console.log(`  snapshot statistics equal the baseline's: ${same ? 'yes' : 'NO'}`);

    console.log('\nscopes (no snapshot: counted on the spot, in time proportional to the scope)');
    const heaviest = await store.db
      .selectFrom('partnership_parties')
      .select(['collectivity_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('directory_id', '=', directoryId)
      .groupBy('collectivity_id')
      .orderBy('n', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const one = await median(`collectivity page map (${heaviest.collectivity_id}, ${Number(heaviest.n)} partnerships)`, 5, async () => draw(await loadMapView(store.db, directoryId, { kind: 'collectivity', id: heaviest.collectivity_id })));
    verdict('collectivity map, the largest', one);
    const all = await store.db.selectFrom('partnerships').select('id').where('directory_id', '=', directoryId).orderBy('position').execute();
    for (const size of [1000, 10_000]) {
      const ids = all.filter((_, i) => i % Math.floor(all.length / size) === 0).slice(0, size).map((r) => r.id);
      const ms = await median(`search results: statistics + map + drawing (${ids.length})`, size > 1000 ? 1 : 3, async () => {
        const [s, m] = await Promise.all([loadStats(store.db, { directoryId, partnershipIds: ids }), loadMapView(store.db, directoryId, { kind: 'partnerships', ids })]);
        return draw(m) + charts(s);
      });
      if (size === 1000) {
        await median('  of which: statistics (1000)', 3, () => loadStats(store.db, { directoryId, partnershipIds: ids }));
        await median('  of which: map data (1000)', 3, () => loadMapView(store.db, directoryId, { kind: 'partnerships', ids }));
      }
      verdict(`${ids.length} results`, ms);
    }
  } finally {
    await store.close();
  }
}
