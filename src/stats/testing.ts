/** For tests: the bundled 2008 directory, read once per test file, and saved into a store of either engine. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { readDirectory, type ReadResult } from '../import/directory/index.js';
import { SEED_COUNTRIES } from '../import/directory/testing.js';
import { saveDocument } from '../store/save-document.js';
import type { Database } from '../store/tables.js';

export const DIRECTORY_2008_FILE = fileURLToPath(new URL('../../data/sources/repertoire-franco-marocain-2008.txt', import.meta.url));
export const DIRECTORY_2008_ID = 'repertoire-franco-marocain-2008';

let read: ReadResult | undefined;

/** The 2008 directory as the importer reads it: document, sources, report. */
export function read2008(): ReadResult {
  read ??= readDirectory(readFileSync(DIRECTORY_2008_FILE, 'utf8'), { document: 'repertoire-franco-marocain-2008.txt' , countries: SEED_COUNTRIES });
  return read;
}

/** Imports the 2008 directory into the store, with its provenance and import report (as `setup` does). */
export async function save2008(db: Kysely<Database>): Promise<ReadResult> {
  const r = read2008();
  await saveDocument(db, r.document, { sources: r.sources, report: r.report });
  return r;
}
