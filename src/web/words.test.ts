/**
 * Words, not codes: the public pages, crawled from / over their links (with a cap), show readers
 * no ISO date ("2006-05-13", "(2008-07)"), no code of ours (an import report's issue kind, a
 * status or a facet's code), no UUID, no source line number ("à la ligne 7982"), no raw
 * coordinates, and no English sentence. What a page says is its text as a reader sees it: tags,
 * attributes and scripts left out. The JSON twins keep their codes: they speak to programs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fr } from './i18n/fr.js';
import { internalLinks, openTestSite, type TestSite } from './testing.js';

const CAP = 450;
let site: TestSite;
const pages = new Map<string, string>();
const bodies = new Map<string, string>();

/** The text of a page as a reader sees it (the <title> and an SVG's labels included). */
function readerText(body: string): string {
  return body
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

beforeAll(async () => {
  site = await openTestSite();
  const queue = ['/', '/recherche?q=eau', '/statistiques?q=eau', '/repertoires', '/connexion'];
  while (queue.length > 0 && pages.size < CAP) {
    const url = queue.shift()!;
    if (pages.has(url)) continue;
    const response = await site.app.inject({ url });
    if (!response.headers['content-type']?.toString().startsWith('text/html') || response.statusCode !== 200) continue;
    pages.set(url, readerText(response.body));
    bodies.set(url, response.body);
    // the search's facet combinations and pages say nothing new
    if (url.includes('?')) continue;
    for (const link of internalLinks(response.body)) {
      const target = link.split('#')[0]!;
      // the French site: the same pages in English and Arabic (the language switch) are languages.test.ts's; a record's PDF is record-pdf.test.ts's
      if (/^\/(en|ar)(\/|$)/.test(target) || target.endsWith('.pdf')) continue;
      if (target !== '' && !pages.has(target) && !target.includes('/export')) queue.push(target);
    }
  }
}, 120_000);

afterAll(async () => site?.dispose());

/** The codes of ours that must never reach a reader: the import report's issue kinds, from the catalogue's own keys. */
const ISSUE_CODES = Object.keys(fr)
  .filter((key) => key.startsWith('report.kind.'))
  .map((key) => key.slice('report.kind.'.length));

const FORBIDDEN: [what: string, pattern: RegExp][] = [
  ['an ISO date', /\b(1[89]|20)\d\d-[01]\d-[0-3]\d\b/],
  ['a year and month as a code', /\((1[89]|20)\d\d-[01]\d\)|\b(1[89]|20)\d\d-[01]\d\b/],
  ['a UUID', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i],
  ['a source line number', /\bà la ligne \d|\blignes? \d+ à \d+|\bligne \d{2,}/i],
  ['raw coordinates', /Position -?\d+[.,]\d+/],
  ['an issue code', new RegExp(`\\b(${ISSUE_CODES.map((code) => code.replace(/[-]/g, '\\-')).join('|')})\\b`)],
  ['a status code', /\b(ongoing|completed|planned|unknown)\b/],
  ['a singular label before a plural count', /\b(Terminé|Partenariat décrit|Autre partenariat répertorié|Autre) : ([2-9]|\d{2,})/],
  ['an English sentence', /\b(the|and|of|with|which|is|are|were) (the|a|an|of|to|in|by|every|each|its|their)\b/i],
];

describe('words, not codes', () => {
  it('each check finds what the issue saw (the test can fail)', () => {
    const seen: Record<string, string> = {
      'an ISO date': 'Partenariat · 2006-05-13 La Croix Valmer',
      'a year and month as a code': 'franco-marocains (2008-07).',
      'a UUID': 'recensement (3f2b8c1e-9a4d-4e2f-8b7a-1c2d3e4f5a6b)',
      'a source line number': 'Rubrique imprimée à la ligne 7982 du répertoire.',
      'raw coordinates': 'Position 31,634, -8',
      'an issue code': "signale l'écart (pad-count-differs).",
      'a status code': 'Statut : ongoing',
      'a singular label before a plural count': 'Terminé : 83',
      'an English sentence': 'no entry of the body matches it',
    };
    for (const [what, pattern] of FORBIDDEN) expect(pattern.test(seen[what]!), what).toBe(true);
    expect(Object.keys(seen).sort()).toEqual(FORBIDDEN.map(([what]) => what).sort());
  });

  it('the crawl reaches every kind of public page', () => {
    const urls = [...pages.keys()];
    expect(urls.length).toBeGreaterThan(300);
    for (const prefix of ['/partenariats/', '/projets/', '/collectivites/', '/domaines/', '/synthese', '/rapport', '/statistiques', '/pad', '/repertoires', '/r/']) {
      expect(urls.some((url) => url.startsWith(prefix)), prefix).toBe(true);
    }
  });

  it('no public page prints a bullet as text: lists are lists', () => {
    const found: string[] = [];
    for (const [url, body] of bodies) {
      const match = /<(p|li|dd|td)>\s*[-•*]\s/.exec(body) ?? /<br>\s*[-•]\s/.exec(body);
      if (match) found.push(`${url}: ${body.slice(match.index, match.index + 80)}`);
    }
    expect(found.slice(0, 15), `${found.length} pages`).toEqual([]);
  });

  for (const [what, pattern] of FORBIDDEN) {
    it(`no public page shows ${what}`, () => {
      const found: string[] = [];
      for (const [url, text] of pages) {
        const match = pattern.exec(text);
        if (match) found.push(`${url}: …${text.slice(Math.max(0, match.index - 60), match.index + match[0].length + 40)}…`);
      }
      expect(found.slice(0, 15), `${found.length} pages`).toEqual([]);
    });
  }
});
