/** An import report as people read it: counts, what changed, then every issue with its lines. */
import type { ImportIssue, ImportReport } from '../model/report.js';
import type { SaveCounts } from '../store/changes.js';

export function formatReport(report: ImportReport, changes?: SaveCounts): string {
  const out = [`Imported ${report.document} (${report.format}) at ${report.importedAt}`];
  out.push(formatCounts(report.counts));
  if (changes !== undefined) out.push(formatChanges(changes));
  section(out, 'Unplaced lines', report.unplaced);
  section(out, 'Inconsistencies', report.inconsistencies);
  section(out, 'Warnings', report.warnings);
  return `${out.join('\n')}\n`;
}

export function formatChanges(changes: SaveCounts): string {
  return `Store: ${changes.created} created, ${changes.updated} updated, ${changes.unchanged} unchanged, ${changes.removed} removed`;
}

/** A two-column table of names and counts, indented. */
export function formatCounts(counts: Record<string, number>): string {
  const width = Math.max(0, ...Object.keys(counts).map((name) => name.length));
  return Object.entries(counts)
    .map(([name, count]) => `  ${name.padEnd(width)}  ${String(count).padStart(6)}`)
    .join('\n');
}

function section(out: string[], title: string, issues: readonly ImportIssue[]) {
  if (issues.length === 0) return;
  out.push(`${title} (${issues.length}):`);
  for (const issue of issues) {
    const text = issue.text === undefined ? '' : `\n      ${JSON.stringify(issue.text)}`;
    out.push(`  ${where(issue)}[${issue.kind}] ${issue.message}${text}`);
  }
}

function where(issue: ImportIssue): string {
  if (issue.lines !== undefined) return `lines ${issue.lines[0]}-${issue.lines[1]}: `;
  if (issue.line !== undefined) return `line ${issue.line}: `;
  // a table's issues name their row and column in their message
  return '';
}

/** A table's import, or its dry run: rows created, updated, unchanged and rejected, then the report. */
export function formatTableImport(result: { directoryId: string; dryRun: boolean; rows: { created: number; updated: number; unchanged: number; rejected: number }; changes: SaveCounts; report: ImportReport }): string {
  const { rows } = result;
  const head = result.dryRun ? `Dry run (nothing written) of ${result.report.document} into directory "${result.directoryId}"` : `Imported ${result.report.document} into directory "${result.directoryId}"`;
  const out = [head, `Rows: ${rows.created} created, ${rows.updated} updated, ${rows.unchanged} unchanged, ${rows.rejected} rejected`];
  out.push(formatCounts(result.report.counts));
  out.push(result.dryRun ? formatChanges(result.changes).replace('Store:', 'Store (would be):') : formatChanges(result.changes));
  section(out, 'Rejected rows', result.report.unplaced);
  section(out, 'Flagged', result.report.warnings);
  return `${out.join('\n')}\n`;
}
