/** The log of imports: each import's report, with what saving it changed. Append-only. */
import type { Kysely, Selectable } from 'kysely';
import { ImportReport } from '../model/report.js';
import type { SaveCounts } from './changes.js';
import { decodeJson, encodeJson } from './codec.js';
import type { Database, ImportReportTable } from './tables.js';

export interface StoredImportReport {
  id: number;
  directoryId: string;
  report: ImportReport;
  changes: SaveCounts;
}

export async function addImportReport(db: Kysely<Database>, directoryId: string, report: ImportReport, changes: SaveCounts) {
  await db
    .insertInto('import_reports')
    .values({
      directory_id: directoryId,
      document: report.document,
      format: report.format,
      imported_at: report.importedAt,
      report: encodeJson(report) ?? '{}',
      ...changes,
    })
    .execute();
}

/** The latest import of one directory, or of any when `directoryId` is not given. */
export async function latestImportReport(db: Kysely<Database>, directoryId?: string): Promise<StoredImportReport | undefined> {
  let query = db.selectFrom('import_reports').selectAll();
  if (directoryId !== undefined) query = query.where('directory_id', '=', directoryId);
  const row = await query.orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row === undefined ? undefined : storedReport(row);
}

/** Newest first. */
export async function listImportReports(db: Kysely<Database>): Promise<StoredImportReport[]> {
  const rows = await db.selectFrom('import_reports').selectAll().orderBy('id', 'desc').execute();
  return rows.map(storedReport);
}

function storedReport(row: Selectable<ImportReportTable>): StoredImportReport {
  return {
    id: row.id,
    directoryId: row.directory_id,
    report: ImportReport.parse(decodeJson(row.report)),
    changes: { created: row.created, updated: row.updated, unchanged: row.unchanged, removed: row.removed },
  };
}
