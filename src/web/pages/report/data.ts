/** The import report page's view model: the latest import's counts, changes, and what it found. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ImportFormat, ImportIssue } from '../../../model/report.js';
import { latestImportReport } from '../../../store/import-reports.js';
import type { Database } from '../../../store/tables.js';
import type { Redactor } from '../../../census/privacy/index.js';

export const ReportView = z.object({
  report: z
    .object({
      directoryId: z.string(),
      document: z.string(),
      format: ImportFormat,
      importedAt: z.string(),
      counts: z.array(z.object({ name: z.string(), value: z.number() })),
      changes: z.object({ created: z.number(), updated: z.number(), unchanged: z.number(), removed: z.number() }),
      unplaced: z.array(ImportIssue),
      inconsistencies: z.array(ImportIssue),
      warnings: z.array(ImportIssue),
    })
    .optional(),
});
export type ReportView = z.infer<typeof ReportView>;

/**
 * The latest import of the directory `directoryId` (of any, when not given). `redactor` cuts named
 * people's coordinates out of the issues' texts (a duplicated line may be an e-mail).
 */
export async function reportView(db: Kysely<Database>, redactor?: Redactor, directoryId?: string): Promise<ReportView> {
  const stored = await latestImportReport(db, directoryId);
  if (stored === undefined) return ReportView.parse({});
  const { changes } = stored;
  const report = redactor === undefined ? stored.report : redactor.deep(stored.report);
  return ReportView.parse({
    report: {
      directoryId: stored.directoryId,
      document: report.document,
      format: report.format,
      importedAt: report.importedAt,
      counts: Object.entries(report.counts).map(([name, value]) => ({ name, value })),
      changes,
      unplaced: report.unplaced,
      inconsistencies: report.inconsistencies,
      warnings: report.warnings,
    },
  });
}
