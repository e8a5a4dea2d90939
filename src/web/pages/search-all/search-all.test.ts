/** The search across every directory, over real HTTP: the 2008 FR–MA directory and the test sites' synthetic FR–SN one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthDirectoryId } from '../../../synth/generate.js';
import { DIRECTORY_ID, openTestSite, PARTNER_DIRECTORY, type TestSite } from '../../testing.js';
import type { SearchAllView } from './data.js';

let site: TestSite;
const synthetic = synthDirectoryId({ ...PARTNER_DIRECTORY, countries: [...PARTNER_DIRECTORY.countries] });

beforeAll(async () => {
  site = await openTestSite();
}, 120_000);

afterAll(async () => site?.dispose());

const json = async (url: string) => {
  const response = await site.app.inject({ method: 'GET', url });
  expect(response.statusCode, url).toBe(200);
  return response.json<SearchAllView>();
};

describe('search across every directory', () => {
  it('finds the hits of both directories, with a directory facet whose counts are each directory’s own search', async () => {
    const view = await json('/repertoires/recherche.json?q=eau');
    const byId = new Map(view.directories.map((d) => [d.id, d]));
    expect([...byId.keys()].sort()).toEqual([DIRECTORY_ID, synthetic].sort());
    for (const d of view.directories) {
      const own = (await site.app.inject({ method: 'GET', url: d.href.replace('/recherche', '/recherche.json') })).json<{ total: number }>();
      expect(own.total, d.id).toBe(d.count);
    }
    expect(view.total).toBe(byId.get(DIRECTORY_ID)!.count + byId.get(synthetic)!.count);
    expect(byId.get(DIRECTORY_ID)!.count).toBeGreaterThan(0);
    expect(byId.get(synthetic)!.count).toBeGreaterThan(0);
    // by rank: the first hits alternate between the directories, each linking into its own
    expect(view.hits.slice(0, 2).map((h) => h.directory.id).sort()).toEqual([DIRECTORY_ID, synthetic].sort());
    for (const hit of view.hits) expect(hit.href.startsWith(`/r/${encodeURIComponent(hit.directory.id)}/`), hit.href).toBe(true);
    const first = view.hits[0]!;
    expect((await site.app.inject({ method: 'GET', url: first.href })).statusCode).toBe(200);
  });

  it('pages through the merged hits, and orders them by date when asked', async () => {
    const one = await json('/repertoires/recherche.json?q=eau');
    const two = await json('/repertoires/recherche.json?q=eau&page=2');
    expect(two.query.page).toBe(2);
    const ids = (v: SearchAllView) => v.hits.map((h) => `${h.directory.id}/${h.type}/${h.id}`);
    expect(ids(two).filter((id) => ids(one).includes(id))).toEqual([]);
    const dated = await json('/repertoires/recherche.json?q=eau&sort=date');
    const dates = dated.hits.map((h) => h.date ?? '');
    expect(dates).toEqual([...dates].sort((a, b) => b.localeCompare(a)));
  });

  it('draws its page, and is of the whole site only (no /r/<id>/ twin)', async () => {
    const page = await site.app.inject({ method: 'GET', url: '/repertoires/recherche?q=eau' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Recherche dans tous les répertoires : eau');
    expect((await site.app.inject({ method: 'GET', url: `/r/${synthetic}/repertoires/recherche?q=eau` })).statusCode).toBe(404);
  });
});
