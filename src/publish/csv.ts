/**
 * CSV export: one file per table (tables.ts) in a zip.
 *
 * The dialect is the one French spreadsheets expect, so that a double click opens the files
 * right in Excel (French Windows, whose list separator is ";") and LibreOffice (French locale):
 * - UTF-8 with a byte-order mark (Excel reads UTF-8 only when the BOM says so);
 * - fields separated by ";" (a comma is the decimal separator in French);
 * - numbers with a decimal comma and no thousands separator ("816560", "0,3", "34,0522");
 * - amounts as plain numbers, with the currency in the next column (ISO 4217: EUR, MAD);
 * - dates as written at their precision ("2007", "2007-07", "2007-07-09");
 * - booleans as "oui" / "non"; lists joined with " | ";
 * - fields quoted with '"' when they hold ";", '"', a line break, or outer blanks; CRLF line ends;
 * - a text cell that a spreadsheet would run as a formula (starting with "=", "+", "-", "@", a tab
 *   or a carriage return: `guardFormula`, src/formula-guard.ts) is prefixed with "'".
 * LibreOffice's import filter options for these files: `CSV:59,34,76,1,,1036` (";", '"',
 * UTF-8, from line 1, French locale).
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import yazl from 'yazl';
import { guardFormula } from '../formula-guard.js';
import type { Database } from '../store/tables.js';
import type { ExportCounts, ExportOptions } from './options.js';
import type { Cell, Row, Table } from './cells.js';
import { chooseColumns, countRows, progressCounter, resolveScope, tableRows } from './tables.js';

export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';
const EOL = '\r\n';
/** A fixed date for the zip's entries: the same store gives the same bytes. */
const ZIP_DATE = new Date('2000-01-01T00:00:00Z');
/** Bytes gathered before a chunk is handed to the zip. */
const CHUNK = 64 * 1024;

function formatNumber(value: number): string {
  return String(value).replace('.', ',');
}

/** A cell's text in the French CSV dialect above: every string is text, guarded; numbers stay numbers. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  let text: string;
  if (typeof value === 'boolean') text = value ? 'oui' : 'non';
  else if (typeof value === 'number') text = formatNumber(value);
  else text = guardFormula(value);
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly Cell[]): string {
  return values.map(csvCell).join(CSV_SEPARATOR) + EOL;
}

async function* csvChunks(rows: AsyncIterable<Row>, table: Table, tick: () => void): AsyncGenerator<Buffer> {
  let buffer = BOM + table.columns.map((c) => c.name).join(CSV_SEPARATOR) + EOL;
  for await (const row of rows) {
    buffer += csvLine(table.columns.map((c) => row[c.name] ?? null));
    tick();
    if (buffer.length >= CHUNK) {
      yield Buffer.from(buffer, 'utf8');
      buffer = '';
    }
  }
  if (buffer) yield Buffer.from(buffer, 'utf8');
}

/**
 * Writes the zip of CSV files (`<table>.csv`) to `out` and ends it. Tables are read from the
 * store one after the other, a batch of partnerships at a time, as the zip asks for them.
 */
export async function writeCsv(db: Kysely<Database>, out: Writable, options: ExportOptions = {}): Promise<ExportCounts> {
  const tables = chooseColumns(options.columns);
  const scope = await resolveScope(db, options);
  const totals = await countRows(scope, tables);
  const progress = progressCounter(Object.values(totals).reduce((a, b) => a + b, 0), options.onProgress, options.rssCeilingMB);
  const counts: ExportCounts = {};
  const zip = new yazl.ZipFile();
  const failures: unknown[] = [];
  for (const table of tables) {
    zip.addReadStreamLazy(`${table.name}.csv`, { mtime: ZIP_DATE }, (callback) => {
      counts[table.name] = 0;
      const tick = () => {
        counts[table.name]! += 1;
        progress.tick();
      };
      const stream = Readable.from(csvChunks(tableRows(scope, table.name), table, tick));
      // yazl does not pass on a source's error: keep it, and end the zip's stream with it.
      stream.on('error', (error) => {
        failures.push(error);
        (zip.outputStream as Readable).destroy(error);
      });
      callback(null, stream);
    });
  }
  zip.end();
  await pipeline(zip.outputStream as Readable, out);
  if (failures.length) throw failures[0];
  progress.end();
  return counts;
}
