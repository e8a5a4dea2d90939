/**
 * Importing a table. Into a directory the store has: its records merged into the directory as it
 * stands (merge-table.ts), then saved as every import is (`importDocument`: one transaction;
 * records edited by people keep their edits, the table's changes to them become proposals). Into
 * a new directory: written a chunk at a time in one transaction (import-table-streamed.ts), never the
 * whole document in memory. A dry run stops before the save and writes nothing. Both say, per
 * row, whether it created, updated or left unchanged a partnership, or was rejected (with its
 * row, column and reason, in the report).
 */
import type { Kysely } from 'kysely';
import type { TableRead } from '../import/table/index.js';
import type { ImportReport } from '../model/report.js';
import type { RepertoireDocument } from '../model/schema.js';
import { countChanges, diffRecords, placeRecords, type SaveCounts } from '../store/changes.js';
import { readDocument } from '../store/load-document.js';
import { collectivityKind } from '../store/records/collectivity.js';
import { domainKind } from '../store/records/domain.js';
import { partnershipKind } from '../store/records/partnership.js';
import { projectKind } from '../store/records/project.js';
import type { Database } from '../store/tables.js';
import { importDocument, type ImportOptions } from './import.js';
import { newDirectoryChanges, writeNewDirectory } from './import-table-streamed.js';
import { readDirectory } from '../store/records/directory.js';
import { mergeTable, type MergeOptions } from './merge-table.js';

export interface RowCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

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
}

export async function importTable(db: Kysely<Database>, read: TableRead, options: TableImportOptions = {}): Promise<TableImportResult> {
  const directoryId = options.directoryId ?? read.records.directory().id!;
  if ((await readDirectory(db, directoryId)) === undefined) return importNew(db, read, directoryId, options);
  const stored = await readDocument(db, directoryId);
  const merged = mergeTable(stored, read.document, { directoryId, ...(options.gazetteer ? { gazetteer: options.gazetteer } : {}) });
  const rows = rowOutcomes(stored, merged.document, read, merged.partnershipIds);
  const result = { directoryId, rows, report: read.report, dryRun: options.dryRun === true };
  if (options.dryRun) return { ...result, changes: recordChanges(stored, merged.document), proposals: 0 };
  const importOptions: ImportOptions = { documentName: read.report.document, report: read.report };
  if (options.userId !== undefined) importOptions.userId = options.userId;
  if (options.now !== undefined) importOptions.now = options.now;
  if (options.onStep !== undefined) importOptions.onStep = options.onStep;
  const saved = await importDocument(db, merged.document, importOptions);
  return { ...result, changes: saved.changes, proposals: saved.proposals, ...(saved.batch ? { batch: saved.batch } : {}) };
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

/** What saving the merged document would change (no removal: a merge keeps every record). */
function recordChanges(before: RepertoireDocument | undefined, after: RepertoireDocument): SaveCounts {
  const old = placeRecords(before);
  const now = placeRecords(after);
  const counts = countChanges([
    diffRecords(old.domains, now.domains, domainKind.keyOf),
    diffRecords(old.collectivities, now.collectivities, collectivityKind.keyOf),
    diffRecords(old.partnerships, now.partnerships, partnershipKind.keyOf),
    diffRecords(old.projects, now.projects, projectKind.keyOf),
  ]);
  const directory = before === undefined ? 'created' : JSON.stringify(before.directory) === JSON.stringify(after.directory) ? 'unchanged' : 'updated';
  return { ...counts, [directory]: counts[directory] + 1 };
}

/**
 * Each read row counts as its partnership: created (new to the directory), updated (it, its
 * projects or its parties' collectivities change), or unchanged.
 */
function rowOutcomes(
  stored: RepertoireDocument | undefined,
  merged: RepertoireDocument,
  read: TableRead,
  partnershipIds: ReadonlyMap<string, string>,
): RowCounts {
  const counts: RowCounts = { created: 0, updated: 0, unchanged: 0, rejected: read.rows.rejected };
  const before = new Map((stored?.partnerships ?? []).map((p) => [p.id, JSON.stringify(p)]));
  const beforeCollectivities = new Map((stored?.collectivities ?? []).map((c) => [c.id, JSON.stringify(c)]));
  const after = new Map(merged.partnerships.map((p) => [p.id, p]));
  const afterCollectivities = new Map(merged.collectivities.map((c) => [c.id, JSON.stringify(c)]));
  const changedCollectivity = (id: string) => beforeCollectivities.get(id) !== afterCollectivities.get(id);
  for (const [tableId, rowsRead] of read.rowsOf) {
    const id = partnershipIds.get(tableId) ?? tableId;
    const old = before.get(id);
    const now = after.get(id);
    const outcome =
      old === undefined ? 'created' : old !== JSON.stringify(now) || (now?.parties ?? []).some((p) => changedCollectivity(p.collectivityId)) ? 'updated' : 'unchanged';
    counts[outcome] += rowsRead.length;
  }
  return counts;
}
