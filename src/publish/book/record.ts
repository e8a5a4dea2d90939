/**
 * A record's own PDF: a partnership, or a collectivity with its partnerships, printed as the book
 * prints them (compose.ts `partnershipBlocks`, html.ts, Chromium's print as pdf.ts does it) —
 * a few pages with the book's running header and page numbers, no cover, Sommaire or maps. The
 * heading's words come from the caller (the web layer's catalogue).
 */
import type { Browser } from 'playwright-core';
import type { RepertoireDocument } from '../../model/schema.js';
import type { Locale } from '../../web/i18n/index.js';
import { partnershipBlocks, type Book } from './compose.js';
import { bookFont, renderBookHtml } from './html.js';
import { BOOK_WORDS } from './words.js';
import { FOOTER, HEADER, launchBrowser } from './pdf.js';

export interface RecordHeading {
  /** the record's name: the first line, and the running header */
  readonly title: string;
  /** lines under it: where it comes from (the directory, its edition) */
  readonly lines: readonly string[];
}

/** The short book of the partnerships of `doc` (a selection: the record's), under `heading`. */
export function composeRecordBook(doc: RepertoireDocument, heading: RecordHeading, locale: Locale = 'fr'): Book {
  return {
    title: doc.directory.title,
    words: BOOK_WORDS[locale],
    entries: [],
    parts: [
      {
        id: 'record',
        header: heading.title,
        kind: 'section',
        blocks: [
          { kind: 'heading', lines: [{ kind: 'section-title', text: heading.title }, ...heading.lines.map((text) => ({ kind: 'para' as const, text }))] },
          ...partnershipBlocks(doc, doc.partnerships, locale),
        ],
      },
    ],
  };
}

/** The book printed once, A4, as the directory's book is (no Sommaire to number: one pass). */
export async function printRecordBook(book: Book, options: { browser?: Browser } = {}): Promise<Buffer> {
  const browser = options.browser ?? (await launchBrowser());
  try {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.setContent(renderBookHtml(book), { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        displayHeaderFooter: true,
        headerTemplate: HEADER(book.title, bookFont(book.words.locale)),
        footerTemplate: FOOTER,
        margin: { top: '22mm', bottom: '20mm', left: '18mm', right: '18mm' },
      });
    } finally {
      await context.close();
    }
  } finally {
    if (!options.browser) await browser.close();
  }
}
