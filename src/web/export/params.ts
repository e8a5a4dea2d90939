/**
 * The export's URL: `/export?format=F[&columns=TABLE:COLUMN…][&scope=all|search][&q=…&FACET=…]`.
 * - `format`: csv, xlsx, json or iati (the book, html and pdf, is the editors' CLI's);
 * - `columns` (csv, xlsx; repeatable, or comma-separated `TABLE:COL,COL`): only the columns named,
 *   and only the tables named (the form's checkboxes: a table with no box ticked is left out);
 *   absent: every column of every table;
 * - `scope`: `all` exports the whole directory whatever the search; `search` (the default)
 *   exports exactly the results of the search the other parameters describe — the whole
 *   directory when they describe none (no text, no filter);
 * - `labels` (csv, xlsx): `fr` (the default) writes sheet names, headers and values in words, for
 *   people opening the file in a spreadsheet; `codes` writes the tables' own names and stored
 *   codes (`ongoing`, `MA`), for programs;
 * - `content` (csv, xlsx): `all` (the default) every table, the one-sheet table of projects
 *   (`project_summary`) first; `summary` that table alone.
 * Bad values are refused with the parameter's name (`ExportParamError`, a 400 page).
 */
import { RepertoireError } from '../../errors.js';
import { PUBLISHERS, type Publisher } from '../../publish/formats.js';
import type { ColumnChoice } from '../../publish/options.js';
import { TABLES } from '../../publish/tables.js';
import { parseSearchParams } from '../../search/params.js';
import type { SearchQuery } from '../../search/types.js';

/** What the site offers: the data formats (the book is printed by the CLI). */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'iati'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_PATH = '/export';

/** A refused parameter: its name, the value refused, and why (French, for the page). */
export class ExportParamError extends RepertoireError {
  constructor(
    readonly parameter: string,
    readonly reason: string,
  ) {
    super('usage', `${parameter}: ${reason}`, 400);
  }
}

/** The words of an export: the site's language, or the codes. */
export const EXPORT_LABELS = ['fr', 'codes'] as const;
export type ExportLabelChoice = (typeof EXPORT_LABELS)[number];
export const EXPORT_CONTENTS = ['all', 'summary'] as const;
export type ExportContent = (typeof EXPORT_CONTENTS)[number];
/** The one-sheet table of projects, for `content=summary`. */
export const SUMMARY_TABLE = 'project_summary';

export interface ExportRequest {
  readonly format: ExportFormat;
  readonly labels: ExportLabelChoice;
  readonly content: ExportContent;
  readonly publisher: Publisher;
  readonly columns?: ColumnChoice;
  /** the search whose results to export; undefined: the whole directory */
  readonly search?: SearchQuery;
}

type Params = Record<string, string | string[] | undefined>;

const all = (raw: string | string[] | undefined): string[] => (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]);
const quote = (text: string) => `« ${text.slice(0, 80)} »`;

export function parseExportParams(params: Params): ExportRequest {
  const formats = all(params.format);
  const format = formats[0];
  if (format === undefined || format === '') throw new ExportParamError('format', `aucun format demandé (formats : ${EXPORT_FORMATS.join(', ')}).`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new ExportParamError('format', `format inconnu ${quote(format)} (formats : ${EXPORT_FORMATS.join(', ')}).`);
  }
  const publisher = PUBLISHERS[format]!;

  const scope = all(params.scope)[0] ?? 'search';
  if (scope !== 'search' && scope !== 'all') throw new ExportParamError('scope', `valeur inconnue ${quote(scope)} (search ou all).`);

  const labels = all(params.labels)[0] ?? 'fr';
  if (!(EXPORT_LABELS as readonly string[]).includes(labels)) throw new ExportParamError('labels', `valeur inconnue ${quote(labels)} (${EXPORT_LABELS.join(' ou ')}).`);
  const content = all(params.content)[0] ?? 'all';
  if (!(EXPORT_CONTENTS as readonly string[]).includes(content)) throw new ExportParamError('content', `valeur inconnue ${quote(content)} (${EXPORT_CONTENTS.join(' ou ')}).`);

  let columns: ColumnChoice | undefined;
  const named = all(params.columns).filter((value) => value.trim() !== '');
  if (named.length > 0 && publisher.columns) columns = parseColumns(named);
  if (content === 'summary' && publisher.columns) columns = summaryOnly(columns);

  const { columns: _c, format: _f, scope: _s, labels: _l, content: _ct, ...rest } = params;
  const { query } = parseSearchParams(rest);
  const searching = query.q.trim() !== '' || Object.values(query.filters).some((values) => values !== undefined && values.length > 0);
  return {
    format: format as ExportFormat,
    publisher,
    labels: labels as ExportLabelChoice,
    content: content as ExportContent,
    ...(columns ? { columns } : {}), ...(scope === 'search' && searching ? { search: query } : {}) };
}

/** The one-sheet table alone: its chosen columns (all when none is chosen), no other table. */
function summaryOnly(choice: ColumnChoice | undefined): ColumnChoice {
  const summary = TABLES.find((t) => t.name === SUMMARY_TABLE)!;
  const chosen = choice?.[SUMMARY_TABLE];
  return { ...Object.fromEntries(TABLES.map((t) => [t.name, []])), [SUMMARY_TABLE]: chosen !== undefined && chosen.length > 0 ? chosen : summary.columns.map((c) => c.name) };
}

/** `TABLE:COL` values (or `TABLE:COL,COL`): every table named gets its columns, the others none. */
function parseColumns(values: readonly string[]): ColumnChoice {
  const choice: Record<string, string[]> = Object.fromEntries(TABLES.map((t) => [t.name, []]));
  for (const value of values) {
    const m = /^\s*([^:]+?)\s*:\s*(.+)$/.exec(value);
    if (!m) throw new ExportParamError('columns', `${quote(value)} n’est pas de la forme TABLE:COLONNE.`);
    const table = TABLES.find((t) => t.name === m[1]);
    if (!table) throw new ExportParamError('columns', `aucune table ${quote(m[1]!)} (tables : ${TABLES.map((t) => t.name).join(', ')}).`);
    for (const name of m[2]!.split(',').map((c) => c.trim()).filter(Boolean)) {
      if (!table.columns.some((c) => c.name === name)) {
        throw new ExportParamError('columns', `la table ${table.name} n’a pas de colonne ${quote(name)} (colonnes : ${table.columns.map((c) => c.name).join(', ')}).`);
      }
      if (!choice[table.name]!.includes(name)) choice[table.name]!.push(name);
    }
  }
  // the columns in the table's own order, whatever the order of the boxes
  for (const table of TABLES) choice[table.name] = table.columns.map((c) => c.name).filter((name) => choice[table.name]!.includes(name));
  return choice;
}
