/** The search page over the real searcher and the 2008 directory's index. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestSite, type TestSite } from '../../testing.js';
import type { SearchView } from './data.js';

let site: TestSite;

beforeAll(async () => {
  site = await openTestSite();
}, 60_000);

afterAll(async () => site?.dispose());

const get = (url: string) => site.app.inject({ url });
const view = async (query: string) => (await get(`/recherche.json${query}`)).json<SearchView>();

describe('the search page', () => {
  it('shows hits with highlighted excerpts, links to the records, and the query in the box', async () => {
    const response = await get('/recherche?q=marrakech');
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/<h1>Recherche : marrakech<\/h1>/);
    expect(response.body).toContain('<mark>');
    expect(response.body).toContain('href="/collectivites/ma-commune-marrakech"');
    expect(response.body).toContain('<input id="search-q" name="q" type="search" value="marrakech"');
    expect(response.body).toContain('<input id="site-q" name="q" type="search" value="marrakech"');
    expect(response.body).toMatch(/\d+ résultats/);
  });

  it('says how to search for one word or another and how to leave a word out, and does what it says', async () => {
    const body = (await get('/recherche?q=eau+OR+assainissement')).body;
    expect(body).toContain('aria-describedby="search-help"');
    expect(body).toContain('« eau OR assainissement »');
    expect(body).toContain('« culture -festival »');
    const either = await view('?q=eau+OR+tourisme');
    const [eau, tourism] = [await view('?q=eau+'), await view('?q=tourisme+')];
    expect(either.total).toBeGreaterThan(Math.max(eau.total, tourism.total));
    const without = await view('?q=culture+-festival');
    expect(without.total).toBeLessThan((await view('?q=culture+')).total);
    expect(without.total).toBeGreaterThan(0);
  });

  it('facets are checkbox links with counts; several values per facet; selected first and removable', async () => {
    const first = await view('?q=eau');
    const domain = first.facets.find((f) => f.name === 'domain')!;
    const [a, b] = domain.values.filter((v) => !v.selected && v.count > 0);
    expect(a && b).toBeTruthy();
    const one = await view(new URL(a!.href, 'http://x').search);
    expect(one.query.filters.domain).toEqual([a!.value]);
    const oneDomain = one.facets.find((f) => f.name === 'domain')!;
    expect(oneDomain.values[0]).toMatchObject({ value: a!.value, selected: true });
    const bAgain = oneDomain.values.find((v) => v.value === b!.value)!;
    const two = await view(new URL(bAgain.href, 'http://x').search);
    expect([...(two.query.filters.domain ?? [])].sort()).toEqual([a!.value, b!.value].sort());
    expect(two.selected.map((s) => s.value).sort()).toEqual([a!.value, b!.value].sort());
    const removed = await view(new URL(two.selected.find((s) => s.value === a!.value)!.removeHref, 'http://x').search);
    expect(removed.query.filters.domain).toEqual([b!.value]);

    const html = (await get(new URL(a!.href, 'http://x').pathname + new URL(a!.href, 'http://x').search)).body;
    expect(html).toMatch(/role="checkbox" aria-checked="true" class="facet-value selected">/);
    expect(html).toContain('Tout effacer');
  });

  it('reads an old frenchKind= URL as homeKind: the same results, and links written with homeKind', async () => {
    const old = await view('?q=eau&frenchKind=commune');
    const renamed = await view('?q=eau&homeKind=commune');
    expect(old.total).toBeGreaterThan(0);
    expect(old.total).toBeLessThan((await view('?q=eau')).total);
    expect(old.total).toBe(renamed.total);
    expect(old.hits.map((h) => h.id)).toEqual(renamed.hits.map((h) => h.id));
    expect(old.query.filters).toEqual({ homeKind: ['commune'] });
    expect(old.sorts.find((s) => s.value === 'name')!.href).toBe('/recherche?q=eau&homeKind=commune&sort=name');
    expect(old.notices).toEqual([]);
    expect((await get('/recherche?q=eau&frenchKind=commune')).statusCode).toBe(200);
  });

  it('labels the codes from the catalogue, and heads the kinds by the directory\'s countries', async () => {
    const v = await view('');
    expect(v.countries).toEqual(['FR', 'MA']);
    const values = (name: string) => v.facets.find((f) => f.name === name)!.values;
    expect(values('status').map((x) => [x.value, x.label])).toEqual([['ongoing', 'En cours'], ['completed', 'Terminé'], ['planned', 'En projet']]);
    expect(values('homeKind').find((x) => x.value === 'departement')!.label).toBe('Département');
    expect(values('partnerKind').find((x) => x.value === 'commune-urbaine')!.label).toBe('Commune urbaine');
    expect(values('decade').find((x) => x.value === '1990')!.label).toBe('Années 1990');
    expect(values('pad').find((x) => x.value === 'yes')!.label).toBe('Cofinancé par le PAD');
    expect(values('type').find((x) => x.value === 'project')!.label).toBe('Projet');
    const selected = await view('?status=completed');
    expect(selected.selected).toEqual([expect.objectContaining({ facet: 'status', value: 'completed', label: 'Terminé' })]);
    const html = (await get('/recherche')).body;
    expect(html).toContain('<h3>Collectivité française</h3>');
    expect(html).toContain('<h3>Collectivité marocaine</h3>');
    expect(html).not.toContain('Réalisé');
  });

  it('the whole state is in the URL: sort and pages are links', async () => {
    const v = await view('?q=culture&sort=date');
    expect(v.query.sort).toBe('date');
    expect(v.sorts.find((s) => s.current)!.value).toBe('date');
    expect(v.sorts.find((s) => s.value === 'name')!.href).toBe('/recherche?q=culture&sort=name');
    if (v.pagination.pages > 1) {
      expect(v.pagination.next).toBe('/recherche?q=culture&sort=date&page=2');
      const page2 = await view('?q=culture&sort=date&page=2');
      expect(page2.query.page).toBe(2);
      expect(page2.hits[0]!.id).not.toBe(v.hits[0]!.id);
    }
    const html = (await get('/recherche?q=culture&sort=date')).body;
    expect(html).toContain('<option value="date" selected>');
  });

  it('nothing found: says so, and suggests what would match', async () => {
    const v = await view('?q=eau&domain=sport');
    expect(v.total).toBe(0);
    const html = (await get('/recherche?q=eau&domain=sport')).body;
    expect(html).toContain('Aucun résultat.');
    if (v.suggestions.length > 0) {
      expect(html).toContain('Essayez plutôt :');
      expect(v.suggestions[0]!.href).toMatch(/^\/recherche\?/);
    }
  });

  it('says when the query was shortened, or a page or filter was odd', async () => {
    const v = await view(`?q=${'eau '.repeat(300)}&page=-1&colour=red`);
    expect(v.notices.join(' ')).toMatch(/tronquée à 500 caractères/);
    expect(v.notices.join(' ')).toMatch(/page/i);
    const html = (await get(`/recherche?q=${'eau '.repeat(300)}`)).body;
    expect(html).toContain('<ul class="notices" role="status">');
  });

  it('an excerpt never shows a named person’s coordinates', async () => {
    const v = await view('?q=riad-mounia');
    for (const hit of v.hits) expect(hit.excerptHtml).not.toMatch(/riad-mounia@/);
  });
});

describe('never a 5xx, whatever the query string', () => {
  const part = fc.oneof(
    fc.string({ maxLength: 50 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.constantFrom('"', '*', 'NEAR(', 'AND', 'OR NOT', '^', ':', '(', ')', '%', '%%', '%E0%A4%A', '\u0000', '\ud800', '😀', 'ع', '<mark>'),
    fc.integer().map(String),
    fc.constant('x'.repeat(10_000)),
  );
  const params = fc.array(
    fc.tuple(fc.constantFrom('q', 'q', 'page', 'perPage', 'sort', 'domain', 'type', 'region', 'funder', 'pad', 'decade', 'unknown', 'q[]'), part),
    { maxLength: 6 },
  );

  /** Percent-encoded UTF-8, lone surrogates included (they become U+FFFD, as a browser sends them). */
  const bytes = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

  it('random query strings get results or a clear message', async () => {
    await fc.assert(
      fc.asyncProperty(params, fc.boolean(), async (pairs, json) => {
        const query = pairs.map(([name, value]) => `${bytes(name)}=${bytes(value)}`).join('&');
        const response = await get(`/recherche${json ? '.json' : ''}?${query}`);
        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode === 200 && !json) expect(response.body).toContain('<h1>');
      }),
      { numRuns: 150 },
    );
  });

  it('raw, undecoded oddities too', async () => {
    for (const raw of ['q=%', 'q=%E0%A4%A', 'q=a&q=b&q=c', 'page=1e9', 'page=-1', 'page=1000000000', 'perPage=0', 'q=' + '%F0%9F%98%80'.repeat(3000), '&&&=&', 'q=NEAR(a%20b)', 'domain=%3Cscript%3E', 'q=%ED%A0%80', 'q=%C0%AF', 'q=%FF%FE']) {
      const response = await get(`/recherche?${raw}`);
      expect(response.statusCode, raw).toBeLessThan(500);
    }
  });
});
