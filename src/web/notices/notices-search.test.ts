/**
 * Partner-search notices on the search page, over the site (its store, index and searcher as
 * served; the postgres project runs it on PostgreSQL): an approved notice is a hit of type
 * `notice` linking to its page, the type facet counts "Recherches de partenaires", the JSON twin
 * carries the hit; a pending notice is not found, and the day after its last day neither is the
 * approved one, though the store has not changed (the page is dated).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../accounts/roles.js';
import { createNoticeService } from '../../census/partner-notice-service.js';
import { DIRECTORY_ID, openTestSite, type TestSite } from '../testing.js';

describe('partner-search notices in the search', () => {
  let now = new Date('2026-05-04T10:00:00Z');
  let site: TestSite;

  beforeAll(async () => {
    site = await openTestSite({ clock: () => new Date(now) });
  }, 120_000);

  afterAll(async () => {
    await site?.dispose();
  });

  const get = async (url: string, accept = 'text/html') => site.app.inject({ url, headers: { accept } });

  it('finds an approved notice under its type, until its last day; never a pending one', async () => {
    const notices = createNoticeService({ db: site.store.db, now: () => new Date(now), defaultDirectory: async () => DIRECTORY_ID });
    const seeking = { collectivityId: 'ma-commune-oujda', partnerCountry: 'FR', partnerKind: 'commune' };
    const shown = await notices.publish(CLI_ACTOR, { ...seeking, description: 'Oujda cherche une commune française pour la valorisation des oliveraies.', until: '2026-05-05' });
    await notices.approve(CLI_ACTOR, shown.id);
    await notices.publish(CLI_ACTOR, { ...seeking, description: 'Oujda cherche une commune française pour ses planétariums scolaires.', until: '2026-05-05' });

    const page = await get('/recherche?q=oliveraies&type=notice');
    expect(page.statusCode).toBe(200);
    const card = /<li class="hit hit-notice">.*?<\/li>/s.exec(page.body)?.[0] ?? '';
    expect(card).toContain('Recherche de partenaire');
    expect(card).toContain(`href="/recherches-de-partenaires/${shown.id}"`);
    expect(card).toContain('<mark>oliveraies</mark>');
    expect(page.body).toMatch(/Recherches de partenaires <span class="count">1<\/span>/);

    const json = JSON.parse((await get('/recherche.json?q=oliveraies')).body) as { hits: { type: string; id: string; href: string }[]; facets: { name: string; values: { value: string; label: string; count: number }[] }[] };
    expect(json.hits).toEqual([expect.objectContaining({ type: 'notice', id: shown.id, href: `/recherches-de-partenaires/${shown.id}` })]);
    expect(json.facets.find((f) => f.name === 'type')?.values).toContainEqual(expect.objectContaining({ value: 'notice', label: 'Recherches de partenaires', count: 1 }));
    // in the other languages: the English and Arabic labels
    expect((await get('/en/recherche?q=oliveraies')).body).toContain('Partner search');
    const arabic = (await get('/ar/recherche?q=oliveraies')).body;
    expect(arabic).toContain('بحث عن شريك');
    // the collectivity that seeks, under its name in the page's language
    expect(arabic).toContain('الجماعة الحضرية لوجدة');

    // a pending notice is found by nobody
    expect(JSON.parse((await get('/recherche.json?q=planetariums')).body).total).toBe(0);

    // the day after its last day: gone from the results and the counts, the store unchanged
    now = new Date('2026-05-06T08:00:00Z');
    const after = JSON.parse((await get('/recherche.json?q=oliveraies')).body) as { total: number; facets: { name: string; values: { value: string }[] }[] };
    expect(after.total).toBe(0);
    expect((await get('/recherche?q=oliveraies&type=notice')).body).not.toContain(`/recherches-de-partenaires/${shown.id}`);
  }, 60_000);
});
