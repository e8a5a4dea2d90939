/**
 * `repertoire import FILE.pdf` through the built command: the book `export --format pdf` prints,
 * read back into an empty store in each of pdftotext's modes; and PDFs that cannot be read
 * refused in a sentence, exit 1, the store as it was. The book is printed once (Chromium is slow).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { extractPdfBoxes, extractPdfText, PDF_MODES } from '../import/pdf/index.js';
import { pdfDirectoryText } from '../import/pdf/index.js';
import { readDirectory } from '../import/directory/index.js';
import { RepertoireDocument } from '../model/schema.js';
import { launchBrowser, printBook } from '../publish/book/pdf.js';
import { documentDifferences } from '../publish/book/differences.js';
import { exportJson } from '../publish/json.js';
import { BUNDLED_NAME, importBundled } from '../publish/testing/tools.js';
import { openStore } from '../store/db.js';
import { NO_TRACE, runBuiltCli } from '../test-support/built-cli.js';
import { storeContents } from '../test-support/store-contents.js';
import { tempDir } from '../test-support/temp-store.js';

let dir: string;
let stored: RepertoireDocument;
let book: string;
/** the same book on A5 paper, its type at 90 %: other line breaks, other pages */
let small: string;
/** and on A4, its type at 130 % */
let large: string;

async function storedDocument(url: string): Promise<RepertoireDocument> {
  const store = await openStore(loadConfig({ DATABASE_URL: url }));
  try {
    return RepertoireDocument.parse(JSON.parse(await exportJson(store.db)));
  } finally {
    await store.close();
  }
}

const projects = (doc: RepertoireDocument) => doc.partnerships.flatMap((p) => p.projects ?? []).length;

beforeAll(async () => {
  dir = tempDir(() => undefined);
  const store = await openStore(loadConfig({ DATABASE_URL: join(dir, 'printed.db') }));
  try {
    await importBundled(store.db);
  } finally {
    await store.close();
  }
  stored = await storedDocument(join(dir, 'printed.db'));
  const browser = await launchBrowser();
  try {
    // named as the bundled text is, so that the directory read back has its id
    book = join(dir, BUNDLED_NAME.replace(/\.txt$/, '.pdf'));
    writeFileSync(book, (await printBook(stored, { browser })).pdf);
    small = join(dir, 'book-a5.pdf');
    writeFileSync(small, (await printBook(stored, { browser, format: 'A5', scale: 0.9 })).pdf);
    large = join(dir, 'book-large.pdf');
    writeFileSync(large, (await printBook(stored, { browser, scale: 1.3 })).pdf);
    // a page with a picture and no text: what a scanner makes
    const page = await browser.newPage();
    await page.setContent('<img src="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%22400%22 height=%22300%22%3E%3Crect width=%22400%22 height=%22300%22 fill=%22%23888%22/%3E%3C/svg%3E">');
    writeFileSync(join(dir, 'scan.pdf'), await page.pdf({ format: 'A4' }));
    // a PDF with text, but not a directory: the error says on which page and line it stops
    await page.setContent('<p>Compte rendu de la réunion du 3 mars</p><p>Présents : le bureau.</p>');
    writeFileSync(join(dir, 'minutes.pdf'), await page.pdf({ format: 'A4' }));
  } finally {
    await browser.close();
  }
  execFileSync('qpdf', ['--encrypt', 'lecteur', 'proprietaire', '256', '--', book, join(dir, 'locked.pdf')]);
  writeFileSync(join(dir, 'notpdf.pdf'), 'Villes\nVille de Tours\n');
  writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF garbage');
}, 180_000);

describe('a PDF of the book, imported', () => {
  it('into an empty store through the command, gives back every partnership and nearly every project', async () => {
    const url = join(dir, 'empty.db');
    const result = await runBuiltCli(['import', book, '--countries', 'FR,MA'], { DATABASE_URL: url });
    expect(result.stderr).not.toMatch(NO_TRACE);
    expect(result.code, result.stderr).toBe(0);
    const back = await storedDocument(url);
    expect(back.partnerships.map((p) => p.id)).toEqual(stored.partnerships.map((p) => p.id));
    // Measured: all but 2 of the store's projects (197 of 199 before issue 17 read three partners as
    // partners, 195 of 197 since); the differences left are listed in the report of issue 15.
    expect(projects(back)).toBeGreaterThanOrEqual(projects(stored) - 2);
    // Read with the printed lines' boxes (pdftotext -bbox-layout): the exact round trip, not a field
    // of some 10 000 differs (41, then 6, before; ADR 0008).
    expect(documentDifferences(stored, back)).toEqual([]);
    // Each partnership and project cites the page it is printed on, not the normalised text's lines.
    const pages = (await extractPdfText(book)).split('\f').map((page) => page.replace(/\s+/g, ' '));
    const names = new Map(back.collectivities.map((c) => [c.id, c.name]));
    for (const p of back.partnerships) {
      expect(p.source?.lines).toBeUndefined();
      expect(pages[p.source!.page! - 1], p.id).toContain(names.get(p.parties[0]!.collectivityId)!.slice(0, 12));
      for (const q of p.projects ?? []) {
        expect(q.source?.lines).toBeUndefined();
        expect(pages[q.source!.page! - 1], q.id).toContain(q.title.slice(0, 12));
      }
    }
  }, 120_000);

  it('reads the book on A5 in smaller type and on A4 in larger type, by its boxes, as on A4: whatever the line breaks', async () => {
    // measured on A5: 4 fields differed (48 before the book spaced its paragraphs, ADR 0008); in
    // 130 % type, 127; now none
    for (const file of [small, large]) {
      const { text } = pdfDirectoryText(await extractPdfBoxes(file));
      const back = readDirectory(text, { document: BUNDLED_NAME, countries: ['FR', 'MA'] });
      expect(documentDifferences(stored, back.document), file).toEqual([]);
    }
  }, 60_000);

  const prints = () => [['A4', book] as const, ['A5 at 90 %', small] as const];
  /*
   * No field differs, whatever the mode: since the book marks its lines' ends for machines (ADR
   * 0008), measured on A4 and A5: -layout 64 and 53 before; -raw 70 and 61 before (2 and 2 while a
   * mark followed every hyphen: "-Projet" read "- Projet"); default 100 and 70 before (14 and 3
   * while a hyphen between blanks that ends a line, "Laxou -", was not marked and an address could
   * break at its hyphen: poppler dropped both hyphens).
   */
  it('marks a hyphen only where it ends a printed line: a copy of the text keeps hyphenated names whole', async () => {
    for (const [paper, file] of prints()) {
      const lines = (await extractPdfText(file, { mode: 'raw' })).split(/\n|\f/);
      // (hyphens.ts AFTER_HYPHEN: a zero-width space after the hyphen)
      const marked = lines.filter((l) => l.includes('-\u200B'));
      expect(marked.length, paper).toBeGreaterThan(0);
      for (const line of marked) expect(line, paper).toMatch(/-\u200B\u2060?\s*$/u);
      expect(lines.some((l) => l.includes('Etats-Unis')), paper).toBe(true);
      // an address with a hyphen is printed on one line, never broken at its hyphen
      expect(lines.some((l) => l.includes('riad-mounia@voilà.fr')), paper).toBe(true);
    }
  });
  it.each(PDF_MODES)('reads the same partnerships from the text of pdftotext’s %s mode, on A4 and on A5 in smaller type', async (mode) => {
    for (const [paper, file] of prints()) {
      const { text } = pdfDirectoryText(await extractPdfText(file, { mode }));
      const back = readDirectory(text, { document: BUNDLED_NAME, countries: ['FR', 'MA'] });
      expect(back.document.partnerships.map((p) => p.id), paper).toEqual(stored.partnerships.map((p) => p.id));
      expect(projects(back.document), paper).toBeGreaterThanOrEqual(projects(stored) - 2);
      // The book marks its paragraphs' and cells' ends (html.ts END_MARK), which every mode gives back.
      expect(documentDifferences(stored, back.document), paper).toEqual([]);
    }
  }, 90_000);
});

describe('a PDF that cannot be read is refused in a sentence, and the store stays as it was', () => {
  const cases: [string, string, RegExp][] = [
    ['a file named .pdf that is not a PDF', 'notpdf.pdf', /^repertoire: notpdf\.pdf: this is not a PDF file \(it does not begin with %PDF-\)/],
    ['an encrypted PDF', 'locked.pdf', /^repertoire: locked\.pdf: this PDF is encrypted with a password: save an unlocked copy/],
    ['a scanned PDF without text', 'scan.pdf', /^repertoire: scan\.pdf: page 1: no text, only images \(a scanned document\?\)/],
    ['a PDF that is not a directory', 'minutes.pdf', /^repertoire: minutes\.pdf: page 1, line 1: this is not a directory: no section heading .* the text begins “Compte rendu de la réunion du 3 mars/],
    ['a damaged PDF', 'broken.pdf', /^repertoire: broken\.pdf: (this PDF cannot be read \(damaged or cut short\?\): pdftotext says “.+”|page 1: no text)/],
  ];

  it.each(cases)('%s', async (_name, file, message) => {
    const url = join(dir, 'printed.db');
    const before = await storeContents(url);
    const result = await runBuiltCli(['import', join(dir, file), '--countries', 'FR,MA'], { DATABASE_URL: url });
    const stderr = result.stderr.replace(/^reading .*\n/gm, '');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(NO_TRACE);
    expect(result.code).toBe(1);
    expect(await storeContents(url)).toEqual(before);
  }, 60_000);
});
