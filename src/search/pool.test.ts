/** The worker pool answers exactly what an in-process search does, concurrently, and survives misuse. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearchParams } from './params.js';
import { openSearcher } from './pool.js';
import { indexed2008Store, type IndexedStore } from './testing.js';
import type { SearchResult, Searcher } from './types.js';

let store: IndexedStore;
let pool: Searcher;
let local: Searcher;

beforeAll(async () => {
  store = await indexed2008Store();
  pool = await openSearcher({ databasePath: store.path, workers: 2 });
  local = await openSearcher({ databasePath: store.path, workers: 0 });
}, 60_000);

afterAll(async () => {
  await pool?.close();
  await local?.close();
  await store?.dispose();
});

const comparable = (result: SearchResult) => ({ ...result, tookMs: 0 });

describe('the worker pool', () => {
  it('returns the same results as an in-process search', async () => {
    const queries = [{}, { q: 'fes' }, { q: 'eau', domain: 'environnement', sort: 'date' }, { pad: 'yes' }, { q: 'enviromnent' }, { q: 'dév', page: '2' }, { type: 'collectivity', sort: 'name' }];
    const inPool = await Promise.all(queries.map((params) => pool.search(parseSearchParams(params).query)));
    for (const [i, params] of queries.entries()) {
      expect(comparable(inPool[i]!)).toEqual(comparable(await local.search(parseSearchParams(params).query)));
    }
  });

  it('serves many concurrent searches', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => pool.search(parseSearchParams({ q: i % 2 ? 'eau' : 'culture', page: String(1 + (i % 3)) }).query)));
    expect(results.every((r) => r.total > 0)).toBe(true);
  });

  it('takes any query object: only plain data reaches the workers', async () => {
    const weird = { q: { toString: () => 'eau' }, filters: { domain: [() => 1, 'culture'], pad: Symbol('x') }, sort: 'name', page: 2n, perPage: '7' } as unknown as Parameters<Searcher['search']>[0];
    const result = await pool.search(weird, 42 as unknown as string);
    expect(result.query.filters).toEqual({ domain: ['culture'] });
    expect(result.query.sort).toBe('name');
    const hostile = await pool.search(parseSearchParams({ q: '"NEAR(*)" AND -: '.repeat(600), page: '-5', perPage: '1e6' }).query);
    expect(hostile.query.perPage).toBe(100);
    expect(hostile.query.q.length).toBeLessThanOrEqual(500);
  });

  it('refuses a store it cannot open, and searches after close', async () => {
    await expect(openSearcher({ databasePath: `${store.path}.missing` })).rejects.toThrow(/cannot open/);
    const other = await openSearcher({ databasePath: store.path, workers: 1 });
    await other.close();
    await expect(other.search(parseSearchParams({}).query)).rejects.toThrow(/closed/);
  });
});
