/**
 * The whole site, crawled from / over its internal links (with a cap): no link leads to a 404 or
 * a 500, and no page nor JSON twin shows a named person's e-mail or phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNamedPerson } from '../census/privacy/index.js';
import { loadDocument } from '../store/load-document.js';
import { jsonTwin } from './paths.js';
import { DIRECTORY_ID, internalLinks, openTestSite, type TestSite } from './testing.js';

const CAP = 700;
let site: TestSite;
const pages = new Map<string, { status: number; body: string; json?: string; from: string }>();

beforeAll(async () => {
  site = await openTestSite();
  // the search box is a form, not a link: start from two searches as a reader would
  const queue: [string, string][] = [
    ['/', '(start)'],
    ['/recherche?q=eau', '(search box)'],
    ['/recherche?q=marrakech&sort=date', '(search box)'],
  ];
  while (queue.length > 0 && pages.size < CAP) {
    const [url, from] = queue.shift()!;
    if (pages.has(url)) continue;
    const response = await site.app.inject({ url });
    const entry: { status: number; body: string; json?: string; from: string } = { status: response.statusCode, body: response.body, from };
    pages.set(url, entry);
    if (!response.headers['content-type']?.toString().startsWith('text/html')) continue;
    entry.json = (await site.app.inject({ url: jsonTwin(url) })).body;
    // search pages link to every combination of facets: follow them one step only
    if (url.startsWith('/recherche') && from.startsWith('/recherche')) continue;
    for (const link of internalLinks(response.body)) {
      const target = link.split('#')[0]!;
      // a record's PDF is printed by Chromium for each request: record-pdf.test.ts fetches some
      if (target.endsWith('.pdf')) continue;
      // the same pages in English and Arabic (the language switch) are crawled by languages.test.ts
      if (/^\/(en|ar)(\/|$)/.test(target)) continue;
      if (target !== '' && !pages.has(target)) queue.push([target, url]);
    }
  }
}, 120_000);

afterAll(async () => site?.dispose());

describe('crawling the site', () => {
  it('reaches every kind of page', () => {
    const urls = [...pages.keys()];
    for (const prefix of ['/partenariats/', '/projets/', '/collectivites/', '/domaines/', '/synthese', '/rapport', '/autres-partenariats', '/recherche', '/assets/site.css', '/openapi.json']) {
      expect(urls.some((url) => url.startsWith(prefix)), prefix).toBe(true);
    }
    const dir = [...pages.keys()].filter((url) => /^\/(partenariats|projets|collectivites)\/[^?]+$/.test(url));
    expect(dir.length).toBeGreaterThanOrEqual(50 + 81 + 197); // 197 projects since issue 17 (two partners were read as projects)
  });

  it('finds no dead internal link and no server error', () => {
    const broken = [...pages].filter(([, page]) => page.status !== 200).map(([url, page]) => `${page.status} ${url} (linked from ${page.from})`);
    expect(broken).toEqual([]);
  });

  it('every HTML page has its JSON twin', () => {
    for (const [url, page] of pages) {
      if (page.json === undefined) continue;
      expect(() => JSON.parse(page.json!), url).not.toThrow();
    }
  });
});

describe('privacy', () => {
  it("no named person's e-mail or phone appears in any page or JSON twin", async () => {
    const doc = await loadDocument(site.store.db, DIRECTORY_ID);
    const people = doc.partnerships.flatMap((p) => p.contacts ?? []).filter(isNamedPerson);
    const emails = [...new Set(people.flatMap((c) => c.emails ?? []).map((e) => e.toLowerCase().replace(/\.$/, '')))];
    const phones = [...new Set(people.flatMap((c) => [...(c.phones ?? []), ...(c.faxes ?? [])]))].filter((p) => p.replace(/\D/g, '').length >= 8);
    expect(emails.length).toBeGreaterThan(50);
    expect(phones.length).toBeGreaterThan(50);
    for (const [url, page] of pages) {
      for (const text of [page.body, page.json ?? '']) {
        const lower = text.toLowerCase();
        for (const email of emails) expect(lower.includes(email), `${email} in ${url}`).toBe(false);
        for (const phone of phones) expect(text.includes(phone), `${phone} in ${url}`).toBe(false);
      }
    }
  });

  it('named people keep their name, role and collectivity, with a line saying who may see the rest', async () => {
    const page = pages.get('/partenariats/tours-marrakech')!.body;
    expect(page).toContain('Roseline GIRARD');
    expect(page).toContain('Directrice des Relations Internationales');
    expect(page).toContain('Les coordonnées des personnes nommées sont visibles des membres connectés.');
    const json = JSON.parse(pages.get('/partenariats/tours-marrakech')!.json!) as { contacts: Record<string, unknown>[] };
    const girard = json.contacts.find((c) => c.name === 'Roseline GIRARD')!;
    expect(girard).toEqual({
      name: 'Roseline GIRARD',
      role: 'Directrice des Relations Internationales, de la coopération décentralisée, des Affaires européennes',
      kind: 'staff',
      collectivity: expect.objectContaining({ id: 'fr-commune-tours' }),
      restricted: true,
    });
  });

  it('institutional coordinates and organisations stay public', () => {
    expect(pages.get('/collectivites/fr-commune-aix-en-provence')!.body).toContain('accueil@mairie-aixenprovence.fr');
    const vienne = pages.get('/partenariats/vienne-tiflet')!.body;
    // Robert COMBE speaks for IFAC 38: the association is named, his line's coordinates are his
    expect(vienne).toContain('IFAC 38');
    expect(vienne).toContain('Robert COMBE');
    expect(vienne).not.toContain('ifac38@ifacasso.fr');
  });
});
