/** Import one file into the store: read it, save document, provenance and report in one transaction. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { fileProblem } from '../files.js';
import { decodeDocument, readDocumentText } from '../import/read-document.js';
import type { ImportReport } from '../model/report.js';
import type { SaveCounts } from '../store/changes.js';
import { IMPORT_STEPS, importDocument, type ImportOptions, type ImportStep } from '../census/import.js';
import type { TestPause } from '../config.js';
import { RepertoireError } from '../errors.js';
import type { Database } from '../store/tables.js';
import type { Output } from './context.js';
import { createProgress } from './progress.js';

export interface FileImport {
  report: ImportReport;
  changes: SaveCounts;
}

export async function importFile(db: Kysely<Database>, path: string, progressStream: Output, pause?: TestPause): Promise<FileImport> {
  const onStep = pause === undefined ? undefined : pauseAt(pause, progressStream);
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
  const options: ImportOptions = { documentName: name, sources: read.sources, report: read.report };
  if (onStep !== undefined) options.onStep = onStep;
  const saved = await importDocument(db, read.document, options);
  if (saved.proposals > 0) {
    progressStream.write(`${saved.proposals} change(s) to edited records left for the editors' review (batch "${saved.batch}")\n`);
  }
  return { report: read.report, changes: saved.changes };
}

/**
 * The test pause (REPERTOIRE_TEST_PAUSE): at its step the import says so on stderr and waits, in
 * the middle of its work, for `ms` or until the process is killed.
 */
function pauseAt(pause: TestPause, stderr: Output): (step: ImportStep) => Promise<void> {
  if (!(IMPORT_STEPS as readonly string[]).includes(pause.at)) {
    throw new RepertoireError('config', `Invalid configuration: REPERTOIRE_TEST_PAUSE: no import step "${pause.at}" (steps: ${IMPORT_STEPS.join(', ')})`);
  }
  return async (step) => {
    if (step !== pause.at) return;
    stderr.write(`paused at import step "${step}"\n`);
    await new Promise((resolve) => setTimeout(resolve, pause.ms ?? 2 ** 31 - 1));
  };
}

async function readText(path: string): Promise<string> {
  const bytes = await readFile(path).catch((error: unknown) => {
    throw fileProblem(error, path, 'read');
  });
  return decodeDocument(bytes, basename(path));
}
