/** Import one file into the store: read it, save document, provenance and report in one transaction. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { RepertoireError } from '../errors.js';
import { readDocumentText } from '../import/read-document.js';
import type { ImportReport } from '../model/report.js';
import type { SaveCounts } from '../store/changes.js';
import { saveDocument } from '../store/save-document.js';
import type { Database } from '../store/tables.js';
import type { Output } from './context.js';
import { createProgress } from './progress.js';

export interface FileImport {
  report: ImportReport;
  changes: SaveCounts;
}

export async function importFile(db: Kysely<Database>, path: string, progressStream: Output): Promise<FileImport> {
  const text = await readText(path);
  const name = basename(path);
  const progress = createProgress(progressStream, `reading ${name}`);
  let read;
  try {
    read = readDocumentText(text, name, { onProgress: progress.update });
  } finally {
    progress.finish();
  }
  const changes = await saveDocument(db, read.document, { sources: read.sources, report: read.report });
  return { report: read.report, changes };
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new RepertoireError('not-found', `cannot read ${path}: ${reason}`, 404, { cause: error });
  }
}
