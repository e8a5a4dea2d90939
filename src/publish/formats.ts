/**
 * The publishers, by format name: what `repertoire export --format` offers, and what the web
 * site calls. Each writes to a Writable and ends it.
 */
import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { writeBookHtml, writeBookPdf } from './book/index.js';
import { writeCsv } from './csv.js';
import { writeIati } from './iati.js';
import { writeJson } from './json-stream.js';
import type { ExportCounts, ExportOptions } from './options.js';
import { writeXlsx } from './xlsx.js';

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

export const PUBLISHERS: Readonly<Record<string, Publisher>> = {
  json: { mediaType: 'application/json', extension: 'json', binary: false, columns: false, selection: false, write: writeJson },
  csv: { mediaType: 'application/zip', extension: 'zip', binary: true, columns: true, selection: true, write: writeCsv },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', binary: true, columns: true, selection: true, write: writeXlsx },
  iati: { mediaType: 'application/xml', extension: 'xml', binary: false, columns: false, selection: true, write: writeIati },
  html: { mediaType: 'text/html', extension: 'html', binary: false, columns: false, selection: false, write: writeBookHtml },
  pdf: { mediaType: 'application/pdf', extension: 'pdf', binary: true, columns: false, selection: false, write: writeBookPdf },
};
