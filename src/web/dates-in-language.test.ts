/**
 * Dates and numbers in the page's language: a few pages of /en/ and /ar/, crawled, hold no French
 * month name but in words quoted from the source (marked lang="fr"); Arabic writes Western digits
 * unless ARABIC_DIGITS says otherwise, and its plurals follow CLDR.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tn, useArabicDigits } from './i18n/index.js';
import { internalLinks, openTestSite, type TestSite } from './testing.js';

let site: TestSite;

beforeAll(async () => {
  site = await openTestSite({ search: false });
}, 120_000);

afterAll(async () => {
  useArabicDigits('western');
  await site?.dispose();
});

const get = (url: string) => site.app.inject({ method: 'GET', url });

const FRENCH_MONTH = /\b(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\s+\d{4}\b/i;

/** A page's words in its own language: quotations of the source (lang="fr") taken out, and markup. */
function ownWords(body: string): string {
  let text = body.replace(/<(script|style)[\s\S]*?<\/\1>/g, '');
  // an element marked French, with what it holds: up to its own end tag, counting those it nests of its name
  for (let open = /<(\w+)[^>]*\slang="fr"[^>]*>/.exec(text); open !== null; open = /<(\w+)[^>]*\slang="fr"[^>]*>/.exec(text)) {
    const tags = new RegExp(`<(/?)${open[1]}\\b[^>]*>`, 'g');
    tags.lastIndex = open.index + open[0].length;
    let depth = 1;
    let end = text.length;
    for (let tag = tags.exec(text); tag !== null; tag = tags.exec(text)) {
      depth += tag[1] === '/' ? -1 : 1;
      if (depth === 0) {
        end = tag.index + tag[0].length;
        break;
      }
    }
    text = `${text.slice(0, open.index)} ${text.slice(end)}`;
  }
  return text.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
}

/** The first pages of a language: lists, and the records they link to (partnerships, projects, collectivities). */
async function crawl(prefix: string): Promise<string[]> {
  const start = ['/', '/partenariats', '/partenariats?tier=full', '/projets', '/projets?status=ongoing', '/collectivites/ma-commune-rabat', '/collectivites/fr-commune-marseille'].map((u) => `${prefix}${u}`);
  const records = new Set<string>();
  for (const url of start.slice(1, 4)) {
    for (const link of internalLinks((await get(url)).body)) if (/^\/(en|ar)\/(partenariats|projets)\/[^/?]+$/.test(link)) records.add(link);
  }
  return [...start, ...[...records].slice(0, 30)];
}

describe('dates and numbers in the page’s language', () => {
  for (const prefix of ['/en', '/ar']) {
    it(`gives dates in ${prefix.slice(1)} on its pages, never a French month but in quoted source words`, async () => {
      const urls = await crawl(prefix);
      expect(urls.length).toBeGreaterThan(20);
      const found: string[] = [];
      for (const url of urls) {
        const page = await get(url);
        expect(page.statusCode, url).toBe(200);
        const match = FRENCH_MONTH.exec(ownWords(page.body));
        if (match) found.push(`${url}: ${match[0]}`);
      }
      expect(found).toEqual([]);
    }, 120_000);
  }

  it('writes a partnership’s date in the page’s language, the printed words kept in French', async () => {
    const fr = await get('/collectivites/ma-commune-rabat');
    const en = await get('/en/collectivites/ma-commune-rabat');
    const ar = await get('/ar/collectivites/ma-commune-rabat');
    expect(fr.body).toContain('7 mai 1999');
    expect(en.body).toContain('May 7, 1999');
    expect(ar.body).toContain('7 ماي 1999');
    // a legal framework is the source's words: quoted, in French
    expect(ar.body).toMatch(/<span lang="fr" dir="ltr">Convention de coopération<\/span>/);
  });

  it('writes Arabic with Western digits by default and Arabic-Indic ones when configured', async () => {
    expect((await get('/ar/collectivites/ma-commune-rabat')).body).toContain('1999');
    useArabicDigits('arabic');
    try {
      // a URL not drawn before: drawn pages are kept, and the digits are a start-up setting
      const body = (await get('/ar/collectivites/ma-commune-rabat?chiffres=arabes')).body;
      expect(body).toContain('١٩٩٩');
      expect(ownWords(body)).not.toMatch(/ماي 1999/);
    } finally {
      useArabicDigits('western');
    }
  });

  it('writes the statistics and the maps in the page’s language', async () => {
    for (const prefix of ['/en', '/ar']) {
      for (const url of [`${prefix}/statistiques`, `${prefix}/pad`, `${prefix}/couverture`, `${prefix}/collectivites/ma-commune-rabat`]) {
        const words = ownWords((await get(url)).body);
        expect(words, url).not.toMatch(/\(dont ≈|Seuls les|Fond : Natural Earth|\d partenariats?\b/);
      }
    }
    const en = (await get('/en/statistiques')).body;
    expect(en).toMatch(/€\d/); // English puts the euro sign first
    const coverage = (await get('/ar/couverture')).body;
    expect(coverage).toContain('الخلفية: Natural Earth');
    // a Moroccan région on the map and in the table under its Arabic name (names.json), the French kept on /en/
    expect(coverage).toContain('<title>جهة الشاوية ورديغة — ');
    expect(coverage).toMatch(/<span id="division-MA-[^"]+">جهة الشاوية ورديغة<\/span>/);
    expect((await get('/en/couverture')).body).toContain('<title>Chaouia-Ouardigha — ');
  });

  it('chooses Arabic plurals by CLDR', () => {
    const forms = [0, 1, 2, 3, 11, 100].map((n) => tn('ar', 'common.projects', n));
    expect(new Set(forms).size).toBeGreaterThanOrEqual(5);
    expect(forms[2]).toBe('مشروعان');
  });
});
