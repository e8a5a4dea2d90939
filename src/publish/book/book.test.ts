/**
 * The book, end to end with the real tools: printed by Chromium, read by pdftotext, and its text
 * read back by the directory reader.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { openStore } from '../../store/db.js';
import { readDirectory } from '../../import/directory/index.js';
import { SEED_COUNTRIES } from '../../import/directory/testing.js';
import { RepertoireDocument } from '../../model/schema.js';
import { saveDocument } from '../../store/save-document.js';
import { openTempStore } from '../../test-support/temp-store.js';
import { exportJson } from '../json.js';
import { BUNDLED_NAME, importBundled } from '../testing/tools.js';
import { bookText, MAPS_TITLE } from './compose.js';
import { documentDifferences } from './differences.js';
import { htmlToText } from './html.js';
import { flat, pdfPages, printBook, type PrintedBook } from './pdf.js';

describe('the directory as a book', () => {
  let printed: PrintedBook;
  let exported: RepertoireDocument;
  let pages: string[];

  beforeAll(async () => {
    // A store for the whole suite (openTempStore belongs to one test).
    const dir = mkdtempSync(join(tmpdir(), 'repertoire-book-'));
    const store = await openStore(loadConfig({ DATABASE_URL: join(dir, 'store.db') }));
    try {
      await importBundled(store.db);
      exported = RepertoireDocument.parse(JSON.parse(await exportJson(store.db)));
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
    printed = await printBook(exported);
    pages = await pdfPages(printed.pdf);
  }, 120_000);

  it('prints an A4 PDF whose Sommaire gives the page each entry starts on', () => {
    expect(printed.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages.length).toBe(printed.pageCount);
    expect(printed.passes).toBeLessThanOrEqual(3);
    const sommaire = flat(pages.slice(1, 4).join('\n'));
    const entries = printed.book.parts.flatMap((part) => (part.kind === 'section' ? part.blocks.filter((b) => b.entry) : []));
    expect(entries).toHaveLength(45);
    const tocLines = printed.book.parts.find((p) => p.id === 'toc')!.blocks[0]!.lines.filter((l) => l.kind === 'toc-entry');
    for (const block of entries) {
      const { partnershipId, home, partner } = block.entry!;
      const line = tocLines.find((l) => l.text.endsWith(` p.${printed.pages.get(partnershipId)}`) && l.text.startsWith(home.split(' - ')[0]!.slice(0, 12)));
      expect(line, partnershipId).toBeDefined();
      // The Sommaire as printed (pdftotext) holds the line and its number…
      const number = Number(/p\.(\d+)$/.exec(line!.text)![1]);
      expect(sommaire).toContain(flat(line!.text));
      // … and that page holds the entry's heading: the home parties' line over the partner parties'.
      expect(flat(pages[number - 1]!), `${partnershipId} on page ${number}`).toContain(flat(`${home}\n${partner}`));
    }
    for (const part of ['maps', 'brief', 'synthesis']) expect(printed.pages.get(part)).toBeGreaterThan(1);
  });

  it('runs the part’s name in the header and the page number in the footer', () => {
    const first = printed.pages.get('aix-en-provence-oujda')!;
    const page = pages[first - 1]!.split('\n').filter((l) => l.trim());
    expect(page[0]).toContain(printed.book.title);
    expect(page[1]!.trim()).toBe('Villes');
    expect(page.at(-1)!.trim()).toBe(`${first} / ${pages.length}`);
    const synthesis = pages[printed.pages.get('synthesis')! - 1]!.split('\n').filter((l) => l.trim());
    expect(synthesis[1]!.trim()).toBe('Synthèse par domaines');
  });

  it('prints the maps of both countries, drawn by the map renderer, one point per placed collectivity', () => {
    const figures = [...printed.html.matchAll(/<figure class="b-map b-map-(MA|FR)">(<svg[\s\S]*?<\/svg>)<figcaption>([\s\S]*?)<\/figcaption><\/figure>/g)];
    expect(figures.map((f) => f[1])).toEqual(['MA', 'FR']);
    const parties = new Set(exported.partnerships.flatMap((p) => p.parties.map((party) => party.collectivityId)));
    const countryOf = new Map(exported.collectivities.map((c) => [c.id, c.country]));
    for (const [, country, svg, caption] of figures) {
      const drawn = (svg!.match(/<a /g) ?? []).length;
      const text = htmlToText(`<body>${caption}</body>`).trim();
      // the caption counts the points drawn; those not drawn are named
      expect(text.startsWith(`${country === 'MA' ? 'Le Maroc' : 'La France'} : ${drawn} collectivités sur la carte.`), text).toBe(true);
      const unplaced = /Sans position connue : (.*)\.$/.exec(text)?.[1]?.split(', ').length ?? 0;
      expect(drawn + unplaced).toBe([...parties].filter((id) => countryOf.get(id) === country).length);
      // and the PDF prints the caption on the maps' pages, after the title
      const first = printed.pages.get('maps')!;
      expect(flat(pages.slice(first - 1, first + 1).join('\n'))).toContain(flat(text));
    }
    expect(flat(pages[printed.pages.get('maps')! - 1]!)).toContain(flat(MAPS_TITLE));
  });

  it('never leaves an entry heading alone at the foot of a page', () => {
    for (const [id, n] of printed.pages) {
      if (['maps', 'brief', 'synthesis'].includes(id)) continue;
      const lines = pages[n - 1]!.split('\n').map((l) => l.trim()).filter(Boolean);
      const entry = printed.book.entries.find((e) => e.partnershipId === id);
      if (!entry) continue; // "Autres partenariats": short, several to a page
      const at = lines.findIndex((l, i) => l === entry.home && lines[i + 1] === entry.partner);
      if (at < 0) continue; // a heading wrapped over two lines: its page was checked above
      // The heading is followed on its page by at least its executives' line and one more.
      expect(lines.length - at, id).toBeGreaterThan(4);
    }
  });

  it('never ends a printed line on a hyphen the text follows with a blank: a reader of the PDF would take it for a compound broken there', () => {
    expect(printed.html).toContain('Montereau-\u2060\u00A0Journée');
    expect(printed.html).not.toMatch(/\p{L}- \S/u);
  });

  it('leaves no mark after a hyphen in the HTML: the marks are set in the page only where the print breaks a line (hyphens.ts)', () => {
    expect(printed.html).toContain('Aix-en-Provence');
    expect(printed.html).not.toContain('\u200B');
  });

  /*
   * The round trip: the published book's text, read back by the directory reader, gives the same
   * records as the store (provenance aside). The text is the HTML's own (htmlToText: one line per
   * printed element), the same lines the PDF prints (there wrapped to the page width).
   *
   * What the book does not print, and so cannot come back (none of it is in the 2008 directory's
   * records; a store filled from JSON may hold it): collectivities' `location` (coordinates) and
   * `populationYear`, and any field the reader derives instead of reading (a collectivity's
   * `region`, `kind`, `shortName`; a project's dates and duration come from its printed period,
   * a partnership's `frameworkKind` and `signedDate` from its framework and date lines) comes back
   * as the reader derives it. Civilities ("M.", "Mme") are records: printed as read.
   */
  it('reads back, through the directory reader, as the same records', async () => {
    const text = htmlToText(printed.html);
    expect(text).toBe(bookText(printed.book));
    const back = readDirectory(text, { document: BUNDLED_NAME , countries: SEED_COUNTRIES });
    expect(back.report.unplaced).toEqual([]);
    const { db } = await openTempStore();
    await saveDocument(db, back.document, { sources: back.sources, report: back.report });
    const reread = RepertoireDocument.parse(JSON.parse(await exportJson(db)));
    expect(documentDifferences(exported, reread)).toEqual([]);
  });
});
