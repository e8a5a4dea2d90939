/**
 * CSV export: one file per table (tables.ts) in a zip, in the one CSV dialect (src/text/csv.ts:
 * UTF-8 with BOM, ";", decimal comma, "oui"/"non", formulas guarded), and a Frictionless Data
 * Package (`datapackage.json`, datapackage.ts) describing the files.
 * - amounts as plain numbers, with the currency in the next column (ISO 4217: EUR, MAD);
 * - dates as written at their precision ("2007", "2007-07", "2007-07-09"); lists joined with " | ".
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import yazl from 'yazl';
import { CSV_BOM, csvLine } from '../text/csv.js';
import { readDirectory } from '../store/records/directory.js';
import type { Database } from '../store/tables.js';
import type { ExportCounts, ExportOptions } from './options.js';
import type { Row, Table } from './cells.js';
import { csvFileName, dataPackage } from './datapackage.js';
import { CODES, headers, presenter, type ExportLabels } from './labels.js';
import { chooseColumns, countRows, progressCounter, resolveScope, tableRows } from './tables.js';

export { csvCell, csvLine, CSV_SEPARATOR } from '../text/csv.js';

/** A fixed date for the zip's entries: the same store gives the same bytes. */
const ZIP_DATE = new Date('2000-01-01T00:00:00Z');
/** Bytes gathered before a chunk is handed to the zip. */
const CHUNK = 64 * 1024;

async function* csvChunks(rows: AsyncIterable<Row>, table: Table, labels: ExportLabels, tick: () => void): AsyncGenerator<Buffer> {
  const cells = presenter(table, labels);
  let buffer = CSV_BOM + csvLine(headers(table, labels));
  for await (const row of rows) {
    buffer += csvLine(cells(row));
    tick();
    if (buffer.length >= CHUNK) {
      yield Buffer.from(buffer, 'utf8');
      buffer = '';
    }
  }
  if (buffer) yield Buffer.from(buffer, 'utf8');
}

/**
 * Writes the zip of CSV files (`<table>.csv`) and their `datapackage.json` to `out` and ends it. Tables are read from the
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
  const labels = options.labels ?? CODES;
  const directory = await readDirectory(db, scope.directoryId);
  if (directory !== undefined) {
    const descriptor = dataPackage(scope.directoryId, directory, tables, labels);
    zip.addBuffer(Buffer.from(`${JSON.stringify(descriptor, null, 2)}\n`, 'utf8'), 'datapackage.json', { mtime: ZIP_DATE });
  }
  for (const table of tables) {
    zip.addReadStreamLazy(csvFileName(table, labels), { mtime: ZIP_DATE }, (callback) => {
      counts[table.name] = 0;
      const tick = () => {
        counts[table.name]! += 1;
        progress.tick();
      };
      const stream = Readable.from(csvChunks(tableRows(scope, table.name), table, labels, tick));
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
