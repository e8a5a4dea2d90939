/**
 * The data-quality desk of one directory: its findings less those an editor accepted, with their
 * counts by kind. Read by `repertoire quality` and the editors' page `/qualite`.
 */
import type { Kysely } from 'kysely';
import { latestImportReport } from '../../store/import-reports.js';
import { loadDocument } from '../../store/load-document.js';
import { acceptedFindings } from '../../store/quality-acceptances.js';
import type { Database } from '../../store/tables.js';
import { countFindings, qualityFindings, type Finding, type FindingKind, type FindingOptions } from './findings.js';

export interface QualityDesk {
  readonly directoryId: string;
  readonly findings: readonly Finding[];
  readonly counts: Record<FindingKind, number>;
  /** findings hidden because an editor accepted them */
  readonly accepted: number;
}

export async function qualityDesk(db: Kysely<Database>, directoryId: string | undefined, options: FindingOptions = {}): Promise<QualityDesk> {
  const doc = await loadDocument(db, directoryId);
  const id = doc.directory.id!;
  const report = await latestImportReport(db, id);
  const all = qualityFindings(doc, report?.report, options);
  const accepted = await acceptedFindings(db, id);
  const findings = all.filter((f) => !accepted.has(f.key));
  return { directoryId: id, findings, counts: countFindings(findings), accepted: all.length - findings.length };
}
