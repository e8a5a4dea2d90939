import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { rebuildSearchIndex } from '../search/build.js';
import { applySearchDelta } from '../search/delta/make.js';
import { parseSearchParams } from '../search/params.js';
import { localSearcher } from '../search/pool.js';
import { openPostgresSearcher } from '../search/postgres/engine.js';
import { MAX_PER_PAGE, type Searcher, type SearchQuery } from '../search/types.js';
import type { Database } from '../store/tables.js';
import { ENGINES, openEngineStore, type Engine } from '../test-support/engines.js';
import { searchWords } from '../web/i18n/codes.js';
import type { Aggregates } from './aggregates.js';
import { aggregateStats } from './queries.js';
import { talliedAggregates } from './tallies.js';
import { DIRECTORY_2008_ID, save2008 } from './testing.js';

const SEARCHES: Record<string, string | string[]>[] = [
  {},
  { q: 'eau' },
  { q: 'marrakech' },
  { q: 'culture formation' },
  { status: 'completed' },
  { pad: 'yes' },
  { type: 'project' },
  { type: 'partnership', decade: '1990' },
  { q: 'tourisme', homeKind: 'commune' },
  { q: 'zzzz-nothing' },
];

async function indexedStore(engine: Engine): Promise<{ db: Kysely<Database>; searcher: Searcher }> {
  const store = await openEngineStore(engine);
  await save2008(store.db);
  await rebuildSearchIndex(store.db, DIRECTORY_2008_ID, undefined, undefined, searchWords('fr'));
  return { db: store.db, searcher: engine === 'sqlite' ? localSearcher({ databasePath: store.url }) : openPostgresSearcher(store.db) };
}

/** Every result's records, page by page (the 2008 directory's results are all within the window). */
async function found(searcher: Searcher, query: SearchQuery): Promise<{ partnershipIds: string[]; projectIds: string[] }> {
  const partnerships = new Set<string>();
  const projects = new Set<string>();
  for (let page = 1; ; page++) {
    const result = await searcher.search({ ...query, page, perPage: MAX_PER_PAGE }, DIRECTORY_2008_ID);
    for (const hit of result.hits) {
      if (hit.type === 'partnership') partnerships.add(hit.id);
      if (hit.type === 'project') {
        projects.add(hit.id);
        partnerships.add(hit.partnershipId!);
      }
    }
    if (page >= result.pages) return { partnershipIds: [...partnerships], projectIds: [...projects] };
  }
}

/** Aggregates in one order, amounts to the cent: sums in another order differ in the last bits. */
function comparable(agg: Aggregates): unknown {
  const canonical = (r: object) => JSON.stringify(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));
  const rows = <T extends { amount: number }>(list: readonly T[]) =>
    list.map((r) => ({ ...r, amount: Math.round(r.amount * 100) / 100 })).sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1));
  const map = (m: Map<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    ...agg,
    byDecade: map(agg.byDecade),
    byKind: map(agg.byKind),
    partnershipDomains: map(agg.partnershipDomains),
    partnershipFamilies: map(agg.partnershipFamilies),
    byStatus: map(agg.byStatus),
    projectDomains: map(agg.projectDomains),
    projectFamilies: map(agg.projectFamilies),
    budgets: rows(agg.budgets),
    projectCosts: rows(agg.projectCosts),
    funding: rows(agg.funding),
    pad: { ...agg.pad, costs: rows(agg.pad.costs), funding: rows(agg.pad.funding) },
  };
}

async function expectSameFigures(db: Kysely<Database>, searcher: Searcher, params: Record<string, string | string[]>): Promise<void> {
  const query = parseSearchParams(params).query;
  const tally = await searcher.tally!(query, DIRECTORY_2008_ID, 1000);
  expect(tally, JSON.stringify(params)).toBeDefined();
  const ids = await found(searcher, query);
  const expected = await aggregateStats(db, { directoryId: DIRECTORY_2008_ID, ...ids });
  const actual = await talliedAggregates(db, DIRECTORY_2008_ID, tally!, 1000);
  expect({ params, figures: comparable(actual) }).toEqual({ params, figures: comparable(expected) });
  expect(tally!.found.partnership + tally!.found.project).toBeLessThanOrEqual(tally!.total);
}

describe.each(ENGINES)("a search's statistics from its documents' tallies (%s)", (engine) => {
  it('are the figures counted in the store over its results, for every search', async () => {
    const { db, searcher } = await indexedStore(engine);
    try {
      const all = await searcher.tally!(parseSearchParams({}).query, DIRECTORY_2008_ID, 1000);
      expect(all!.found.partnership).toBeGreaterThan(20);
      expect(all!.ranked.length).toBeGreaterThan(0); // the PAD's projects, in the table's order
      for (const params of SEARCHES) await expectSameFigures(db, searcher, params);
    } finally {
      await searcher.close();
    }
  });

  it('count the records changed since the build in the store, and still agree', async () => {
    const { db, searcher } = await indexedStore(engine);
    try {
      // a partnership dated anew and a project made a PAD project with a cost: their documents re-made by the delta
      const partnership = await db.selectFrom('partnerships').select('id').where('directory_id', '=', DIRECTORY_2008_ID).orderBy('position').limit(1).executeTakeFirstOrThrow();
      const project = await db.selectFrom('projects').select(['id', 'partnership_id']).where('directory_id', '=', DIRECTORY_2008_ID).where('pad_cofinanced', '=', 0).orderBy('id').limit(1).executeTakeFirstOrThrow();
      await db.updateTable('partnerships').set({ signed_date: '1999-03-01' }).where('directory_id', '=', DIRECTORY_2008_ID).where('id', '=', partnership.id).execute();
      await db.updateTable('projects').set({ pad_cofinanced: 1, status: 'completed', total_cost_amount: 1234.5, total_cost_currency: 'EUR', total_cost_approximate: 0 }).where('directory_id', '=', DIRECTORY_2008_ID).where('id', '=', project.id).execute();
      const outcome = await applySearchDelta(db, DIRECTORY_2008_ID, [{ type: 'partnership', id: partnership.id }, { type: 'project', id: project.id }], searchWords('fr'));
      expect(outcome).not.toHaveProperty('rebuild');
      const tally = await searcher.tally!(parseSearchParams({}).query, DIRECTORY_2008_ID, 1000);
      expect(tally!.changed.partnerships).toContain(partnership.id);
      expect(tally!.changed.projects).toContain(project.id);
      const after: Record<string, string>[] = [{}, { decade: '1990' }, { status: 'completed' }, { pad: 'yes' }];
      for (const params of after) await expectSameFigures(db, searcher, params);
    } finally {
      await searcher.close();
    }
  });
});
