/**
 * The one CSV dialect of everything the site and the CLI write as CSV (the exports' tables, the
 * statistics' tables, the map's table): the one French spreadsheets open right by a double click,
 * in Excel (French Windows, whose list separator is ";") and LibreOffice (French locale):
 * - UTF-8 with a byte-order mark (Excel reads UTF-8 only when the BOM says so);
 * - fields separated by ";" (a comma is the decimal separator in French);
 * - numbers with a decimal comma and no thousands separator ("816560", "0,3", "34,0522");
 * - booleans as "oui" / "non";
 * - fields quoted with '"' when they hold ";", '"', a line break, or outer blanks; CRLF line ends;
 * - a text cell that a spreadsheet would run as a formula (starting with "=", "+", "-", "@", a tab
 *   or a carriage return: `guardFormula`, src/formula-guard.ts) is prefixed with "'".
 * LibreOffice's import filter options for these files: `CSV:59,34,76,1,,1036` (";", '"',
 * UTF-8, from line 1, French locale).
 */
import { guardFormula } from '../formula-guard.js';

export const CSV_SEPARATOR = ';';
export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

/** A cell: text, number, boolean or nothing (undefined: nothing too). */
export type CsvValue = string | number | boolean | null | undefined;

/** A cell's text in the dialect above: every string is text, guarded; numbers stay numbers. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'boolean') text = value ? 'oui' : 'non';
  else if (typeof value === 'number') text = Number.isFinite(value) ? String(value).replace('.', ',') : '';
  else text = guardFormula(value);
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, with its end. */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(CSV_SEPARATOR) + CSV_EOL;
}

/** A whole file: the BOM, the header, the rows. */
export function csvFile(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + [header, ...rows].map(csvLine).join('');
}
