/**
 * The site in its three languages: French at the root, English under /en/, Arabic under /ar/, for
 * every page, public and members'; each page's links stay in its language; a switch on every page
 * leads to the same page and query in the others; Accept-Language only suggests, on a first visit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthDirectoryId } from '../synth/generate.js';
import { VISITED_COOKIE } from './request-language.js';
import { internalLinks, openTestSite, PARTNER_DIRECTORY, type TestSite } from './testing.js';

let site: TestSite;

beforeAll(async () => {
  site = await openTestSite();
}, 60_000);

afterAll(async () => site?.dispose());

const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });

/** A page's links but those that lead to another language on purpose: the switch, the alternates, the notice. */
function ownLinks(body: string): string[] {
  const kept = body
    .replace(/<nav class="languages[\s\S]*?<\/nav>/g, '')
    .replace(/<link rel="alternate" hreflang="[^"]*" href="[^"]*">/g, '')
    .replace(/<p class="language-notice[\s\S]*?<\/p>/g, '');
  return internalLinks(kept);
}

/** Links that belong to no language: assets, base maps, the API's description, the data catalogue (DCAT), the health check. */
const NEUTRAL = /^\/(assets|cartes)\/|^\/openapi\.json$|^\/catalogue\.jsonld$|^\/sante$/;

describe('a language per request', () => {
  it('serves each page in French at the root, in English under /en/ and in Arabic under /ar/', async () => {
    const fr = await get('/partenariats');
    const en = await get('/en/partenariats');
    const ar = await get('/ar/partenariats');
    expect([fr.statusCode, en.statusCode, ar.statusCode]).toEqual([200, 200, 200]);
    expect(fr.body).toContain('<html lang="fr" dir="ltr">');
    expect(en.body).toContain('<html lang="en" dir="ltr">');
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(en.body).toContain('>Partnerships<');
    expect(ar.body).toContain('>الشراكات<');
    for (const url of ['/en', '/en/', '/ar', '/ar/', '/en/r/repertoire-franco-marocain-2008', '/ar/partenariats/tours-marrakech', '/en/connexion', '/ar/recherche?q=rabat'])
      expect((await get(url)).statusCode, url).toBe(200);
    expect((await get('/de/partenariats')).statusCode).toBe(404);
    // an unknown page is a 404 in its language
    const missing = await get('/en/nowhere');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('<html lang="en"');
  });

  it('offers the same page and query in the other languages, and alternates for each', async () => {
    const page = await get('/en/projets?status=ongoing&page=2');
    expect(page.body).toContain('href="/projets?status=ongoing&amp;page=2" hreflang="fr" lang="fr">Français</a>');
    expect(page.body).toContain('href="/ar/projets?status=ongoing&amp;page=2" hreflang="ar" lang="ar">العربية</a>');
    expect(page.body).toContain('<span aria-current="true" lang="en">English</span>');
    expect(page.body).toContain('<link rel="alternate" hreflang="ar" href="/ar/projets?status=ongoing&amp;page=2">');
    expect(page.body).toContain('<link rel="alternate" hreflang="x-default" href="/projets?status=ongoing&amp;page=2">');
    expect(page.body).toContain('<link rel="alternate" type="application/json" href="/en/projets.json?status=ongoing&amp;page=2">');
  });

  it('gives JSON twins with labels in the page’s language and the same codes and ids', async () => {
    type View = { facets: { name: string; values: { value: string; label: string }[] }[]; hits: { id: string; href: string }[] };
    const fr = (await get('/recherche.json?q=eau')).json<View>();
    const en = (await get('/en/recherche.json?q=eau')).json<View>();
    expect(en.hits.map((h) => h.id)).toEqual(fr.hits.map((h) => h.id));
    expect(en.hits[0]!.href.startsWith('/en/')).toBe(true);
    const status = (view: View) => view.facets.find((f) => f.name === 'status')?.values ?? [];
    expect(status(en).map((v) => v.value)).toEqual(status(fr).map((v) => v.value));
    expect(status(en).map((v) => v.label)).toContain('Ongoing');
    expect(status(fr).map((v) => v.label)).toContain('En cours');
    // a domain's label too, the directory's own beside a translation
    const domain = (view: View) => view.facets.find((f) => f.name === 'domain')?.values ?? [];
    expect(domain(en).map((v) => v.value)).toEqual(domain(fr).map((v) => v.value));
    expect(domain(en)).toContainEqual(expect.objectContaining({ value: 'developpement-urbain-eau-assainissement', label: 'Water & sanitation', printedLabel: 'Eau & assainissement' }));
    expect(domain(fr)).toContainEqual(expect.objectContaining({ value: 'developpement-urbain-eau-assainissement', label: 'Eau & assainissement' }));
  });

  it('writes a label and its value, and a list, as each language writes them', async () => {
    const text = (body: string) => body.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    // French puts a space before the colon; English and Arabic do not; Arabic joins with its own comma
    const en = text((await get('/en/')).body);
    expect(en).toMatch(/Morocco: \d/);
    expect(en).not.toMatch(/Morocco : \d/);
    const ar = text((await get('/ar/')).body);
    expect(ar).toMatch(/شراك(?:ة|ات|تان)?، /);
    expect(ar).not.toMatch(/شراك(?:ة|ات|تان)?, /);
    expect(text((await get('/')).body)).toMatch(/Maroc : \d/);
  });

  it('suggests the browser’s language on a first visit only, without redirecting', async () => {
    const first = await get('/partenariats', { 'accept-language': 'ar-MA,ar;q=0.9,fr;q=0.5' });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('<html lang="fr"');
    expect(first.body).toMatch(/<p class="language-notice" lang="ar" dir="rtl"><a href="\/ar\/partenariats" hreflang="ar">[^<]+<\/a><\/p>/);
    expect(String(first.headers.vary)).toContain('Accept-Language');
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toContain(`${VISITED_COOKIE}=`);
    const next = await get('/partenariats', { 'accept-language': 'ar-MA,ar;q=0.9', cookie: cookie.split(';')[0]! });
    expect(next.body).not.toContain('language-notice');
    expect(next.headers['set-cookie']).toBeUndefined();
    // the page in the browser's language, or a browser that prefers none of the site's: no notice
    expect((await get('/ar/partenariats', { 'accept-language': 'ar' })).body).not.toContain('language-notice');
    expect((await get('/partenariats', { 'accept-language': 'de, fr;q=0.5' })).body).not.toContain('language-notice');
    // a JSON twin never carries it
    expect((await get('/partenariats.json', { 'accept-language': 'en' })).headers['set-cookie']).toBeUndefined();
  });

  it('keeps every link of a page in its language (a crawl in English and in Arabic)', async () => {
    const synthetic = synthDirectoryId({ ...PARTNER_DIRECTORY, countries: [...PARTNER_DIRECTORY.countries] });
    for (const prefix of ['/en', '/ar']) {
      const queue = [`${prefix}/`, `${prefix}/partenariats`, `${prefix}/projets`, `${prefix}/collectivites`, `${prefix}/statistiques`, `${prefix}/recherche?q=eau`, `${prefix}/repertoires`, `${prefix}/r/${synthetic}`, `${prefix}/connexion`];
      const seen = new Set<string>();
      const strays: string[] = [];
      while (queue.length > 0 && seen.size < 120) {
        const url = queue.shift()!;
        if (seen.has(url)) continue;
        seen.add(url);
        const page = await get(url);
        expect(page.statusCode, url).toBe(200);
        for (const link of ownLinks(page.body)) {
          const target = link.split('#')[0]!;
          if (target === '' || NEUTRAL.test(target)) continue;
          if (!target.startsWith(`${prefix}/`) && target !== prefix) strays.push(`${target} on ${url}`);
          else if (!/\.(csv|json)\b|\/export\b/.test(target)) queue.push(target);
        }
      }
      expect(seen.size).toBeGreaterThan(60);
      expect(strays).toEqual([]);
    }
  }, 180_000);

  it('shows Moroccan collectivities under their Arabic names on Arabic pages, the directory’s name beside', async () => {
    const page = await get('/ar/collectivites/ma-commune-marrakech');
    expect(page.body).toContain('<h1><bdi>الجماعة الحضرية لمراكش</bdi></h1>');
    expect(page.body).toContain('<p class="original-name"><bdi lang="fr">Commune urbaine de Marrakech</bdi></p>');
    expect(page.body).toContain('جهة مراكش تانسيفت الحوز'); // its région, by its Arabic name
    type View = { collectivity: { id: string; name: string; originalName?: string } };
    const json = (await get('/ar/collectivites/ma-commune-marrakech.json')).json<View>().collectivity;
    expect(json).toMatchObject({ id: 'ma-commune-marrakech', name: 'الجماعة الحضرية لمراكش', originalName: 'Commune urbaine de Marrakech' });
    // the French and English pages keep the directory's names
    expect((await get('/en/collectivites/ma-commune-marrakech.json')).json<View>().collectivity.name).toBe('Commune urbaine de Marrakech');
    // every Moroccan collectivity of the 2008 directory has one
    const dir = await site.directory();
    const moroccan = dir.collectivities.filter((c) => c.country === 'MA');
    expect(moroccan).toHaveLength(33);
    for (const c of moroccan) expect((await get(`/ar/collectivites/${c.id}.json`)).json<View>().collectivity.originalName, c.id).toBe(c.name);
    const partnership = await get('/ar/partenariats/tours-marrakech');
    expect(partnership.body).toContain('<bdi>الجماعة الحضرية لمراكش</bdi>');
  });

  it('finds collectivities by their Arabic names, normalised, and by their Latin spellings', async () => {
    type View = { hits: { id: string }[] };
    const ids = async (q: string) => (await get(`/ar/recherche.json?q=${encodeURIComponent(q)}`)).json<View>().hits.map((hit) => hit.id);
    expect(await ids('الرباط')).toContain('ma-commune-rabat');
    expect(await ids('مراكش')).toContain('ma-commune-marrakech');
    // hamza and alef forms, tatweel, diacritics: «اكادير» with a bare alef finds «أكادير»
    expect(await ids('اكادير')).toContain('ma-commune-agadir');
    expect(await ids('مـراكـش')).toContain('ma-commune-marrakech');
    expect(await ids('Marrakesh')).toContain('ma-commune-marrakech');
    expect(await ids('Fes')).toContain('ma-commune-fes');
    // the labels of codes in every language: "Morocco" and «المغرب» as "Maroc"
    expect((await ids('Morocco')).length).toBeGreaterThan(0);
  });
});
