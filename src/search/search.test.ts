/** Searching the 2008 directory, imported into a real SQLite store. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { readDirectory } from '../import/directory/index.js';
import { SEED_COUNTRIES } from '../import/directory/testing.js';
import { openStore } from '../store/db.js';
import { saveDocument } from '../store/save-document.js';
import { tempDir } from '../test-support/temp-store.js';
import { rebuildSearchIndex } from './build.js';
import { searchWords } from '../web/i18n/codes.js';
import { fold } from './text.js';
import { parseSearchParams, searchParamsOf } from './params.js';
import { openSearcher } from './pool.js';
import { DIRECTORY_2008, indexed2008Store, type IndexedStore } from './testing.js';
import { FACET_NAMES, type SearchQuery, type SearchResult, type Searcher } from './types.js';

let store: IndexedStore;
let searcher: Searcher;

beforeAll(async () => {
  store = await indexed2008Store();
  searcher = await openSearcher({ databasePath: store.path, workers: 0 });
}, 60_000);

afterAll(async () => {
  await searcher?.close();
  await store?.dispose();
});

const search = (params: Record<string, string | string[]>) => searcher.search(parseSearchParams(params).query);
const text = (result: SearchResult) => result.hits.map((h) => `${h.title} ${h.subtitle} ${h.excerptHtml}`).join('\n');
const sum = (result: SearchResult, facet: (typeof FACET_NAMES)[number]) => result.facets[facet].reduce((n, v) => n + v.count, 0);

describe('finding', () => {
  it('"fes" finds the partnerships of Fès', async () => {
    const result = await search({ q: 'fes', type: 'partnership' });
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits.every((h) => h.type === 'partnership')).toBe(true);
    expect(result.hits.map((h) => h.title)).toContain('Marseille – Fès');
    expect(text(await search({ q: 'fes' }))).toContain('<mark>Fès</mark>');
  });

  it('is accent-, case- and plural-insensitive', async () => {
    const energie = await search({ q: 'energie' });
    expect(energie.total).toBeGreaterThan(0);
    expect(text(energie)).toMatch(/énergie/i);
    expect((await search({ q: 'ÉNERGIE' })).total).toBe(energie.total);
    const echange = await search({ q: 'échange' });
    expect(text(echange)).toMatch(/<mark>échanges<\/mark>/i);
    expect((await search({ q: 'echanges ' })).total).toBe((await search({ q: 'échange ' })).total);
    expect((await search({ q: 'eaux ' })).total).toBe((await search({ q: 'eau ' })).total);
  });

  it('reads names with hyphens and elisions', async () => {
    const aix = await search({ q: 'Aix-en-Provence' });
    expect(aix.total).toBeGreaterThan(0);
    expect(aix.hits[0]!.title).toMatch(/Aix-en-Provence/);
    const eau = await search({ q: "l'eau" });
    expect(eau.total).toBeGreaterThan(0);
    expect(text(eau)).toContain('<mark>eau</mark>');
  });

  it('takes the last word as a prefix while typed', async () => {
    const result = await search({ q: 'marra' });
    expect(result.hits.map((h) => h.title).join()).toContain('Marrakech');
    expect(text(result)).toContain('<mark>Marrakech</mark>');
    expect((await search({ q: 'marra ' })).total).toBe(0); // a finished word is a word
  });

  it('ranks a record named by the query first', async () => {
    const result = await search({ q: 'Marseille Fès' });
    expect(result.hits[0]!.title).toBe('Marseille – Fès');
  });

  it('names a partnership by its places, each once (Ville de Lyon and Communauté urbaine de Lyon: "Lyon – Rabat")', async () => {
    const titles = (await search({ q: 'Lyon Rabat' })).hits.map((h) => h.title);
    expect(titles).toContain('Lyon – Rabat');
    expect(titles.join()).not.toContain('Lyon – Lyon');
  });

  it('browses everything with an empty query', async () => {
    const result = await search({});
    // 197 projects: two partners of a list (Stains, PACA) are no longer read as projects (issue 17)
    expect(result.total).toBe(50 + 197 + 81);
    expect(result.pages).toBe(Math.ceil(328 / 20));
  });

  it('suggests the nearest known word, or fewer filters, when nothing matches', async () => {
    const typo = await search({ q: 'enviromnent' });
    expect(typo.total).toBe(0);
    expect(typo.suggestions[0]).toBe('q=environnement');
    const tooNarrow = await search({ q: 'fes', pad: 'yes', status: 'planned' });
    if (tooNarrow.total === 0) expect(tooNarrow.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of [...typo.suggestions, ...tooNarrow.suggestions]) {
      expect((await searcher.search(parseSearchParams(Object.fromEntries(new URLSearchParams(suggestion))).query)).total).toBeGreaterThan(0);
    }
  });
});

/** Every document a query finds, over all its pages: `type:id`. */
async function found(q: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (let page = 1; ; page += 1) {
    const result = await search({ q, perPage: '100', page: String(page) });
    for (const hit of result.hits) out.add(`${hit.type}:${hit.id}`);
    if (page >= result.pages) return out;
  }
}

describe('OR and exclusion', () => {
  it('"eau OR assainissement" finds what either word finds, and "ou" says the same', async () => {
    const eau = await found('eau ');
    const sanitation = await found('assainissement ');
    const either = await found('eau OR assainissement');
    expect([...either].sort()).toEqual([...new Set([...eau, ...sanitation])].sort());
    const tourism = await found('tourisme ');
    const eauOrTourism = await found('eau OR tourisme');
    expect(eauOrTourism.size).toBeGreaterThan(Math.max(eau.size, tourism.size));
    expect([...eauOrTourism].sort()).toEqual([...new Set([...eau, ...tourism])].sort());
    expect([...(await found('eau ou assainissement'))].sort()).toEqual([...either].sort());
    // a group is every one of its words: "marrakech culture OR agadir eau"
    const groups = await found('marrakech culture OR agadir eau');
    const marrakechCulture = await found('marrakech culture ');
    const agadirEau = await found('agadir eau ');
    expect([...groups].sort()).toEqual([...new Set([...marrakechCulture, ...agadirEau])].sort());
  });

  it('"culture -festival" finds what "culture" finds without "festival"', async () => {
    const culture = await found('culture ');
    const festival = await found('festival ');
    expect([...culture].some((doc) => festival.has(doc))).toBe(true);
    const without = await found('culture -festival');
    expect([...without].sort()).toEqual([...culture].filter((doc) => !festival.has(doc)).sort());
    expect(without.size).toBeLessThan(culture.size);
    // an excluded word alone: everything but
    expect((await found("-festival")).size).toBe(50 + 197 + 81 - festival.size); // every document: partnerships, projects, collectivities
  });

  it('highlights the words of every group, never an excluded one', async () => {
    const excerpts = text(await search({ q: 'eau OR assainissement', perPage: '100' }));
    expect(excerpts).toContain('<mark>eau</mark>');
    expect(excerpts).toMatch(/<mark>assainissement<\/mark>/i);
    expect(text(await search({ q: 'culture -festival', perPage: '100' }))).not.toMatch(/<mark>festival/i);
  });
});

describe('facets', () => {
  it('add up to the results', async () => {
    for (const params of [{}, { q: 'eau' }, { q: 'culture', domain: 'culture' }, { decade: '1990' }] as Record<string, string>[]) {
      const result = await search(params);
      expect(sum(result, 'type')).toBe(result.total);
      const projects = result.facets.type.find((v) => v.value === 'project')?.count ?? 0;
      expect(sum(result, 'pad')).toBe(projects);
      expect(sum(result, 'status')).toBe(projects);
      expect(sum(result, 'decade')).toBeGreaterThanOrEqual(result.total - (result.facets.type.find((v) => v.value === 'collectivity')?.count ?? 0));
    }
  });

  it('PAD = yes gives exactly the 12 PAD projects', async () => {
    const result = await search({ pad: 'yes', perPage: '100' });
    expect(result.total).toBe(12);
    expect(result.hits).toHaveLength(12);
    expect(result.hits.every((h) => h.type === 'project' && h.padCofinanced === true)).toBe(true);
    // disjunctive: the facet's own selection does not narrow its counts
    expect(result.facets.pad).toEqual([
      { value: 'yes', count: 12, selected: true },
      { value: 'no', count: 185, selected: false }, // 185 since issue 17 (two partners were read as projects)
    ]);
    expect(result.facets.type).toEqual([{ value: 'project', count: 12, selected: false }]);
  });

  it('follow the other filters and keep selected values at zero', async () => {
    const all = await search({});
    const culture = await search({ domain: 'culture' });
    expect(culture.total).toBeLessThan(all.total);
    expect(culture.facets.type.reduce((n, v) => n + v.count, 0)).toBe(culture.total);
    // OR inside a facet
    const sport = await search({ domain: 'sport' });
    const both = await search({ domain: ['culture', 'sport'] });
    expect(both.total).toBeGreaterThanOrEqual(Math.max(culture.total, sport.total));
    expect(both.total).toBeLessThanOrEqual(culture.total + sport.total);
    // AND across facets
    const cultureProjects = await search({ domain: 'culture', type: 'project' });
    expect(cultureProjects.total).toBe(culture.facets.type.find((v) => v.value === 'project')!.count);
    const none = await search({ q: 'fes', status: 'planned', pad: 'yes' });
    expect(none.facets.status.find((v) => v.value === 'planned')?.selected).toBe(true);
    expect(none.facets.pad.find((v) => v.value === 'yes')?.selected).toBe(true);
  });

  it('a parent domain selects its children', async () => {
    const parent = await search({ domain: 'culture', type: 'project' });
    const child = await search({ domain: 'culture-lecture', type: 'project' });
    expect(child.total).toBeGreaterThan(0);
    expect(parent.total).toBeGreaterThanOrEqual(child.total);
    const value = parent.facets.domain.find((v) => v.value === 'culture-lecture')!;
    expect(value.parent).toBe('culture');
    expect(value.label).toBe('Lecture');
  });

  it('carries kinds, statuses and decades as codes, by side of the directory (the web layer labels them)', async () => {
    const result = await search({});
    expect(result.facets.homeKind.find((v) => v.value === 'departement')).toEqual({ value: 'departement', count: expect.any(Number), selected: false });
    expect(result.facets.homeKind.map((v) => v.value)).not.toContain('commune-urbaine');
    expect(result.facets.partnerKind.find((v) => v.value === 'commune-urbaine')?.label).toBeUndefined();
    expect(result.facets.partnerKind.map((v) => v.value)).not.toContain('departement');
    expect(result.facets.status.map((v) => v.value)).toEqual(['ongoing', 'completed', 'planned']);
    expect(result.facets.status.every((v) => v.label === undefined)).toBe(true);
    expect(result.facets.decade.map((v) => v.value)).toEqual(['1980', '1990', '2000', 'unknown']);
    expect(result.facets.decade[1]!.label).toBeUndefined();
    const funders = result.facets.funder.map((v) => v.label);
    expect(funders).toContain('PAD');
    expect(funders).toContain('MAE');
    expect(funders.length).toBeLessThanOrEqual(30);
  });
});

describe('order and pages', () => {
  it('sorts by date, most recent first, and by name', async () => {
    const byDate = await search({ type: 'partnership', sort: 'date', perPage: '100' });
    const dates = byDate.hits.map((h) => h.date).filter((d): d is string => d !== undefined);
    expect(dates.length).toBeGreaterThan(10);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(byDate.hits.at(-1)!.date).toBeUndefined(); // undated last
    const byName = await search({ type: 'collectivity', sort: 'name', perPage: '100' });
    const names = byName.hits.map((h) => fold(h.title).replace(/[^a-z0-9]+/g, ' ').trim());
    expect([...names].sort()).toEqual(names);
  });

  it('pages through all the results once', async () => {
    const first = await search({ q: 'eau', perPage: '7' });
    const seen = new Set<string>();
    for (let page = 1; page <= first.pages; page += 1) {
      const result = await search({ q: 'eau', perPage: '7', page: String(page) });
      for (const hit of result.hits) seen.add(`${hit.type}:${hit.id}`);
    }
    expect(seen.size).toBe(first.total);
    const beyond = await search({ q: 'eau', perPage: '7', page: '1000' });
    expect(beyond.query.page).toBe(first.pages);
    expect(beyond.notices.length).toBeGreaterThan(0);
  });
});

describe('hostile input', () => {
  const hostile = ['"', '*', '(', ')', 'NEAR', 'NEAR(a b)', '-', ':', 'AND', 'OR NOT', 'a AND b', 'col:eau', '^eau', '"eau', 'é'.repeat(10_000), 'x'.repeat(10_000), '\u0000\uffff\ud800', '🙂🙂', '   ', "l'", "''''"];
  it('never throws, and answers with results or notices', async () => {
    for (const q of hostile) {
      const result = await search({ q });
      expect(result.total).toBeGreaterThanOrEqual(0);
    }
    const negative = parseSearchParams({ page: '-1' });
    expect(negative.notices.length).toBeGreaterThan(0);
    expect((await searcher.search(negative.query)).query.page).toBe(1);
    const huge = await search({ page: '1e9' });
    expect(huge.hits.length).toBeGreaterThan(0);
    expect(huge.notices.length).toBeGreaterThan(0);
    const unknown = await search({ domain: 'no-such-domain', pad: 'maybe' });
    expect(unknown.total).toBe(328); // 50 + 197 + 81 since issue 17
    expect(unknown.query.filters).toEqual({});
    expect(unknown.notices.join()).toContain('no-such-domain');
  });

  it('property: any parameters, any text', async () => {
    const names = ['q', 'sort', 'page', 'perPage', ...FACET_NAMES, 'zzz'];
    const value = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('eau', 'fes', 'culture', 'yes', '1990', '-1', '1e9', 'NaN', '"', '*'));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...names), fc.oneof(value, fc.array(value, { maxLength: 3 }))), async (params) => {
        const { query, notices } = parseSearchParams(params);
        expect(Array.isArray(notices)).toBe(true);
        const result = await searcher.search(query);
        expect(result.hits.length).toBeLessThanOrEqual(result.query.perPage);
        expect(result.total).toBeGreaterThanOrEqual(result.hits.length);
        expect(sum(result, 'type')).toBe(result.total);
        for (const hit of result.hits) expect(hit.excerptHtml).not.toMatch(/<(?!\/?mark>)/);
        expect(parseSearchParams(Object.fromEntries(searchParamsOf(result.query))).query.q).toBe(result.query.q.trim() === '' ? '' : result.query.q);
      }),
      { numRuns: 300 },
    );
  });

  it('a hand-built query object with nonsense in it', async () => {
    const weird = { q: 42, filters: { domain: 'culture', pad: [1, 'yes'], nope: ['x'] }, sort: {}, page: Number.NaN, perPage: -5 } as unknown as SearchQuery;
    const result = await searcher.search(weird);
    expect(result.query.filters).toEqual({ domain: ['culture'], pad: ['yes'] });
    expect(result.query.perPage).toBe(1);
  });
});

describe('the facets of the home side', () => {
  it('read the former name frenchKind as homeKind: an old URL gives the same results, and links to the new name', async () => {
    const old = parseSearchParams({ q: 'eau', frenchKind: 'commune' });
    const renamed = parseSearchParams({ q: 'eau', homeKind: 'commune' });
    expect(old.query).toEqual(renamed.query);
    expect(old.notices).toEqual([]);
    expect(searchParamsOf(old.query).toString()).toBe('q=eau&homeKind=commune');
    const [a, b] = [await search({ q: 'eau', frenchKind: 'commune' }), await search({ q: 'eau', homeKind: 'commune' })];
    expect(a.total).toBeGreaterThan(0);
    expect(a.total).toBeLessThan((await search({ q: 'eau' })).total);
    expect(a.hits.map((h) => h.id)).toEqual(b.hits.map((h) => h.id));
  });

  it('find documents by the words the web layer gives for their codes, indexed but never shown', async () => {
    const morocco = await search({ q: 'maroc', type: 'collectivity', perPage: '100' });
    expect(morocco.total).toBe(33);
    expect(morocco.facets.partnerKind.reduce((n, v) => n + v.count, 0)).toBe(33);
    expect(morocco.facets.homeKind).toEqual([]);
    expect(morocco.hits.some((h) => /maroc/i.test(h.subtitle))).toBe(false);
    const completed = await search({ q: 'terminé', type: 'project' });
    expect(completed.facets.status.find((v) => v.value === 'completed')?.count).toBe(83);
    expect((await search({ q: 'habitants', type: 'collectivity' })).total).toBeGreaterThan(50);
  });

  it('keep no label of the project\'s vocabularies in the index dictionary', async () => {
    const local = await openStore(loadConfig({ DATABASE_URL: store.path }));
    try {
      const row = await local.db.selectFrom('search_meta' as never).select('value' as never).where('key' as never, '=', 'dict' as never).executeTakeFirstOrThrow();
      const dict = Buffer.from((row as { value: Uint8Array }).value).toString('utf8');
      for (const label of ['Réalisé', 'Terminé', 'En cours', 'Intention', 'Années 19', 'Date inconnue', 'Cofinancé', 'Commune urbaine', 'Département', 'Collectivité', 'Partenariat']) {
        expect(dict, label).not.toContain(label);
      }
      const parsed = JSON.parse(dict) as { facets: { status: { value: string }[]; domain: { label?: string }[] } };
      expect(parsed.facets.status.map((e) => e.value)).toEqual(['ongoing', 'completed', 'planned', 'other']);
      expect(parsed.facets.domain.every((e) => typeof e.label === 'string')).toBe(true);
    } finally {
      await local.close();
    }
  });
});

describe('text from the data', () => {
  it('is escaped in excerpts', async () => {
    const dir = tempDir();
    const path = join(dir, 'store.db');
    const local = await openStore(loadConfig({ DATABASE_URL: path }));
    try {
      const read = readDirectory(readFileSync(DIRECTORY_2008, 'utf8'), { document: 'repertoire-franco-marocain-2008.txt' , countries: SEED_COUNTRIES });
      const project = read.document.partnerships[0]!.projects![0]!;
      project.description = `<script>alert("eau")</script> <b>gras</b> & l'eau`;
      await saveDocument(local.db, read.document);
      await rebuildSearchIndex(local.db, 'repertoire-franco-marocain-2008');
    } finally {
      await local.close();
    }
    const s = await openSearcher({ databasePath: path, workers: 0 });
    try {
      const result = await s.search(parseSearchParams({ q: 'script alert' }).query);
      expect(result.total).toBe(1);
      const html = result.hits[0]!.excerptHtml;
      expect(html.startsWith('&lt;<mark>script</mark>&gt;<mark>alert</mark>(&quot;eau&quot;)&lt;/<mark>script</mark>&gt; &lt;b&gt;gras&lt;/b&gt; &amp; l&#39;eau')).toBe(true);
      expect(html).not.toMatch(/<(?!\/?mark>)/);
    } finally {
      await s.close();
    }
  });
});

describe('rebuilding', () => {
  it('runs inside a caller\'s transaction too, and refuses an unknown directory', async () => {
    await store.db.transaction().execute((trx) => rebuildSearchIndex(trx, store.directoryId, undefined, undefined, searchWords('fr')));
    expect((await search({ q: 'fes' })).total).toBeGreaterThan(0);
    await expect(rebuildSearchIndex(store.db, 'no-such-directory')).rejects.toThrow(/no directory/);
  });
});
