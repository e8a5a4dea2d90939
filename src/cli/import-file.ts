/** Import one file into the store: read it, save document, provenance and report in one transaction. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { fileProblem } from '../files.js';
import { decodeDocument, readDocumentText } from '../import/read-document.js';
import type { ImportReport } from '../model/report.js';
import type { SaveCounts } from '../store/changes.js';
import { importDocument } from '../census/import.js';
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
  // Records edited since the last import keep their edits; the import's changes to them become proposals.
  const saved = await importDocument(db, read.document, { documentName: name, sources: read.sources, report: read.report });
  if (saved.proposals > 0) {
    progressStream.write(`${saved.proposals} change(s) to edited records left for the editors' review (batch "${saved.batch}")\n`);
  }
  return { report: read.report, changes: saved.changes };
}

async function readText(path: string): Promise<string> {
  const bytes = await readFile(path).catch((error: unknown) => {
    throw fileProblem(error, path, 'read');
  });
  return decodeDocument(bytes, basename(path));
}
