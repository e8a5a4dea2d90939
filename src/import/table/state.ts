/**
 * The state the rules share while reading one row (markdown-it's way: an ordered table of small
 * rules over one state): the row's cells, what the rules have read so far, its flags, and the
 * rejection that stops the row.
 */
import { RepertoireError } from '../../errors.js';
import type { Contact, FrameworkKind, Location, ProjectStatus } from '../../model/schema.js';
import { foldKey } from '../../text/fold.js';
import type { CountryNames } from './countries.js';
import type { FieldSource, TableMapping } from './mapping.js';
import type { CountryOutlines } from './point-country.js';
import type { Cell } from './values.js';

export interface RowIssue {
  row: number;
  /** the column's header, when one cell is at fault */
  column?: string;
  /** the field of the mapping ('partner.country') */
  field?: string;
  kind: string;
  reason: string;
  /** the cell's text */
  text?: string;
}

export interface SideDraft {
  name?: string;
  country?: string;
  kind?: string;
  code?: string;
  location?: Location;
  region?: string;
}

export interface RowDraft {
  home: SideDraft;
  partner: SideDraft;
  signedDate?: string;
  dateText?: string;
  frameworkKind?: FrameworkKind;
  legalFramework?: string;
  domains?: string[];
  notes?: string;
  project?: {
    title: string;
    status: ProjectStatus;
    startDate?: string;
    endDate?: string;
    amount?: number;
    currency?: string;
    funders?: string[];
    description?: string;
  };
  contacts: { side: 'home' | 'partner'; contact: Contact }[];
}

/** The readers a table's rows share (built once per import): passed in, no module state. */
export interface TableTools {
  countries: CountryNames;
  outlines: CountryOutlines;
  /** the mapping's words of organisations, folded once */
  notCollectivityWords: readonly string[];
}

/** The mapping's markers of the unknown, folded, and the length of the longest. */
export interface UnknownMarkers {
  keys: ReadonlySet<string>;
  longest: number;
}

export function unknownMarkers(markers: readonly string[]): UnknownMarkers {
  return { keys: new Set(markers.map(foldKey)), longest: Math.max(0, ...markers.map((m) => m.length)) };
}

export class RowState {
  readonly draft: RowDraft = { home: {}, partner: {}, contacts: [] };
  readonly flags: RowIssue[] = [];
  rejection: RowIssue | undefined;
  private readonly unknown: ReadonlySet<string>;
  /** the longest marker of the unknown, and a little: longer cells are not folded to be compared */
  private readonly markerLength: number;

  constructor(
    readonly row: number,
    readonly cells: readonly Cell[],
    readonly columns: ReadonlyMap<string, number>,
    readonly mapping: TableMapping,
    readonly tools: TableTools,
    readonly tableName: string,
    unknown: UnknownMarkers,
  ) {
    this.unknown = unknown.keys;
    this.markerLength = unknown.longest + 2;
  }

  /** A field's cell and its column; undefined for an empty cell or a marker of the unknown. */
  cell(source: FieldSource | undefined): { cell: Cell; column?: string } | undefined {
    if (source === undefined) return undefined;
    if ('value' in source) return { cell: source.value };
    const index = this.columns.get(source.column);
    const cell = index === undefined ? undefined : this.cells[index];
    if (this.isUnknown(cell, source.unknown)) return source.default === undefined ? undefined : { cell: source.default, column: source.column };
    return { cell, column: source.column };
  }

  private isUnknown(cell: Cell, own: readonly string[] | undefined): boolean {
    if (cell === undefined) return true;
    if (typeof cell === 'string' && cell.trim() === '') return true;
    if (cell instanceof Date) return false;
    const text = String(cell);
    // Markers of the unknown are short; folding every long cell of a large table would be the reader's main cost.
    if (text.length > this.markerLength && (own === undefined || own.every((u) => text.length > u.length + 2))) return false;
    const key = foldKey(text);
    return this.unknown.has(key) || (own !== undefined && own.some((u) => foldKey(u) === key));
  }

  flag(kind: string, reason: string, where: { column?: string | undefined; field?: string; text?: string } = {}): void {
    this.flags.push(issue(this.row, kind, reason, where));
  }

  reject(kind: string, reason: string, where: { column?: string | undefined; field?: string; text?: string } = {}): void {
    this.rejection ??= issue(this.row, kind, reason, where);
  }

  /**
   * A cell that cannot be read as its field's type: by default the whole import stops, with the
   * row and column (a column of the wrong type is most often a mapping that names the wrong one);
   * with `"onBadValue": "reject-row"` the row alone is rejected.
   */
  badValue(field: string, column: string | undefined, reason: string): void {
    if (this.mapping.onBadValue === 'reject-row') {
      this.reject('bad-value', `${field}: ${reason}`, { column, field });
      return;
    }
    const where = column === undefined ? `the mapping's constant for ${field}` : `column "${column}" (${field})`;
    throw new RepertoireError('parse', `${this.tableName}: row ${this.row}, ${where}: ${reason}. Nothing was imported; correct the table or the mapping (or say "onBadValue": "reject-row" to import the other rows)`, 400);
  }
}

function issue(row: number, kind: string, reason: string, where: { column?: string | undefined; field?: string; text?: string }): RowIssue {
  const out: RowIssue = { row, kind, reason };
  if (where.column !== undefined) out.column = where.column;
  if (where.field !== undefined) out.field = where.field;
  if (where.text !== undefined) out.text = where.text;
  return out;
}
