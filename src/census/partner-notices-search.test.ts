/**
 * Partner-search notices in the search index, on both engines: an approved notice is found by its
 * words under the type `notice` until its last day; a pending one never, an expired one no more.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { rebuildSearchIndex } from '../search/build.js';
import { openSearcher } from '../search/pool.js';
import { openPostgresSearcher, openPostgresSqlSearcher, rebuildPostgresSearchIndex } from '../search/postgres/index.js';
import type { SearchQuery, Searcher } from '../search/types.js';
import { ENGINES } from '../test-support/engines.js';
import { createNoticeService } from './partner-notice-service.js';
import { dayOf } from './partner-notices.js';
import { censusStore, OUJDA } from './testing.js';

const DIRECTORY = 'franco-marocain-2008';
const DAY = 24 * 60 * 60_000;

const SEEKING = {
  domains: ['developpement-urbain'],
  partnerCountry: 'FR',
  partnerKind: 'commune',
  partnerRegion: 'provence-alpes-cote-d-azur',
};

const query = (q: string, filters: SearchQuery['filters'] = {}): SearchQuery => ({ q, filters, sort: 'relevance', page: 1, perPage: 20 });

describe.each(ENGINES)('partner-search notices in the search index on %s', (engine) => {
  it('finds an approved notice by a word of its description, until its last day; never a pending one', async () => {
    const { store, db, clock, editor, oujda } = await censusStore(engine);
    const notices = createNoticeService({ db, now: clock });
    const approved = await notices.publish(oujda, { ...SEEKING, description: 'Rénovation des médinas : nous cherchons une commune française expérimentée.', until: '2026-04-30' });
    await notices.approve(editor, approved.id);
    const soon = await notices.publish(editor, { ...SEEKING, collectivityId: OUJDA, description: 'Compostage des déchets verts dans les quartiers périphériques.', until: '2026-03-05' });
    await notices.approve(editor, soon.id);
    const pending = await notices.publish(oujda, { ...SEEKING, description: 'Bibliothèques numériques pour les écoles de la ville.', until: '2026-04-30' });

    // on PostgreSQL, the site's searcher and the one in SQL (postgres/searcher.ts) alike
    const searchers: Searcher[] = [];
    if (engine === 'sqlite') {
      await rebuildSearchIndex(db, DIRECTORY);
      searchers.push(await openSearcher({ databasePath: store.url, workers: 0 }));
    } else {
      await rebuildPostgresSearchIndex(db, DIRECTORY);
      searchers.push(openPostgresSearcher(db), openPostgresSqlSearcher(db));
    }
    onTestFinished(() => Promise.all(searchers.map((s) => s.close())).then(() => undefined));
    const today = dayOf(clock());
    for (const searcher of searchers) {

    const found = await searcher.search(query('renovation medinas', { type: ['notice'] }), DIRECTORY, today);
    expect(found.hits.map((h) => [h.type, h.id, h.collectivityId])).toEqual([['notice', approved.id, OUJDA]]);
    expect(found.hits[0]!.excerptHtml).toContain('<mark>Rénovation</mark>');
    // its facets: the type, the domains and kinds it seeks
    const everyNotice = await searcher.search(query('', { type: ['notice'] }), DIRECTORY, today);
    expect(everyNotice.total).toBe(2);
    expect(everyNotice.facets.type.find((v) => v.value === 'notice')).toMatchObject({ count: 2, selected: true });
    expect(everyNotice.facets.domain.find((v) => v.value === 'developpement-urbain')?.count).toBe(2);
    expect(everyNotice.facets.homeKind.find((v) => v.value === 'commune')?.count).toBe(2);
    // the other types are still counted beside it (a disjunctive facet)
    expect(everyNotice.facets.type.find((v) => v.value === 'partnership')?.count).toBeGreaterThan(0);

    // a pending notice is not in the index
    expect((await searcher.search(query('bibliotheques numeriques'), DIRECTORY, today)).total).toBe(0);
    expect((await searcher.search(query(pending.id), DIRECTORY, today)).hits.filter((h) => h.type === 'notice')).toEqual([]);

    // through its last day, not the day after: neither found nor counted
    expect((await searcher.search(query('compostage'), DIRECTORY, '2026-03-05')).hits.map((h) => h.id)).toEqual([soon.id]);
    const after = dayOf(new Date(Date.parse('2026-03-05T12:00:00Z') + DAY));
    const expired = await searcher.search(query('compostage'), DIRECTORY, after);
    expect(expired.total).toBe(0);
    const left = await searcher.search(query('', { type: ['notice'] }), DIRECTORY, after);
    expect(left.hits.map((h) => h.id)).toEqual([approved.id]);
    expect(left.facets.type.find((v) => v.value === 'notice')?.count).toBe(1);
    const everything = await searcher.search(query(''), DIRECTORY, after);
    const before = await searcher.search(query(''), DIRECTORY, today);
    expect(before.total - everything.total).toBe(1);
    }
  });
});
