/** The interchange JSON (json.ts) as a publisher: the whole document, written to a stream. */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { exportJson } from './json.js';
import type { ExportCounts, ExportOptions } from './options.js';

/** One document, written at once: no progress to show. */
export async function writeJson(db: Kysely<Database>, out: Writable, options: ExportOptions = {}): Promise<ExportCounts> {
  const text = await exportJson(db, options.directoryId);
  await pipeline(Readable.from([Buffer.from(text, 'utf8')]), out);
  return { bytes: Buffer.byteLength(text) };
}
