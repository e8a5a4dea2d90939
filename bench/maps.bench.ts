/**
 * A map and the statistics of a census of about 1 000 000 projects (100 000 synthetic
 * partnerships from `src/synth`, the same generator as `repertoire synth`), on SQLite. The store
 * is written once and kept in $TMPDIR (repertoire-bench-maps-100000.db); delete it to rebuild.
 *
 * Figures: the statistics' SQL (loadStats), the map's data (loadMapData, with the gazetteer for
 * collectivities without a stored location), drawing (renderMap and four bar charts), and the
 * whole page's work; then the same for a selection of 1 000 partnerships (search results).
 * Target: the whole ≤ 200 ms.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { loadMapData } from '../src/maps/data.js';
import { renderMap } from '../src/maps/render.js';
import { barChart, countBars, domainBars } from '../src/stats/charts.js';
import type { CensusStats } from '../src/stats/model.js';
import { loadStats } from '../src/stats/queries.js';
import { openStore } from '../src/store/db.js';
import { synthDirectoryId } from '../src/synth/generate.js';
import { writeSynthetic } from '../src/synth/write.js';
import { measure } from './timing.js';

const PARTNERSHIPS = Number(process.env.BENCH_MAPS_PARTNERSHIPS ?? 100_000);
const TARGET_MS = 200;

async function syntheticStore(): Promise<string> {
  const path = join(tmpdir(), `repertoire-bench-maps-${PARTNERSHIPS}.db`);
  if (existsSync(path)) return path;
  const building = `${path}.building`;
  rmSync(building, { force: true });
  const store = await openStore(loadConfig({ DATABASE_URL: building })); // creates the schema
  await store.close();
  const started = performance.now();
  const result = writeSynthetic(building, { partnerships: PARTNERSHIPS });
  console.log(`synthetic store written in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(result.counts)}`);
  for (const suffix of ['-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  renameSync(building, path);
  return path;
}

function charts(stats: CensusStats): number {
  const svgs = [
    barChart({ title: 'Partenariats par décennie', description: 'd', bars: countBars(stats.partnershipsByDecade.rows), orientation: 'vertical' }),
    barChart({ title: 'Partenariats par domaine', description: 'd', bars: domainBars(stats.partnershipsByDomain), orientation: 'horizontal' }),
    barChart({ title: 'Projets par état', description: 'd', bars: countBars(stats.projectsByStatus), orientation: 'vertical' }),
    barChart({ title: 'Financeurs', description: 'd', bars: stats.funders.slice(0, 15).map((f) => ({ key: f.key, label: f.funder, value: f.total.eur })), orientation: 'horizontal' }),
  ];
  return svgs.reduce((n, c) => n + c.svg.length, 0);
}

export async function run(): Promise<void> {
  const path = await syntheticStore();
  const store = await openStore(loadConfig({ DATABASE_URL: path }));
  try {
    const directoryId = synthDirectoryId({ partnerships: PARTNERSHIPS });
    const href = (id: string) => `/collectivites/${id}`;
    const all = await store.db.selectFrom('partnerships').select('id').where('directory_id', '=', directoryId).orderBy('position').execute();
    const stats = await measure('loadStats (SQL aggregates, whole census)', 1, () => loadStats(store.db, { directoryId }));
    console.log(`  ${stats.scope.partnerships} partnerships, ${stats.scope.projects} projects, ${stats.pad.count} PAD, ${stats.funders.length} funders`);
    const data = await measure('loadMapData (whole census)', 3, () => loadMapData(store.db, { directoryId, href }));
    console.log(`  ${data.points.length} points, ${data.links.length} links, ${data.unlocated.length} unlocated`);
    const map = await measure('renderMap (both countries)', 10, () => renderMap({ country: 'both', points: data.points, links: data.links, title: 'Carte', description: 'd' }));
    console.log(`  svg ${(map.svg.length / 1024).toFixed(0)} KiB`);
    await measure('four bar charts', 10, () => charts(stats));
    const whole = async (partnershipIds?: string[]) => {
      const [s, d] = await Promise.all([
        loadStats(store.db, { directoryId, ...(partnershipIds ? { partnershipIds } : {}) }),
        loadMapData(store.db, { directoryId, href, ...(partnershipIds ? { partnershipIds } : {}) }),
      ]);
      renderMap({ country: 'both', points: d.points, links: d.links, title: 'Carte', description: 'd' });
      return charts(s);
    };
    const timed = async (label: string, ids?: string[]) => {
      await whole(ids);
      const runs: number[] = [];
      for (let i = 0; i < 2; i += 1) {
        const t = performance.now();
        await whole(ids);
        runs.push(performance.now() - t);
      }
      runs.sort((a, b) => a - b);
      const median = runs[Math.floor(runs.length / 2)]!;
      console.log(`${label.padEnd(44)} median ${median.toFixed(1).padStart(8)} ms   ${median <= TARGET_MS ? 'within' : 'OVER'} the ${TARGET_MS} ms target`);
    };
    await timed('map + statistics page (whole census)');
    const selection = all.filter((_, i) => i % 100 === 0).map((r) => r.id);
    await timed(`map + statistics page (${selection.length} selected)`, selection);
  } finally {
    await store.close();
  }
}
