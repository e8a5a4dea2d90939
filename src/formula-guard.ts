/**
 * Text a spreadsheet would run as a formula (CSV injection, OWASP): a cell that starts with "=",
 * "+", "-", "@", a tab or a carriage return. "-2+3+cmd|' /C calc'!A0" and "+ 33 (0)4 …" alike:
 * Excel evaluates both on opening a CSV, so every text cell starting so is guarded, whatever
 * follows. Numbers written as numbers (amounts, counts, a negative share) are not text and are
 * never guarded. Used by every writer of spreadsheet cells: the CSV exports, the statistics' CSV
 * files, the XLSX sheets.
 */

/** Whether a spreadsheet would take this text for a formula. */
export function startsLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** The text as a CSV cell may hold it: prefixed with "'" (the text mark spreadsheets know) when it starts like a formula. */
export function guardFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}
