/**
 * Importing a table, a chunk at a time whatever its size. Into a directory the store has: its
 * records matched to the directory's and merged (merge-table-streamed.ts, by the rules of
 * merge-table.ts), then written in one transaction as every import is (import-table-merged.ts:
 * records edited by people keep their edits, the table's changes to them become proposals). Into
 * a new directory: written in one transaction (import-table-streamed.ts). Neither ever holds the
 * whole document in memory. A dry run writes nothing. Both say, per row, whether it created,
 * updated or left unchanged a partnership, or was rejected (with its row, column and reason, in
 * the report).
 */
import type { Kysely } from 'kysely';
import type { TableRead } from '../import/table/index.js';
import type { ImportReport } from '../model/report.js';
import type { SaveCounts } from '../store/changes.js';
import { readDirectory } from '../store/records/directory.js';
import type { Database } from '../store/tables.js';
import type { ImportOptions } from './import.js';
import { mergeIntoDirectory, type RowCounts } from './import-table-merged.js';
import { newDirectoryChanges, writeNewDirectory } from './import-table-streamed.js';
import type { MergeOptions } from './merge-table.js';
import type { MatchProgress } from './merge-table-streamed.js';

export type { RowCounts } from './import-table-merged.js';

export interface TableImportResult {
  directoryId: string;
  rows: RowCounts;
  /** the store's records the import changes (a dry run: would change) */
  changes: SaveCounts;
  report: ImportReport;
  dryRun: boolean;
  /** proposals left for the editors (records edited by people) */
  proposals: number;
  batch?: string;
}

export interface TableImportOptions extends Pick<ImportOptions, 'userId' | 'now' | 'onStep'> {
  /** the directory to add to (default: the mapping's) */
  directoryId?: string;
  dryRun?: boolean;
  gazetteer?: MergeOptions['gazetteer'];
  /** records written so far, of how many (a new directory, written a chunk at a time) */
  onProgress?: (written: number, total: number) => void;
  /** into a directory the store has: how far the matching of the table's records to the directory's is */
  onMatch?: MatchProgress;
}

export async function importTable(db: Kysely<Database>, read: TableRead, options: TableImportOptions = {}): Promise<TableImportResult> {
  const directoryId = options.directoryId ?? read.records.directory().id!;
  if ((await readDirectory(db, directoryId)) === undefined) return importNew(db, read, directoryId, options);
  const dryRun = options.dryRun === true;
  const merged = await mergeIntoDirectory(db, read, {
    directoryId,
    dryRun,
    origin: { kind: 'import', ref: read.report.document, ...(options.userId ? { userId: options.userId } : {}) },
    now: options.now ?? new Date(),
    ...(options.gazetteer ? { gazetteer: options.gazetteer } : {}),
    ...(options.onStep ? { onStep: options.onStep } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onMatch ? { onMatch: options.onMatch } : {}),
  });
  return { directoryId, report: read.report, dryRun, ...merged };
}

/** A new directory: every row read creates its partnership. */
async function importNew(db: Kysely<Database>, read: TableRead, directoryId: string, options: TableImportOptions): Promise<TableImportResult> {
  const rows: RowCounts = { created: read.rows.read - read.rows.rejected, updated: 0, unchanged: 0, rejected: read.rows.rejected };
  const result = { directoryId, rows, report: read.report, dryRun: options.dryRun === true, proposals: 0 };
  if (options.dryRun) return { ...result, changes: newDirectoryChanges(read) };
  const origin = { kind: 'import' as const, ref: read.report.document, ...(options.userId ? { userId: options.userId } : {}) };
  const changes = await writeNewDirectory(db, read, {
    directoryId,
    origin,
    now: options.now ?? new Date(),
    ...(options.onStep ? { onStep: options.onStep } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return { ...result, changes };
}
