/**
 * The directory's own words — a partnership's section ("Villes"), a domain's label, a project's
 * title, an executive's title, a search hit's excerpt — are French whatever the page's language:
 * on /ar/ and /en/ pages they sit inside an element marked lang="fr" (for screen readers and the
 * choice of font). A cheap heuristic finds French outside such an element: the section names and
 * domain labels the 2008 directory prints, and French little words ("de", "et", "d'…") between
 * spaces. A partnership's page also keeps the printed words of its date beside the date read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestSite, type TestSite } from './testing.js';

let site: TestSite;

beforeAll(async () => {
  site = await openTestSite();
}, 120_000);

afterAll(async () => {
  await site?.dispose();
});

const get = (url: string) => site.app.inject({ method: 'GET', url });

/** Elements whose text is not a page's visible words (or that cannot carry lang). */
const SKIPPED = new Set(['script', 'style', 'title', 'svg']);
const VOID = new Set(['br', 'img', 'input', 'meta', 'link', 'hr', 'area', 'base', 'col', 'source', 'wbr']);

/** The text runs of a page outside any element marked lang="fr" (the page's own language's). */
function ownRuns(body: string, pageLang: string): string[] {
  const runs: string[] = [];
  const stack: { tag: string; lang: string }[] = [];
  const token = /<(\/?)([a-zA-Z][\w-]*)([^>]*)>|([^<]+)/g;
  for (let m = token.exec(body); m !== null; m = token.exec(body)) {
    const [, closing, tagName, attrs, text] = m;
    if (text !== undefined) {
      if (stack.some((e) => SKIPPED.has(e.tag))) continue;
      const lang = stack.at(-1)?.lang ?? pageLang;
      const words = text.replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();
      if (lang !== 'fr' && words !== '') runs.push(words);
      continue;
    }
    const tag = tagName!.toLowerCase();
    if (VOID.has(tag) || attrs!.endsWith('/')) continue;
    if (closing) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
    } else {
      const lang = /\slang="([^"]+)"/.exec(attrs!)?.[1] ?? stack.at(-1)?.lang ?? pageLang;
      stack.push({ tag, lang });
    }
  }
  return runs;
}

/** French that the directory prints: its section names, domain labels, and little words. */
const FRENCH = /(^|\s)(Villes|Régions|Départements|Développement urbain|Coopération universitaire|Maire|Président de la)(\s|$|[,.;])|(^|\s)(de|des|du|et|pour|aux)\s|(^|\s)[dl]'[A-Za-zÀ-ÿ]/;

const PAGES = [
  '/',
  '/partenariats',
  '/partenariats/aix-en-provence-oujda',
  '/partenariats/tours-marrakech',
  '/projets',
  '/projets/tours-marrakech-ingenierie-formation',
  '/collectivites/ma-commune-rabat',
  '/domaines/developpement-urbain',
  '/recherche?q=eau',
];

describe('the directory’s words on pages in another language', () => {
  for (const prefix of ['/ar', '/en']) {
    it(`marks them lang="fr" on ${prefix}/ pages`, async () => {
      const found: string[] = [];
      for (const url of PAGES) {
        const page = await get(`${prefix}${url}`);
        expect(page.statusCode, url).toBe(200);
        for (const run of ownRuns(page.body, prefix.slice(1))) if (FRENCH.test(run)) found.push(`${prefix}${url}: ${run.slice(0, 80)}`);
      }
      expect(found).toEqual([]);
    }, 120_000);
  }

  it('finds the French it looks for when it is not marked (the heuristic can fail)', () => {
    expect(ownRuns('<p>Section : Villes</p>', 'ar').some((run) => FRENCH.test(run))).toBe(true);
    expect(ownRuns('<p>Section : <span lang="fr">Villes</span></p>', 'ar').some((run) => FRENCH.test(run))).toBe(false);
    expect(ownRuns('<dd>Maire d\'Aix</dd>', 'en').some((run) => FRENCH.test(run))).toBe(true);
  });

  it('shows a partnership’s section marked French, and its date read with the printed words quoted beneath', async () => {
    const ar = (await get('/ar/partenariats/aix-en-provence-oujda')).body;
    expect(ar).toMatch(/<dd><span lang="fr" dir="ltr">Villes<\/span><\/dd>/);
    const fr = (await get('/partenariats/tours-marrakech')).body;
    const printed = /<dt>Date<\/dt><dd>([^<]+)<\/dd>/.exec(fr)?.[1];
    expect(printed).toBeDefined();
    for (const prefix of ['/ar', '/en']) {
      const body = (await get(`${prefix}/partenariats/tours-marrakech`)).body;
      expect(body, prefix).toContain(`<q class="printed muted" lang="fr" dir="ltr"`);
      expect(body, prefix).toContain(`>${printed}</q>`);
    }
    // not in lists: a card gives the date read alone
    const list = (await get('/en/partenariats')).body;
    expect(list).not.toContain('class="printed');
  });
});

describe('the map’s tooltips', () => {
  it('carry the page’s language; a directory’s own name among them is marked French, its count beside it', async () => {
    const en = (await get('/en/')).body;
    expect(en).toMatch(/<svg [^>]*class="repertoire-map"[^>]* lang="en"/);
    expect(en).toMatch(/<title lang="fr">[^<]+<\/title><desc>\d+ partnerships?<\/desc>/);
    const fr = (await get('/')).body;
    expect(fr).not.toContain('<title lang=');
    expect(fr).toMatch(/<title>[^<]+ — \d+ partenariats?<\/title>/);
  });
});

