/** Import one file into the store: read it, save document, provenance and report in one transaction. */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Kysely } from 'kysely';
import { fileProblem } from '../files.js';
import { metadataPathOf, readSourceMetadata } from '../import/directory/metadata.js';
import { decodeDocument, isInterchangeName, readDocumentText, type DocumentRead } from '../import/read-document.js';
import { readPdfDirectory } from '../import/pdf/index.js';
import type { ImportReport } from '../model/report.js';
import type { SaveCounts } from '../store/changes.js';
import type { TableImportOptions, TableImportResult } from '../census/import-table.js';
import { IMPORT_STEPS, importDocument, type ImportOptions, type ImportStep } from '../census/import.js';
import type { TestPause } from '../config.js';
import { RepertoireError } from '../errors.js';
import type { Database } from '../store/tables.js';
import type { Output } from './context.js';
import { garbageCollector } from './collect-garbage.js';
import { createProgress } from './progress.js';

export interface FileImport {
  report: ImportReport;
  changes: SaveCounts;
}

export interface FileImportOptions {
  pause?: TestPause;
  /** a directory text's countries, home first (--countries); else its metadata file's */
  countries?: readonly string[];
}

export async function importFile(db: Kysely<Database>, path: string, progressStream: Output, options: FileImportOptions = {}): Promise<FileImport> {
  const { pause } = options;
  const onStep = pause === undefined ? undefined : pauseAt(pause, progressStream);
  const name = basename(path);
  const pdf = isPdfName(name);
  const text = await readText(path);
  const countries = isInterchangeName(name) ? undefined : textCountries(path, options.countries);
  const progress = createProgress(progressStream, `reading ${name}`);
  let read: DocumentRead;
  try {
    read = pdf
      ? await readPdfDirectory(path, name, { countries: countries!, onProgress: progress.update })
      : readDocumentText(text, name, { onProgress: progress.update, ...(countries ? { countries } : {}) });
  } finally {
    progress.finish();
  }
  // Records edited since the last import keep their edits; the import's changes to them become proposals.
  const importOptions: ImportOptions = { documentName: name, sources: read.sources, report: read.report };
  if (onStep !== undefined) importOptions.onStep = onStep;
  const saved = await importDocument(db, read.document, importOptions);
  if (saved.proposals > 0) {
    progressStream.write(`${saved.proposals} change(s) to edited records left for the editors' review (batch "${saved.batch}")\n`);
  }
  return { report: read.report, changes: saved.changes };
}

/** A printed directory as a PDF file, read through pdftotext (src/import/pdf). */
function isPdfName(name: string): boolean {
  return extname(name).toLowerCase() === '.pdf';
}

/** A directory text's countries: as given, else from the metadata file beside it; neither is a usage error saying what to pass. */
function textCountries(path: string, given: readonly string[] | undefined): readonly string[] {
  if (given) return given;
  const metadata = readSourceMetadata(path);
  if (metadata) return metadata.countries;
  throw new RepertoireError(
    'usage',
    `${basename(path)} is a directory text that does not say its countries: pass them, home first (--countries FR,SN), or put ${basename(metadataPathOf(path))} beside it ({"countries": ["FR", "SN"]})`,
  );
}

/** "FR,SN" → ['FR', 'SN'] (the reader checks they are two known countries). */
export function parseCountries(text: string): string[] {
  return text.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
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
  // a PDF's bytes are pdftotext's to read: here only whether the file can be read at all
  if (isPdfName(path)) return '';
  return decodeDocument(bytes, basename(path));
}

export interface TableFileOptions {
  mappingPath: string;
  directoryId?: string;
  dryRun: boolean;
  pause?: TestPause;
}

/**
 * A table with its mapping: rows streamed from the file, merged into the directory (never
 * replacing it), or, in a dry run, only counted.
 */
export async function importTableFile(db: Kysely<Database>, path: string, progressStream: Output, options: TableFileOptions): Promise<TableImportResult> {
  const mappingText = await readFile(options.mappingPath, 'utf8').catch((error: unknown) => {
    throw fileProblem(error, options.mappingPath, 'read');
  });
  // Loaded here, not with the command: exceljs, the country names and outlines take a second to load.
  const [{ openTable, readMapping, readTable }, { importTable }, { defaultGazetteer }] = await Promise.all([
    import('../import/table/index.js'),
    import('../census/import-table.js'),
    import('../geo/gazetteer.js'),
  ]);
  const mapping = readMapping(mappingText, basename(options.mappingPath));
  // A table's length is known only at its end: a line every 100 000 rows says it is moving.
  const onProgress = (rows: number) => {
    if (rows % 100_000 === 0) progressStream.write(`reading ${basename(path)}: ${rows} rows\n`);
  };
  const read = await readTable(openTable(path, mapping.table), mapping, { onProgress });
  progressStream.write(`read ${basename(path)}: ${read.rows.read} rows, ${read.rows.rejected} rejected\n`);
  const writing = createProgress(progressStream, `writing ${basename(path)}`);
  // Into a directory the store has, its records and the table's are matched first, collectivities then partnerships: a bar each.
  const matching = { collectivities: createProgress(progressStream, `matching collectivities of ${basename(path)}`), partnerships: createProgress(progressStream, `matching partnerships of ${basename(path)}`) };
  // A long import's garbage collected as it goes, not let grow between V8's own collections.
  const collect = garbageCollector();
  // Built only if asked: matching by the gazetteer's spellings is needed only for names not found as written.
  const importOptions: TableImportOptions = {
    dryRun: options.dryRun,
    gazetteer: { places: (country, name) => defaultGazetteer().places(country, name) },
    onMatch: (kind, done, total) => {
      collect(done);
      if (kind === 'partnerships') matching.collectivities.finish();
      matching[kind].update(done, total);
    },
    onProgress: (written, total) => {
      collect(written);
      matching.partnerships.finish();
      writing.update(written, total);
    },
  };
  if (options.directoryId !== undefined) importOptions.directoryId = options.directoryId;
  if (options.pause !== undefined) importOptions.onStep = pauseAt(options.pause, progressStream);
  let result: TableImportResult;
  try {
    result = await importTable(db, read, importOptions);
  } finally {
    for (const bar of [matching.collectivities, matching.partnerships, writing]) bar.finish();
    read.close();
  }
  if (result.proposals > 0) progressStream.write(`${result.proposals} change(s) to edited records left for the editors' review (batch "${result.batch}")\n`);
  return result;
}
