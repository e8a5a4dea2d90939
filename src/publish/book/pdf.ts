/**
 * Printing the book: A4 PDF through headless Chromium (playwright-core driving the system's
 * /usr/bin/chromium). The book title runs in the page header (header template), the part's name
 * at the top right (CSS named pages, html.ts), the page number and count in the footer.
 *
 * The Sommaire's page numbers are found by printing: print, extract the text of each page with
 * `pdftotext -layout` (pages end with form feeds), find on which page each entry's heading and
 * each part's title stand, write those numbers into the Sommaire and print again — until the
 * numbers found are the numbers printed (two passes as a rule: the numbers' width hardly moves
 * anything).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { RepertoireError } from '../../errors.js';
import type { RepertoireDocument } from '../../model/schema.js';
import type { Locale } from '../../web/i18n/index.js';
import { composeBook, withPages, type Book } from './compose.js';
import { bookFont, escapeHtml, renderBookHtml } from './html.js';
import { markLineEndHyphens } from './hyphens.js';

const run = promisify(execFile);

export const CHROMIUM = '/usr/bin/chromium';
/** Flags for a sandboxed machine with no network: no sandbox (root), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const MAX_PASSES = 5;

export interface PrintedBook {
  readonly book: Book;
  readonly html: string;
  readonly pdf: Buffer;
  /** the page of each entry (by partnership id) and part ("maps", "brief", "synthesis") */
  readonly pages: ReadonlyMap<string, number>;
  readonly pageCount: number;
  readonly passes: number;
}

export interface PrintOptions {
  /** a browser to reuse; by default one is launched and closed */
  readonly browser?: Browser;
  readonly onProgress?: (done: number, total: number) => void;
  /** the language of the book's own words (default French) */
  readonly locale?: Locale;
  /** the paper (A4 by default): the book reads back the same from any (src/import/pdf) */
  readonly format?: 'A4' | 'A5' | 'Letter' | 'Legal' | 'A3';
  /** the type's scale, 1 by default (Chromium's `scale`: 0.1 to 2) */
  readonly scale?: number;
}

export async function launchBrowser(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new RepertoireError('not-supported', `cannot start Chromium (${CHROMIUM}): ${(error as Error).message.split('\n')[0]} — run scripts/install-system-deps.sh`, 500, { cause: error });
  }
}

/** The text of each page of a PDF, by pdftotext -layout. */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'repertoire-pdf-'));
  try {
    const file = join(dir, 'book.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 256 * 1024 * 1024 });
    const pages = stdout.split('\f');
    if (pages.at(-1)?.trim() === '') pages.pop();
    return pages;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new RepertoireError('not-supported', 'pdftotext is missing (poppler-utils): run scripts/install-system-deps.sh', 500, { cause: error });
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Blanks folded, so that a heading wrapped or spaced out by the layout is still found; pdftotext's
 * bidirectional marks (an Arabic book's) and the marks for machines (html.ts `END_MARK`, hyphens.ts `AFTER_HYPHEN`) dropped.
 */
export function flat(text: string): string {
  return ` ${text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u2060\u200B]/g, '').replace(/\s+/g, ' ').trim()} `;
}

/**
 * Where each entry and part starts: searched in book order, each from the page where the one
 * before it was found, so that the Sommaire's and the Synthèse's mentions are never taken for
 * headings (they print "home/partner", the headings print the two names on two lines).
 */
export function locate(book: Book, pages: readonly string[]): Map<string, number> {
  const flats = pages.map(flat);
  const found = new Map<string, number>();
  let at = 1; // after the cover
  const find = (needle: string): number | undefined => {
    for (let i = at; i < flats.length; i++) if (flats[i]!.includes(needle)) return i;
    return undefined;
  };
  const place = (id: string, needle: string) => {
    const i = find(needle);
    if (i === undefined) return;
    found.set(id, i + 1);
    at = i;
  };
  const words = book.words;
  place('maps', flat(`${words.mapsTitle} ${words.mapsIntro.slice(0, 40)}`).trimEnd());
  for (const part of book.parts) {
    if (part.kind === 'section') {
      for (const block of part.blocks) if (block.entry) place(block.entry.partnershipId, flat(`${block.entry.home}\n${block.entry.partner}`));
    } else if (part.kind === 'brief') {
      place('brief', flat(words.briefTitle.toUpperCase()));
      for (const block of part.blocks) if (block.entry) place(block.entry.partnershipId, flat(`${block.entry.home} / ${block.entry.partner}`));
    } else if (part.kind === 'synthesis') {
      place('synthesis', flat(words.synthesisTitle.toUpperCase()));
    }
  }
  return found;
}

function samePages(a: ReadonlyMap<string, number> | undefined, b: ReadonlyMap<string, number>): boolean {
  if (!a || a.size !== b.size) return false;
  for (const [id, n] of b) if (a.get(id) !== n) return false;
  return true;
}

export const HEADER = (title: string, font = "'DejaVu Serif'") =>
  `<div style="width:100%;margin:0 18mm;font:italic 7pt ${font},serif;color:#555;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:58%">${escapeHtml(title)}</div>`;
export const FOOTER =
  '<div style="width:100%;text-align:center;font:8pt \'DejaVu Serif\',serif;color:#333"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/** The Sommaire's numbers, set in the page already loaded (the rest of the book is unchanged). */
async function setSommaire(page: Page, pages: ReadonlyMap<string, number>): Promise<void> {
  // A script for the page (the project's TypeScript has no DOM types); the ids go in as JSON.
  await page.evaluate(`(() => {
    const numbers = new Map(${JSON.stringify([...pages])});
    for (const span of document.querySelectorAll('[data-page-of]')) {
      const n = numbers.get(span.dataset.pageOf);
      // (with the line's end mark, html.ts END_MARK)
      span.textContent = (n === undefined ? 'p.000' : 'p.' + n) + '\\u2060';
    }
  })()`);
}

/**
 * Prints the book of `doc`, with a Sommaire whose page numbers are those of the print. The book
 * is composed while Chromium starts; later passes change only the Sommaire's numbers in the page
 * already loaded (the HTML returned is the book composed with those numbers: the same page).
 */
export async function printBook(doc: RepertoireDocument, options: PrintOptions = {}): Promise<PrintedBook> {
  const starting = options.browser ? Promise.resolve(options.browser) : launchBrowser();
  starting.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  const draft = composeBook(doc, options.locale ? { locale: options.locale } : {});
  const browser = await starting;
  try {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.setContent(renderBookHtml(draft), { waitUntil: 'load' });
      let pages: ReadonlyMap<string, number> | undefined;
      for (let pass = 1; pass <= MAX_PASSES; pass++) {
        options.onProgress?.(pass - 1, pass + 1);
        if (pages) await setSommaire(page, pages);
        await markLineEndHyphens(page, options.scale ?? 1);
        const pdf = await page.pdf({
          format: options.format ?? 'A4',
          ...(options.scale === undefined ? {} : { scale: options.scale }),
          displayHeaderFooter: true,
          headerTemplate: HEADER(draft.title, bookFont(draft.words.locale)),
          footerTemplate: FOOTER,
          margin: { top: '22mm', bottom: '20mm', left: '18mm', right: '18mm' },
        });
        const texts = await pdfPages(pdf);
        const found = locate(draft, texts);
        if (samePages(pages, found) || pass === MAX_PASSES) {
          options.onProgress?.(pass + 1, pass + 1);
          const book = withPages(draft, found);
          return { book, html: renderBookHtml(book), pdf, pages: found, pageCount: texts.length, passes: pass };
        }
        pages = found;
      }
      throw new Error('unreachable');
    } finally {
      await context.close();
    }
  } finally {
    if (!options.browser) await browser.close();
  }
}
