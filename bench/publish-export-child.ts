/**
 * One export of a large store, for bench/publish.bench.ts, in its own process so that its peak
 * RSS is its own: `node --import tsx bench/publish-export-child.ts WRITER STORE OUT [PARTNERSHIPS]`.
 * WRITER: csv, xlsx, or xlsx-exceljs (the former writer, the baseline). The store is opened
 * read-only, without migrations (it may be someone else's). PARTNERSHIPS: only the first N
 * partnerships (a selection), for the baseline comparisons that would take too long on the
 * whole store. Prints one JSON line: rows, ms.
 */
import { createWriteStream } from 'node:fs';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { writeCsv } from '../src/publish/csv.js';
import type { ExportOptions } from '../src/publish/options.js';
import { writeXlsxExcelJs } from './xlsx-exceljs.js';
import { writeXlsx } from '../src/publish/xlsx.js';
import type { Database } from '../src/store/tables.js';

const WRITERS = { csv: writeCsv, xlsx: writeXlsx, 'xlsx-exceljs': writeXlsxExcelJs } as const;

const [writer, store, out, limit] = process.argv.slice(2);
const write = WRITERS[writer as keyof typeof WRITERS];
if (!write || !store || !out) throw new Error('usage: publish-export-child.ts csv|xlsx|xlsx-exceljs STORE OUT [PARTNERSHIPS]');
const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new Sqlite(store, { readonly: true, fileMustExist: true }) }) });
let selection: ExportOptions['selection'];
if (limit !== undefined) {
  const rows = await db.selectFrom('partnerships').select('id').orderBy('position').limit(Number(limit)).execute();
  selection = { partnerships: rows.map((r) => r.id) };
}
let rows = 0;
const start = performance.now();
// as the export command does: a memory ceiling of 200 MB
await write(db, createWriteStream(out), { ...(selection ? { selection } : {}), rssCeilingMB: 200, onProgress: (done) => (rows = done) });
const ms = performance.now() - start;
await db.destroy();
console.log(JSON.stringify({ rows, ms }));
