/**
 * What every writer of `src/publish/` takes besides the store and the output stream: which
 * directory, which records (the site's "export exactly the current search's results"), which
 * columns, and a progress callback for long work.
 */
import { RepertoireError } from '../errors.js';
import type { ReferenceRates } from '../stats/money.js';
import type { ExportLabels } from './labels.js';
import type { ExportRedactor } from './redact.js';

/**
 * Ids of the records to export; absent: the whole directory.
 * - `projects` given: exactly those projects; their partnerships come along (a project row
 *   names its partnership), together with the `partnerships` given.
 * - only `partnerships` given: those partnerships and all their projects.
 * - `collectivities` given: those collectivities too (a search's collectivity hits), besides the
 *   exported partnerships' parties; alone, they export no partnership.
 * Collectivities are those that are parties of the exported partnerships; domains are always the
 * whole taxonomy (it is small, and the codes in other tables refer to it).
 */
export interface Selection {
  readonly partnerships?: readonly string[];
  readonly projects?: readonly string[];
  readonly collectivities?: readonly string[];
}

/**
 * Columns to write, by table name; a table not named keeps all its columns, in their order; a
 * table given no column is not written at all.
 */
export type ColumnChoice = Readonly<Record<string, readonly string[]>>;

export interface ExportOptions {
  /** the directory to export; absent: the store's only one */
  readonly directoryId?: string;
  readonly selection?: Selection;
  /** CSV and XLSX only */
  readonly columns?: ColumnChoice;
  /** rows (or records) written so far, of the total announced */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * CSV and XLSX: collect garbage whenever the process's RSS passes this many MB (memory.ts).
   * For a command that exports and exits; a long-running server should rather size its heap.
   */
  readonly rssCeilingMB?: number;
  /**
   * A public export (the site's): named people's coordinates cut out as on the public pages
   * (privacy.ts). Absent: everything is written (the editors' CLI).
   */
  readonly redactor?: ExportRedactor;
  /**
   * CSV and XLSX: sheet and file names, headers and codes as people read them (labels.ts, from
   * the web layer's catalogue). Absent: codes (`CODES`), what programs read.
   */
  readonly labels?: ExportLabels;
  /** HTML and PDF: the language of the book's own words (book/words.ts); absent: French, the printed directory's */
  readonly bookLanguage?: 'fr' | 'en' | 'ar';
  /** CSV and XLSX: the rates of a project's cost in euros; absent: those of the directory's countries' profiles */
  readonly rates?: ReferenceRates;
}

/** What a writer wrote: rows per table (activities for IATI, pages for the book). */
export type ExportCounts = Record<string, number>;

/**
 * The CLI's spelling of a column choice: `table:col1,col2;table2:col3`. Names are checked
 * against the tables by the writers (`checkColumns` in tables.ts).
 */
export function parseColumnChoice(text: string): ColumnChoice {
  const choice: Record<string, string[]> = {};
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z_]+)\s*:\s*(.+)$/.exec(part);
    if (!m) throw new RepertoireError('usage', `--columns: "${part}" is not TABLE:COLUMN,COLUMN`);
    const columns = m[2]!.split(',').map((c) => c.trim()).filter(Boolean);
    if (columns.length === 0) throw new RepertoireError('usage', `--columns: no column named for ${m[1]}`);
    choice[m[1]!] = columns;
  }
  return choice;
}

/** `a,b,c` → ids; blanks and empty items are dropped. */
export function parseIdList(text: string): string[] {
  return text.split(/[\s,]+/).map((id) => id.trim()).filter(Boolean);
}
