/**
 * Reading a table with its mapping: rows streamed from the source (source.ts), the header row
 * checked against the mapping, each data row read by the rules (rules.ts) and kept as records
 * (collect.ts, on a scratch database: shelf.ts) or rejected with its row, column and reason. The
 * result is the records, an ImportReport, and the rows each partnership came from (for the rows
 * created / updated / unchanged). Nothing grows with the table in memory but the report, and the
 * report keeps the first issues of each kind with the count of all of them.
 */
import { RepertoireError } from '../../errors.js';
import type { ImportIssue, ImportReport } from '../../model/report.js';
import type { RepertoireDocument } from '../../model/schema.js';
import { foldKey } from '../../text/fold.js';
import { TableRecords } from './collect.js';
import { CountryNames } from './countries.js';
import { mappedColumns, type TableMapping } from './mapping.js';
import { CountryOutlines } from './point-country.js';
import { Shelves, type Shelf } from './shelf.js';
import type { TableSource } from './rows.js';
import { readRow } from './rules.js';
import { RowState, unknownMarkers, type RowIssue, type TableTools } from './state.js';
import { cellText } from './values.js';

export { readMapping, TableMapping } from './mapping.js';
export { isTableName } from './names.js';
export { openTable } from './source.js';
export type { TableSource } from './rows.js';
export type { TableRecords } from './collect.js';
export { Shelves, type Shelf } from './shelf.js';

export interface TableRead {
  /** the whole document, assembled in memory when first asked for (small tables, tests) */
  readonly document: RepertoireDocument;
  /** the records on their shelves, to be taken a chunk at a time */
  records: TableRecords;
  report: ImportReport;
  /** the data rows read, and those rejected */
  rows: { read: number; rejected: number };
  /** the source rows of each partnership */
  rowsOf: Shelf<number[]>;
  /** deletes the scratch database the records wait in */
  close(): void;
}

export interface ReadTableOptions {
  now?: Date;
  tools?: TableTools;
  onProgress?: (rows: number) => void;
  /** issues of one kind listed in the report; the others only counted (default 100) */
  issuesPerKind?: number;
}

/** The first issues of each kind, and how many there were of each. */
class IssueList {
  readonly listed: ImportIssue[] = [];
  readonly counts = new Map<string, number>();
  constructor(private readonly perKind: number) {}

  add(issue: ImportIssue): void {
    const n = (this.counts.get(issue.kind) ?? 0) + 1;
    this.counts.set(issue.kind, n);
    if (n <= this.perKind) this.listed.push(issue);
  }

  get total(): number {
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  /** `rejected.ambiguous-country: 2`: every kind's count, for the report's counts */
  countsAs(prefix: string): Record<string, number> {
    return Object.fromEntries([...this.counts].map(([kind, n]) => [`${prefix}.${kind}`, n]));
  }
}

export function tableTools(mapping: TableMapping): TableTools {
  return { countries: new CountryNames(mapping.language, mapping.countryNames), outlines: new CountryOutlines(), notCollectivityWords: mapping.notCollectivityWords.map(foldKey) };
}

export async function readTable(source: TableSource, mapping: TableMapping, options: ReadTableOptions = {}): Promise<TableRead> {
  const shelves = new Shelves();
  try {
    return await readInto(shelves, source, mapping, options);
  } catch (error) {
    shelves.close();
    throw error;
  }
}

async function readInto(shelves: Shelves, source: TableSource, mapping: TableMapping, options: ReadTableOptions): Promise<TableRead> {
  const tools = options.tools ?? tableTools(mapping);
  const unknown = unknownMarkers(mapping.unknown);
  const records = new TableRecords(mapping, source.name, shelves);
  const perKind = options.issuesPerKind ?? 100;
  const rejected = new IssueList(perKind);
  const warnings = new IssueList(perKind);
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
      rejected.add(toIssue(state.rejection, 'rejected'));
      continue;
    }
    for (const flag of [...state.flags, ...records.add(row, state.draft)]) warnings.add(toIssue(flag, 'flagged'));
  }
  if (columns === undefined) throw new RepertoireError('parse', `${source.name}: no header row (row ${mapping.table.headerRow}): the table is empty`, 400);
  const directory = records.directory();
  if (records.partnerships.size === 0) {
    const first = rejected.listed[0]?.message;
    throw new RepertoireError('parse', `${source.name}: no row could be read (${read} rows, ${rejected.total} rejected)${first ? `; the first: ${first}` : ''}`, 400);
  }
  if (directory.countries.length < 2) {
    throw new RepertoireError('parse', `${source.name}: every partnership read is between collectivities of ${directory.countries[0]}: a directory is of a home country and its partner countries`, 400);
  }
  const report: ImportReport = {
    document: source.name,
    format: 'table',
    importedAt: (options.now ?? new Date()).toISOString(),
    counts: { rows: read, rejectedRows: rejected.total, ...records.counts(), ...rejected.countsAs('rejected'), ...warnings.countsAs('flagged') },
    unplaced: rejected.listed,
    inconsistencies: [],
    warnings: warnings.listed,
  };
  let document: RepertoireDocument | undefined;
  return {
    get document() {
      document ??= records.document();
      return document;
    },
    records,
    report,
    rows: { read, rejected: rejected.total },
    rowsOf: records.rowsOf,
    close: () => shelves.close(),
  };
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
