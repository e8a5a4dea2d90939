/**
 * The directory's own words — a partnership's section ("Villes"), a project's title, an
 * executive's title, a search hit's excerpt — are French whatever the page's language: on /ar/
 * and /en/ pages they sit inside an element marked lang="fr" (for screen readers and the choice of
 * font). A cheap heuristic finds French outside such an element: the section names and domain
 * labels the 2008 directory prints, and French little words ("de", "et", "d'…") between spaces. A
 * partnership's page also keeps the printed words of its date beside the date read. A domain's
 * label is the page language's where the catalogue translates it (i18n/domain-labels.ts), and the
 * printed French, marked, where it does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainWords } from './i18n/domain-labels.js';
import { inLanguage } from './language.js';
import { domainRef } from './pages/common.js';
import { domainLink } from './render/parts.js';
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


describe('domains’ labels in the page’s language', () => {
  it('translates every domain of the 2008 directory into English and Arabic', async () => {
    const dir = await site.directory();
    expect(dir.domains.length).toBe(33);
    for (const locale of ['en', 'ar'] as const) {
      const untranslated = dir.domains.filter((d) => domainWords(locale, d.label).printed).map((d) => d.label);
      expect(untranslated, locale).toEqual([]);
    }
    expect(domainWords('fr', 'Eau & assainissement')).toEqual({ label: 'Eau & assainissement', printed: true });
    expect(domainWords('ar', 'EAU & Assainissement')).toEqual({ label: 'الماء والتطهير السائل', printed: false });
  });

  it('heads a domain’s page on /en/ with its English label, not marked French', async () => {
    const body = (await get('/en/domaines/developpement-urbain-eau-assainissement')).body;
    expect(body).toMatch(/<h1>Water &amp; sanitation<\/h1>/);
    expect(body).toContain('<p class="kicker"><a href="/en/domaines/developpement-urbain">Urban development</a></p>');
    expect(body).not.toMatch(/lang="fr"[^>]*>(Eau &amp; assainissement|Développement urbain)</);
  });

  it('lists the domains in Arabic on the Arabic home page', async () => {
    const body = (await get('/ar/')).body;
    expect(body).toContain('<a href="/ar/domaines/developpement-urbain">التنمية الحضرية</a>');
    expect(body).toContain('>الماء والتطهير السائل</a>');
    expect(body).not.toContain('>Développement urbain<');
  });

  it('gives a domain’s .json twin on /en/ its English label, the French beside it, and the same code', async () => {
    type View = { domain: { code: string; label: string; printedLabel?: string; href: string }; parent?: { label: string } };
    const fr = (await get('/domaines/developpement-urbain-eau-assainissement.json')).json<View>();
    const en = (await get('/en/domaines/developpement-urbain-eau-assainissement.json')).json<View>();
    expect(en.domain.code).toBe(fr.domain.code);
    expect(fr.domain).toMatchObject({ label: 'Eau & assainissement' });
    expect(fr.domain.printedLabel).toBeUndefined();
    expect(en.domain).toMatchObject({ label: 'Water & sanitation', printedLabel: 'Eau & assainissement' });
    expect(en.parent?.label).toBe('Urban development');
  });

  it('keeps a label the catalogue does not translate in French, marked so', async () => {
    const dir = await site.directory();
    const domain = new Map(dir.domain).set('peche', { code: 'peche', label: 'Pêche artisanale', parent: 'developpement-economique' });
    const ref = inLanguage('en', () => domainRef({ domain }, 'peche'));
    expect(ref).toMatchObject({ label: 'Pêche artisanale', parentLabel: 'Economic development', printedParentLabel: 'Développement économique' });
    expect(ref.printedLabel).toBeUndefined();
    expect(inLanguage('en', () => domainLink(ref).value)).toBe(
      '<a href="/en/domaines/peche">Economic development › <span lang="fr" dir="ltr">Pêche artisanale</span></a>',
    );
    expect(inLanguage('fr', () => domainLink(domainRef({ domain }, 'peche')).value)).toBe('<a href="/domaines/peche">Développement économique › Pêche artisanale</a>');
  });
});
