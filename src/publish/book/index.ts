/**
 * The book as a publisher (formats.ts): `html` and `pdf`. Both print once to learn the pages of
 * the Sommaire (pdf.ts), so the HTML's Sommaire gives the pages its own print has.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import { loadDocument } from '../../store/load-document.js';
import type { Database } from '../../store/tables.js';
import type { ExportCounts, ExportOptions } from '../options.js';
import { redactDocument } from '../redact.js';
import { printBook, type PrintOptions } from './pdf.js';

export { composeBook, bookText } from './compose.js';
export { renderBookHtml, htmlToText } from './html.js';
export { printBook } from './pdf.js';

type BookOptions = ExportOptions & Pick<PrintOptions, 'browser'>;

/** The book of the stored directory; with a redactor, the public's book (as every writer: options.ts). */
async function print(db: Kysely<Database>, options: BookOptions) {
  const stored = await loadDocument(db, options.directoryId);
  const doc = options.redactor ? redactDocument(stored, options.redactor) : stored;
  return printBook(doc, {
    ...(options.browser ? { browser: options.browser } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.bookLanguage ? { locale: options.bookLanguage } : {}),
  });
}

export async function writeBookPdf(db: Kysely<Database>, out: Writable, options: BookOptions = {}): Promise<ExportCounts> {
  const printed = await print(db, options);
  await pipeline(Readable.from([printed.pdf]), out);
  return { pages: printed.pageCount, passes: printed.passes };
}

export async function writeBookHtml(db: Kysely<Database>, out: Writable, options: BookOptions = {}): Promise<ExportCounts> {
  const printed = await print(db, options);
  await pipeline(Readable.from([Buffer.from(printed.html, 'utf8')]), out);
  return { pages: printed.pageCount, passes: printed.passes };
}
