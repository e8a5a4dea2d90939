/**
 * Reading a table with its mapping: rows streamed from the source (source.ts), the header row
 * checked against the mapping, each data row read by the rules (rules.ts) and kept as records
 * (collect.ts) or rejected with its row, column and reason. The result is what every reader
 * gives: a RepertoireDocument and its ImportReport, plus how many rows each partnership came from
 * (for the dry run's rows created / updated / unchanged).
 */
import { RepertoireError } from '../../errors.js';
import { countRecords } from '../../model/counts.js';
import type { ImportIssue, ImportReport } from '../../model/report.js';
import type { RepertoireDocument } from '../../model/schema.js';
import { foldKey } from '../../text/fold.js';
import { TableRecords } from './collect.js';
import { CountryNames } from './countries.js';
import { mappedColumns, type TableMapping } from './mapping.js';
import { CountryOutlines } from './point-country.js';
import type { TableSource } from './rows.js';
import { readRow } from './rules.js';
import { RowState, unknownMarkers, type RowIssue, type TableTools } from './state.js';
import { cellText } from './values.js';

export { readMapping, TableMapping } from './mapping.js';
export { isTableName } from './names.js';
export { openTable } from './source.js';
export type { TableSource } from './rows.js';

export interface TableRead {
  document: RepertoireDocument;
  report: ImportReport;
  /** the data rows read, and those rejected */
  rows: { read: number; rejected: number };
  /** the source rows of each partnership */
  rowsOf: ReadonlyMap<string, readonly number[]>;
}

export interface ReadTableOptions {
  now?: Date;
  tools?: TableTools;
  onProgress?: (rows: number) => void;
}

export function tableTools(mapping: TableMapping): TableTools {
  return { countries: new CountryNames(mapping.language, mapping.countryNames), outlines: new CountryOutlines(), notCollectivityWords: mapping.notCollectivityWords.map(foldKey) };
}

export async function readTable(source: TableSource, mapping: TableMapping, options: ReadTableOptions = {}): Promise<TableRead> {
  const tools = options.tools ?? tableTools(mapping);
  const unknown = unknownMarkers(mapping.unknown);
  const records = new TableRecords(mapping, source.name);
  const rejected: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  let columns: Map<string, number> | undefined;
  let read = 0;
  for await (const { row, cells } of source.rows) {
    if (row < mapping.table.headerRow) continue;
    if (columns === undefined) {
      columns = headerColumns(cells.map((c) => cellText(c) ?? ''), row, mapping, source.name);
      continue;
    }
    read += 1;
    if (options.onProgress && read % 10_000 === 0) options.onProgress(read);
    const state = new RowState(row, cells, columns, mapping, tools, source.name, unknown);
    readRow(state);
    if (state.rejection) {
      rejected.push(toIssue(state.rejection, 'rejected'));
      continue;
    }
    for (const flag of [...state.flags, ...records.add(row, state.draft)]) warnings.push(toIssue(flag, 'flagged'));
  }
  if (columns === undefined) throw new RepertoireError('parse', `${source.name}: no header row (row ${mapping.table.headerRow}): the table is empty`, 400);
  const document = records.document();
  if (document.partnerships.length === 0) {
    const first = rejected[0]?.message;
    throw new RepertoireError('parse', `${source.name}: no row could be read (${read} rows, ${rejected.length} rejected)${first ? `; the first: ${first}` : ''}`, 400);
  }
  if (document.directory.countries.length < 2) {
    throw new RepertoireError('parse', `${source.name}: every partnership read is between collectivities of ${document.directory.countries[0]}: a directory is of a home country and its partner countries`, 400);
  }
  const report: ImportReport = {
    document: source.name,
    format: 'table',
    importedAt: (options.now ?? new Date()).toISOString(),
    counts: { rows: read, rejectedRows: rejected.length, ...countRecords(document) },
    unplaced: rejected,
    inconsistencies: [],
    warnings,
  };
  return { document, report, rows: { read, rejected: rejected.length }, rowsOf: records.rowsOf };
}

/** The headers' positions; every column the mapping names must be there (all missing ones named at once). */
function headerColumns(headers: readonly string[], row: number, mapping: TableMapping, name: string): Map<string, number> {
  const columns = new Map<string, number>();
  headers.forEach((h, i) => {
    if (h !== '' && !columns.has(h)) columns.set(h, i);
  });
  const missing = mappedColumns(mapping).filter(({ column }) => !columns.has(column));
  if (missing.length > 0) {
    const list = missing.map(({ field, column }) => `"${column}" (${field})`).join(', ');
    throw new RepertoireError('parse', `${name}: row ${row} (the headers): the mapping names columns the table does not have: ${list}; the table's columns are: ${headers.filter(Boolean).join(', ')}`, 400);
  }
  return columns;
}

function toIssue(issue: RowIssue, what: 'rejected' | 'flagged'): ImportIssue {
  const where = `row ${issue.row}${issue.column === undefined ? '' : `, column "${issue.column}"`}`;
  const out: ImportIssue = { kind: issue.kind, message: `${where}: ${issue.reason}${what === 'rejected' ? ' (row rejected)' : ''}`, row: issue.row };
  if (issue.column !== undefined) out.column = issue.column;
  if (issue.text !== undefined) out.text = issue.text;
  return out;
}
