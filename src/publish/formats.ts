/**
 * The publishers, by format name: what `repertoire export --format` offers, and what the web
 * site calls. Each writes to a Writable and ends it. Writers are loaded when first used, so that
 * a CSV export does not load Chromium's driver, nor a PDF one the spreadsheet library.
 */
import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import type { ExportCounts, ExportOptions } from './options.js';

export interface Publisher {
  /** MIME type of what it writes */
  readonly mediaType: string;
  /** file name extension, without the dot */
  readonly extension: string;
  /** not text: never written to a terminal */
  readonly binary: boolean;
  /** takes a column choice */
  readonly columns: boolean;
  /** takes a selection of ids */
  readonly selection: boolean;
  write(db: Kysely<Database>, out: Writable, options?: ExportOptions): Promise<ExportCounts>;
}

type Write = Publisher['write'];

export const PUBLISHERS: Readonly<Record<string, Publisher>> = {
  json: {
    mediaType: 'application/json', extension: 'json', binary: false, columns: false, selection: true,
    write: async (...args: Parameters<Write>) => (await import('./json-stream.js')).writeJson(...args),
  },
  csv: {
    mediaType: 'application/zip', extension: 'zip', binary: true, columns: true, selection: true,
    write: async (...args: Parameters<Write>) => (await import('./csv.js')).writeCsv(...args),
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', binary: true, columns: true, selection: true,
    write: async (...args: Parameters<Write>) => (await import('./xlsx.js')).writeXlsx(...args),
  },
  iati: {
    mediaType: 'application/xml', extension: 'xml', binary: false, columns: false, selection: true,
    write: async (...args: Parameters<Write>) => (await import('./iati.js')).writeIati(...args),
  },
  html: {
    mediaType: 'text/html', extension: 'html', binary: false, columns: false, selection: false,
    write: async (...args: Parameters<Write>) => (await import('./book/index.js')).writeBookHtml(...args),
  },
  pdf: {
    mediaType: 'application/pdf', extension: 'pdf', binary: true, columns: false, selection: false,
    write: async (...args: Parameters<Write>) => (await import('./book/index.js')).writeBookPdf(...args),
  },
};
