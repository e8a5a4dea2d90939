/**
 * Exports for people or for programs. The writers (csv.ts, xlsx.ts) write the tables with codes
 * (`CODES`: table and column names as in `tables.ts`, values as stored: `ongoing`, `MA`) unless
 * they are given labels: then sheet and file names, headers, and the codes of a column that holds
 * some (`Column.code`: statuses, kinds, countries, domains…) are written as the labels say. The
 * words come from the caller (the web layer's catalogue): none are written here.
 */
import { foldKey } from '../text/fold.js';
import { LIST_SEPARATOR, type Cell, type CodeFamily, type Column, type Row, type Table, type TableName } from './cells.js';

export interface ExportLabels {
  /** a table's name for people ("Projets"): the sheet's name, and the CSV file's (folded) */
  table(table: TableName): string;
  /** a column's header */
  column(table: TableName, column: string): string;
  /** a code's label; undefined: the code as it is */
  code(family: CodeFamily, code: string): string | undefined;
}

/** Codes everywhere: what programs read (the interchange's names and values). */
export const CODES: ExportLabels = {
  table: (table) => table,
  column: (_table, column) => column,
  code: () => undefined,
};

/** A table's name as a file name: its label's ASCII words joined by "-" ("Partenaires des projets" → "partenaires-des-projets"; a code stays as it is). */
export function tableFileName(table: TableName, labels: ExportLabels): string {
  const name = labels.table(table);
  if (name === table) return table;
  const ascii = foldKey(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return ascii === '' ? table : ascii;
}

/**
 * A sheet's name: Excel takes at most 31 characters and none of : \ / ? * [ ] (nor a name
 * starting or ending with an apostrophe).
 */
export function sheetName(table: TableName, labels: ExportLabels): string {
  const name = labels.table(table).replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').replace(/\s+/g, ' ').trim().slice(0, 31).trim();
  return name === '' ? table : name;
}

export function headers(table: Table, labels: ExportLabels): string[] {
  return table.columns.map((column) => labels.column(table.name, column.name));
}

/** The cells of a row, in the table's columns' order, codes labelled (items of a list one by one). */
export function presenter(table: Table, labels: ExportLabels): (row: Row) => Cell[] {
  const cells = table.columns.map((column: Column) => {
    const family = column.code;
    if (family === undefined || labels === CODES) return (row: Row) => row[column.name] ?? null;
    const one = (code: string) => labels.code(family, code) ?? code;
    if (column.kind === 'list') {
      return (row: Row) => {
        const value = row[column.name] ?? null;
        return typeof value === 'string' ? value.split(LIST_SEPARATOR).map(one).join(LIST_SEPARATOR) : value;
      };
    }
    return (row: Row) => {
      const value = row[column.name] ?? null;
      return typeof value === 'string' ? one(value) : value;
    };
  });
  return (row) => cells.map((cell) => cell(row));
}
